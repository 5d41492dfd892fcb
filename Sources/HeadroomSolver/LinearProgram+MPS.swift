import Foundation

extension LinearProgram {
  /// The longest name written to MPS files; COIN-OR's reader takes at most 100 characters a field.
  public static let mpsNameLimit = 64

  /// The names that ``mpsString()`` writes: every variable and constraint gets one, unique,
  /// with no blanks.
  ///
  /// A given name is kept when it is printable ASCII without blanks, at most
  /// ``mpsNameLimit`` long, and unique; otherwise each blank or non-ASCII byte becomes `_`, a
  /// leading `*`, `$` or `'` gets a `_` in front, long names are cut, and a clash gets `~` and
  /// the index appended. Unnamed variables are written `C<index>`, unnamed constraints
  /// `R<index>`, and the objective row `OBJ` (with `~` appended while that clashes).
  ///
  /// - Complexity: O(variables + constraints), with one hash-set insertion per name.
  public func mpsNames() -> (variables: [String], constraints: [String], objective: String) {
    func uniqueNames(_ names: [String?], prefix: String) -> [String] {
      var used = Set<String>(minimumCapacity: names.count)
      var result: [String] = []
      result.reserveCapacity(names.count)
      for (index, name) in names.enumerated() {
        var candidate = name.map(Self.sanitizedMPSName) ?? "\(prefix)\(index)"
        if !used.insert(candidate).inserted {
          candidate += "~\(index)"
          while !used.insert(candidate).inserted { candidate += "~" }
        }
        result.append(candidate)
      }
      return result
    }
    let variables = uniqueNames(variableNames, prefix: "C")
    let constraints = uniqueNames(constraintNames, prefix: "R")
    var objective = "OBJ"
    if constraints.contains(objective) {
      let used = Set(constraints)
      while used.contains(objective) { objective += "~" }
    }
    return (variables, constraints, objective)
  }

