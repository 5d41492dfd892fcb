/// A linear or mixed-integer program: variables with bounds and integrality, linear constraints
/// (`<=`, `>=`, `=` or ranged), and a linear objective to minimise or maximise.
///
/// A program is a value: build it with `add…` calls, hand it to any ``LinearSolver``, and read the
/// ``Solution``. Variables and constraints are referred to by handles (``Variable``,
/// ``Constraint``) and, optionally, by names, which must be unique among variables and among
/// constraints when given.
///
/// For example, `max 3x + 5y` subject to `x <= 4`, `2y <= 12`, `3x + 2y <= 18`:
///
/// ```swift
/// var program = LinearProgram(name: "hand", sense: .maximize)
/// let x = program.addVariable("x", objective: 3)
/// let y = program.addVariable("y", objective: 5)
/// program.addConstraint("plant1", [1 * x], .lessOrEqual, 4)
/// program.addConstraint("plant2", [2 * y], .lessOrEqual, 12)
/// program.addConstraint("plant3", [3 * x, 2 * y], .lessOrEqual, 18)
/// let solution = try CoinORSolver().solve(program)   // 36 at (2, 6)
/// ```
///
/// Constraints marked soft (`soft: penalty`) may be violated at a price: see
/// ``addConstraint(_:_:_:_:soft:)`` and ``Solution/shortfalls``.
///
/// Building is cheap and linear in the size of the model: variables and constraint bounds live in
/// flat arrays, and the coefficients are appended as (row, column, value) triplets. Solvers ask for
/// the matrix compressed by column (``compressedColumns()``) once, at solve time, which costs
/// O(nonzeros + rows + columns).
///
/// - Complexity: ``addVariable(_:lowerBound:upperBound:objective:isInteger:)`` is amortised O(1);
///   ``addConstraint(_:_:_:_:soft:)`` is amortised O(k) for k terms.
public struct LinearProgram: Sendable {
  /// The program's name, written on the NAME line of MPS files.
  public var name: String
  /// Whether the objective is minimised or maximised.
  ///
  /// The sense is fixed when the program is created, because the penalties of soft constraints
  /// are priced in it.
  public let sense: Sense
  /// A constant added to the objective.
  public var objectiveOffset: Double = 0

  // Columns, one entry per variable, indexed by `Variable.index`. Readable so that solvers in
  // other modules can load them in one call.

  /// Each variable's lower bound (`-.infinity` for none).
  public private(set) var variableLowerBounds: [Double] = []
  /// Each variable's upper bound (`.infinity` for none).
  public private(set) var variableUpperBounds: [Double] = []
  /// Each variable's coefficient in the objective, in the program's own ``sense``.
  public private(set) var objectiveCoefficients: [Double] = []
  /// Whether each variable is integer.
  public private(set) var variableIsInteger: [Bool] = []
  /// Each variable's name, if it has one.
  public private(set) var variableNames: [String?] = []
  var integerCount = 0

  // Rows, one entry per constraint, indexed by `Constraint.index`.

  /// Each constraint's lower bound (`-.infinity` for `<=` rows).
  public private(set) var constraintLowerBounds: [Double] = []
  /// Each constraint's upper bound (`.infinity` for `>=` rows).
  public private(set) var constraintUpperBounds: [Double] = []
  /// Each constraint's name, if it has one.
  public private(set) var constraintNames: [String?] = []

  // The matrix: (row, column, value) triplets in the order they were added.
  var entryRows: [Int32] = []
  var entryColumns: [Int32] = []
  var entryValues: [Double] = []
  /// Whether `entryRows` never decreases, which spares the row pass of the compression.
  var entriesAreRowOrdered = true

  /// The soft constraints and their slack variables, in increasing row order.
  var softConstraints: [SoftConstraint] = []

  /// The lazily built name → index dictionaries.
  var nameIndex = NameIndex()

  /// Creates an empty program.
  ///
  /// - Parameters:
  ///   - name: The program's name, used in MPS files and messages.
  ///   - sense: Whether to minimise (the default) or maximise the objective.
  public init(name: String = "headroom", sense: Sense = .minimize) {
    self.name = name
    self.sense = sense
  }

  // MARK: - Sizes

  /// The number of variables, including the slack variables of soft constraints.
  public var numberOfVariables: Int { variableLowerBounds.count }

  /// The number of constraints.
  public var numberOfConstraints: Int { constraintLowerBounds.count }

  /// The number of stored coefficients (before duplicates are merged).
  public var numberOfEntries: Int { entryValues.count }

  /// The number of integer variables.
  public var numberOfIntegerVariables: Int { integerCount }

  /// Whether any variable is integer, which makes this a mixed-integer program.
  public var isMixedInteger: Bool { integerCount > 0 }

  /// All variable handles, in index order.
  public var variables: [Variable] { (0..<numberOfVariables).map(Variable.init(index:)) }

  /// All constraint handles, in index order.
  public var constraints: [Constraint] { (0..<numberOfConstraints).map(Constraint.init(index:)) }

