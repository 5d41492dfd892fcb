import Foundation

extension LinearProgram {
  /// The variable with this name, or `nil` if no variable has it.
  ///
  /// - Complexity: O(1) on average once the name dictionary is built; the first lookup after
  ///   a named variable or constraint was added rebuilds it in O(variables + constraints).
  public func variable(named name: String) -> Variable? {
    nameIndex.names(of: self).variables[name].map(Variable.init(index:))
  }

  /// The constraint with this name, or `nil` if no constraint has it.
  ///
  /// - Complexity: As for ``variable(named:)``.
  public func constraint(named name: String) -> Constraint? {
    nameIndex.names(of: self).constraints[name].map(Constraint.init(index:))
  }

  /// A short label for messages: `variable 'x' (#0)` or `variable #3`.
  public func label(of variable: Variable) -> String {
    let name = variable.index < variableNames.count ? variableNames[variable.index] : nil
    return name.map { "variable '\($0)' (#\(variable.index))" } ?? "variable #\(variable.index)"
  }

  /// A short label for messages: `constraint 'demand' (#0)` or `constraint #3`.
  public func label(of constraint: Constraint) -> String {
    let name = constraint.index < constraintNames.count ? constraintNames[constraint.index] : nil
    return name.map { "constraint '\($0)' (#\(constraint.index))" }
      ?? "constraint #\(constraint.index)"
  }

  /// Drops a name dictionary that no longer matches this program.
  ///
  /// The dictionary box is shared between copies of a program, so a copy that gains a name must
  /// not write into it: it gets a fresh box unless it holds the only reference to an unbuilt one.
  mutating func namesDidChange() {
    if !isKnownUniquelyReferenced(&nameIndex) || nameIndex.isBuilt {
      nameIndex = NameIndex()
    }
  }
}

/// The name → index dictionaries of a program, built on first use and then kept.
///
/// A reference type so that lookups on an immutable program can fill it in; a lock makes that
/// safe across threads. ``LinearProgram/namesDidChange()`` replaces it when names change.
final class NameIndex: @unchecked Sendable {
  /// The dictionaries, and the first duplicate name met while building them.
  struct Names: Sendable {
    var variables: [String: Int] = [:]
    var constraints: [String: Int] = [:]
    var duplicate: LinearProgramError?
  }

  private let lock = NSLock()
  private var built: Names?

  /// Whether the dictionaries have been built.
  var isBuilt: Bool {
    lock.withLock { built != nil }
  }

  /// The dictionaries for `program`, built on first use.
  ///
  /// Of two equal names, the first wins; the clash is kept in `duplicate`.
  func names(of program: LinearProgram) -> Names {
    lock.withLock {
      if let built { return built }
      var names = Names()
      for (index, name) in program.variableNames.enumerated() {
        guard let name else { continue }
        if let first = names.variables[name] {
          if names.duplicate == nil {
            names.duplicate = .duplicateVariableName(name, first: first, second: index)
          }
        } else {
          names.variables[name] = index
        }
      }
      for (index, name) in program.constraintNames.enumerated() {
        guard let name else { continue }
        if let first = names.constraints[name] {
          if names.duplicate == nil {
            names.duplicate = .duplicateConstraintName(name, first: first, second: index)
          }
        } else {
          names.constraints[name] = index
        }
      }
      built = names
      return names
    }
  }
}