  /// `name` made safe for a free MPS field (see ``mpsNames()``), before clashes are resolved.
  static func sanitizedMPSName(_ name: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(min(name.utf8.count + 1, mpsNameLimit))
    for byte in name.utf8 {
      bytes.append((0x21...0x7E).contains(byte) ? byte : UInt8(ascii: "_"))
    }
    if let first = bytes.first,
      first == UInt8(ascii: "*") || first == UInt8(ascii: "$") || first == UInt8(ascii: "'")
    {
      bytes.insert(UInt8(ascii: "_"), at: 0)
    }
    if bytes.isEmpty { bytes = [UInt8(ascii: "_")] }
    if bytes.count > mpsNameLimit { bytes.removeSubrange(mpsNameLimit...) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The program in free MPS format, for checking it with any other solver.
  ///
  /// The file has the sections NAME, ROWS, COLUMNS (integer columns between `'MARKER'`
  /// `'INTORG'` / `'INTEND'` lines), RHS, RANGES (for ranged rows) and BOUNDS (`UP`, `LO`, `MI`,
  /// `FR`, `FX`, `PL`, `BV`), then ENDATA, with names from ``mpsNames()``. Two choices make it
  /// readable by COIN-OR 2.10, whose reader is the strictest one here:
  ///
  /// - The NAME line ends with `FREE`, which switches COIN-OR's reader to free format (other
  ///   readers take the word as part of the problem name).
  /// - A maximisation is written as the minimisation of the negated objective, because COIN-OR
  ///   2.10 ignores the OBJSENSE section; the file's optimal value is then minus the program's.
  ///   A comment at the top of the file says so.
  ///
  /// The objective offset is written as the right-hand side of the objective row, negated, as
  /// COIN-OR, HiGHS and Gurobi read it.
  ///
  /// - Throws: ``LinearProgramError`` if the program does not ``validate()``.
  /// - Complexity: O(variables + constraints + coefficients).
  public func mpsString() throws -> String {
    String(decoding: try mpsBytes(), as: UTF8.self)
  }

  /// Writes the program to `url` in free MPS format (see ``mpsString()``).
  public func writeMPS(to url: URL) throws {
    try Data(try mpsBytes()).write(to: url)
  }

  /// The MPS text as UTF-8 bytes.
  func mpsBytes() throws -> [UInt8] {
    try validate()
    let (mpsVariables, mpsConstraints, objectiveName) = mpsNames()
    let matrix = compressedColumns()
    let sign = sense.minimizationSign
    var out = MPSOutput()
    out.reserve(
      bytes: 40 * (matrix.numberOfNonzeros + numberOfVariables + numberOfConstraints) + 1_024)

    out.line(
      "* Headroom LinearProgram '\(name)': \(numberOfVariables) variables (\(numberOfIntegerVariables) integer), \(numberOfConstraints) constraints, \(matrix.numberOfNonzeros) coefficients."
    )
    out.line("* Free MPS. The word FREE on the NAME line switches COIN-OR's reader to free format.")
    if sense == .maximize {
      out.line(
        "* Objective sense: MAXIMISE. COIN-OR 2.10 ignores OBJSENSE, so this file states the")
      out.line(
        "* equivalent minimisation of the negated objective: its optimal value is minus the model's."
      )
    }
    out.line("NAME \(Self.sanitizedMPSName(name)) FREE")

    out.line("ROWS")
    out.line(" N \(objectiveName)")
    var hasRanges = false
    for i in 0..<numberOfConstraints {
      let lower = constraintLowerBounds[i]
      let upper = constraintUpperBounds[i]
      let type: String
      if lower == upper {
        type = "E"
      } else if lower == -.infinity {
        type = "L"
      } else if upper == .infinity {
        type = "G"
      } else {
        type = "G"
        hasRanges = true
      }
      out.line(" \(type) \(mpsConstraints[i])")
    }

    out.line("COLUMNS")
    var inIntegerBlock = false
    for j in 0..<numberOfVariables {
      if variableIsInteger[j] != inIntegerBlock {
        out.line(inIntegerBlock ? " MARKER 'MARKER' 'INTEND'" : " MARKER 'MARKER' 'INTORG'")
        inIntegerBlock.toggle()
      }
      let column = mpsVariables[j]
      let start = Int(matrix.columnStarts[j])
      let end = Int(matrix.columnStarts[j + 1])
      let objective = sign * objectiveCoefficients[j]
      if objective != 0 || start == end {
        // A column with no coefficient at all still needs a line to exist.
        out.entry(column, objectiveName, objective)
      }
      for position in start..<end {
        out.entry(column, mpsConstraints[Int(matrix.rowIndices[position])], matrix.values[position])
      }
    }
    if inIntegerBlock { out.line(" MARKER 'MARKER' 'INTEND'") }

    out.line("RHS")
    for i in 0..<numberOfConstraints {
      let rhs =
        constraintLowerBounds[i] == -.infinity ? constraintUpperBounds[i] : constraintLowerBounds[i]
      if rhs != 0 { out.entry("RHS", mpsConstraints[i], rhs) }
    }
    if objectiveOffset != 0 {
      // The constant of the written (minimised) objective is sign × offset; MPS states −constant.
      out.entry("RHS", objectiveName, -(sign * objectiveOffset))
    }

    if hasRanges {
      out.line("RANGES")
      for i in 0..<numberOfConstraints {
        let lower = constraintLowerBounds[i]
        let upper = constraintUpperBounds[i]
        if lower != upper && lower > -.infinity && upper < .infinity {
          // On a G row the range R makes the row lower <= activity <= lower + |R|.
          out.entry("RNG", mpsConstraints[i], upper - lower)
        }
      }
    }

    out.line("BOUNDS")
    for j in 0..<numberOfVariables {
      let lower = variableLowerBounds[j]
      let upper = variableUpperBounds[j]
      let column = mpsVariables[j]
      if lower == -.infinity && upper == .infinity {
        out.bound("FR", column, nil)
      } else if lower == upper {
        out.bound("FX", column, lower)
      } else if variableIsInteger[j] && lower == 0 && upper == 1 {
        out.bound("BV", column, nil)
      } else {
        // UP before LO: some readers turn `UP` with a negative value into a free lower bound,
        // and a following `LO` puts the intended one back.
        if upper < .infinity {
          out.bound("UP", column, upper)
        } else if variableIsInteger[j] {
          // Explicit, because some readers give integer columns a default upper bound of 1.
          out.bound("PL", column, nil)
        }
        if lower == -.infinity {
          out.bound("MI", column, nil)
        } else if lower != 0 {
          out.bound("LO", column, lower)
        }
      }
    }
    out.line("ENDATA")
    return out.bytes
  }
}

/// A byte buffer for MPS text, appended to without intermediate strings where it matters.
private struct MPSOutput {
  var bytes: [UInt8] = []

  mutating func reserve(bytes count: Int) {
    bytes.reserveCapacity(count)
  }

  mutating func line(_ text: String) {
    bytes.append(contentsOf: text.utf8)
    bytes.append(UInt8(ascii: "\n"))
  }

  /// A ` first second value` line, as in COLUMNS, RHS and RANGES.
  mutating func entry(_ first: String, _ second: String, _ value: Double) {
    bytes.append(UInt8(ascii: " "))
    bytes.append(contentsOf: first.utf8)
    bytes.append(UInt8(ascii: " "))
    bytes.append(contentsOf: second.utf8)
    bytes.append(UInt8(ascii: " "))
    number(value)
    bytes.append(UInt8(ascii: "\n"))
  }

  /// A ` TYPE BND column [value]` line of the BOUNDS section.
  mutating func bound(_ type: String, _ column: String, _ value: Double?) {
    bytes.append(UInt8(ascii: " "))
    bytes.append(contentsOf: type.utf8)
    bytes.append(contentsOf: " BND ".utf8)
    bytes.append(contentsOf: column.utf8)
    if let value {
      bytes.append(UInt8(ascii: " "))
      number(value)
    }
    bytes.append(UInt8(ascii: "\n"))
  }

  /// The shortest decimal that reads back as the same double (`3.0`, `0.1`, `1e-05`).
  mutating func number(_ value: Double) {
    if value == value.rounded(), abs(value) < 1e15 {
      // Integral values, the common case, without the trailing ".0".
      bytes.append(contentsOf: String(Int64(value)).utf8)
    } else {
      bytes.append(contentsOf: value.description.utf8)
    }
  }
}