  /// Reserves storage so that building a model of a known size does not reallocate.
  public mutating func reserveCapacity(variables: Int, constraints: Int, entries: Int) {
    variableLowerBounds.reserveCapacity(variables)
    variableUpperBounds.reserveCapacity(variables)
    objectiveCoefficients.reserveCapacity(variables)
    variableIsInteger.reserveCapacity(variables)
    variableNames.reserveCapacity(variables)
    constraintLowerBounds.reserveCapacity(constraints)
    constraintUpperBounds.reserveCapacity(constraints)
    constraintNames.reserveCapacity(constraints)
    entryRows.reserveCapacity(entries)
    entryColumns.reserveCapacity(entries)
    entryValues.reserveCapacity(entries)
  }

  // MARK: - Variables

  /// Adds a variable and returns its handle.
  ///
  /// - Parameters:
  ///   - name: An optional name, unique among the program's variables.
  ///   - lowerBound: The lower bound; `-.infinity` for none. Defaults to 0.
  ///   - upperBound: The upper bound; `.infinity` (the default) for none.
  ///   - objective: The variable's coefficient in the objective.
  ///   - isInteger: Whether the variable must take an integer value.
  /// - Complexity: Amortised O(1).
  @discardableResult
  public mutating func addVariable(
    _ name: String? = nil,
    lowerBound: Double = 0,
    upperBound: Double = .infinity,
    objective: Double = 0,
    isInteger: Bool = false
  ) -> Variable {
    let variable = Variable(index: variableLowerBounds.count)
    variableLowerBounds.append(lowerBound)
    variableUpperBounds.append(upperBound)
    objectiveCoefficients.append(objective)
    variableIsInteger.append(isInteger)
    variableNames.append(name)
    if isInteger { integerCount += 1 }
    if name != nil { namesDidChange() }
    return variable
  }

  /// The variable's name, if it has one.
  public func name(of variable: Variable) -> String? {
    variableNames[checked: variable]
  }

  /// The variable's lower bound.
  public func lowerBound(of variable: Variable) -> Double {
    variableLowerBounds[checked: variable]
  }

  /// The variable's upper bound.
  public func upperBound(of variable: Variable) -> Double {
    variableUpperBounds[checked: variable]
  }

  /// Replaces the variable's bounds.
  public mutating func setBounds(of variable: Variable, lower: Double, upper: Double) {
    checkIndex(variable)
    variableLowerBounds[variable.index] = lower
    variableUpperBounds[variable.index] = upper
  }

  /// Whether the variable must take an integer value.
  public func isInteger(_ variable: Variable) -> Bool {
    variableIsInteger[checked: variable]
  }

  /// Makes the variable integer or continuous.
  public mutating func setInteger(_ variable: Variable, _ isInteger: Bool) {
    checkIndex(variable)
    if variableIsInteger[variable.index] != isInteger {
      integerCount += isInteger ? 1 : -1
      variableIsInteger[variable.index] = isInteger
    }
  }

  /// The variable's coefficient in the objective.
  public func objectiveCoefficient(of variable: Variable) -> Double {
    objectiveCoefficients[checked: variable]
  }

  /// Replaces the variable's coefficient in the objective.
  public mutating func setObjectiveCoefficient(_ coefficient: Double, for variable: Variable) {
    checkIndex(variable)
    objectiveCoefficients[variable.index] = coefficient
  }

  // MARK: - Constraints

  /// Adds the constraint `terms relation rhs` and returns its handle.
  ///
  /// A soft constraint gets slack variables priced at `penalty` per unit of violation (added to
  /// a minimised objective, subtracted from a maximised one), so that the program stays feasible
  /// when the constraint cannot be met; ``Solution/shortfalls`` then reports by how much it was
  /// missed. A `>=` row gets a slack that makes up a shortfall below its right-hand side, a `<=`
  /// row one that absorbs an excess above it, and an `=` row both. The slacks are ordinary
  /// variables of the program, named `"<name>#below"` and `"<name>#above"` when the constraint is
  /// named.
  ///
  /// - Parameters:
  ///   - name: An optional name, unique among the program's constraints.
  ///   - terms: The left-hand side. Terms in the same variable are summed.
  ///   - relation: `<=`, `>=` or `=`.
  ///   - rhs: The right-hand side.
  ///   - penalty: If given, the constraint is soft and each unit of violation costs `penalty`
  ///     (positive, in objective units).
  /// - Complexity: Amortised O(k) for k terms.
  @discardableResult
  public mutating func addConstraint(
    _ name: String?,
    _ terms: [Term],
    _ relation: Relation,
    _ rhs: Double,
    soft penalty: Double? = nil
  ) -> Constraint {
    let (lower, upper) = relation.bounds(rhs: rhs)
    return addConstraint(name, terms, lowerBound: lower, upperBound: upper, soft: penalty)
  }

  /// Adds the ranged constraint `lowerBound <= terms <= upperBound` and returns its handle.
  ///
  /// Either bound may be infinite, not both. See ``addConstraint(_:_:_:_:soft:)`` for soft
  /// constraints.
  /// - Complexity: Amortised O(k) for k terms.
  @discardableResult
  public mutating func addConstraint(
    _ name: String?,
    _ terms: [Term],
    lowerBound: Double,
    upperBound: Double,
    soft penalty: Double? = nil
  ) -> Constraint {
    let constraint = Constraint(index: constraintLowerBounds.count)
    constraintLowerBounds.append(lowerBound)
    constraintUpperBounds.append(upperBound)
    constraintNames.append(name)
    if name != nil { namesDidChange() }
    // The new row is the last one, so appending its terms keeps the triplets in row order.
    let row = Int32(truncatingIfNeeded: constraint.index)
    for term in terms where term.coefficient != 0 {
      checkIndex(term.variable)
      entryRows.append(row)
      entryColumns.append(Int32(truncatingIfNeeded: term.variable.index))
      entryValues.append(term.coefficient)
    }
    if let penalty {
      makeSoft(constraint, penalty: penalty)
    }
    return constraint
  }

  /// Adds the unnamed constraint `terms relation rhs` and returns its handle.
  ///
  /// See ``addConstraint(_:_:_:_:soft:)``.
  @discardableResult
  public mutating func addConstraint(
    _ terms: [Term], _ relation: Relation, _ rhs: Double, soft penalty: Double? = nil
  ) -> Constraint {
    addConstraint(nil, terms, relation, rhs, soft: penalty)
  }

  /// Adds the unnamed ranged constraint `lowerBound <= terms <= upperBound`.
  ///
  /// See ``addConstraint(_:_:lowerBound:upperBound:soft:)``.
  @discardableResult
  public mutating func addConstraint(
    _ terms: [Term], lowerBound: Double, upperBound: Double, soft penalty: Double? = nil
  ) -> Constraint {
    addConstraint(nil, terms, lowerBound: lowerBound, upperBound: upperBound, soft: penalty)
  }

  /// Adds `term` to the left-hand side of an existing constraint.
  ///
  /// Use it to build a model column by column. A term in a variable that the constraint already
  /// has is added to the existing coefficient.
  /// - Complexity: Amortised O(1).
  public mutating func addTerm(_ term: Term, to constraint: Constraint) {
    checkIndex(constraint)
    checkIndex(term.variable)
    guard term.coefficient != 0 else { return }
    let row = Int32(truncatingIfNeeded: constraint.index)
    if let last = entryRows.last, last > row { entriesAreRowOrdered = false }
    entryRows.append(row)
    entryColumns.append(Int32(truncatingIfNeeded: term.variable.index))
    entryValues.append(term.coefficient)
  }

  /// The constraint's name, if it has one.
  public func name(of constraint: Constraint) -> String? {
    constraintNames[checked: constraint]
  }

  /// The constraint's bounds: `lower <= terms <= upper`, either possibly infinite.
  public func bounds(of constraint: Constraint) -> (lower: Double, upper: Double) {
    checkIndex(constraint)
    return (constraintLowerBounds[constraint.index], constraintUpperBounds[constraint.index])
  }

  /// Replaces the constraint's bounds, for example to change a right-hand side between solves.
  ///
  /// A soft constraint that gains a finite bound also gains the slack variable for that side.
  public mutating func setBounds(of constraint: Constraint, lower: Double, upper: Double) {
    checkIndex(constraint)
    constraintLowerBounds[constraint.index] = lower
    constraintUpperBounds[constraint.index] = upper
    if let penalty = penalty(of: constraint) {
      makeSoft(constraint, penalty: penalty)
    }
  }

  /// The terms of the constraint's left-hand side, in the order they were added.
  ///
  /// - Complexity: O(n) in the number of stored coefficients: meant for tests and messages, not
  ///   for loops over the whole model.
  public func terms(of constraint: Constraint) -> [Term] {
    checkIndex(constraint)
    let row = Int32(truncatingIfNeeded: constraint.index)
    var terms: [Term] = []
    for k in entryRows.indices where entryRows[k] == row {
      terms.append(Term(Variable(index: Int(entryColumns[k])), coefficient: entryValues[k]))
    }
    return terms
  }

  // MARK: - Checks

  func checkIndex(_ variable: Variable) {
    precondition(
      variable.index >= 0 && variable.index < variableLowerBounds.count,
      "\(variable) is not a variable of program '\(name)', which has \(variableLowerBounds.count)")
  }

  func checkIndex(_ constraint: Constraint) {
    precondition(
      constraint.index >= 0 && constraint.index < constraintLowerBounds.count,
      "\(constraint) is not a constraint of program '\(name)', which has \(constraintLowerBounds.count)"
    )
  }
}

extension Array {
  /// The element for a variable handle, trapping with a message that names the handle.
  fileprivate subscript(checked variable: Variable) -> Element {
    precondition(
      variable.index >= 0 && variable.index < count,
      "\(variable) is out of range: the program has \(count) variables")
    return self[variable.index]
  }

  /// The element for a constraint handle, trapping with a message that names the handle.
  fileprivate subscript(checked constraint: Constraint) -> Element {
    precondition(
      constraint.index >= 0 && constraint.index < count,
      "\(constraint) is out of range: the program has \(count) constraints")
    return self[constraint.index]
  }
}
