internal import CCoinOR
import Foundation
import HeadroomSolver

extension CoinORSolver {
  /// Reads an MPS file with COIN-OR's own reader (`Clp_readMps`) into a ``LinearProgram``.
  ///
  /// Names, bounds, ranges, integrality (MARKER lines and `BV`/`UI` bounds) and the objective
  /// offset come back as the file states them. COIN-OR 2.10 ignores an OBJSENSE section, so this
  /// function reads one itself: `MAX` or `MAXIMIZE` makes the program a maximisation. Files
  /// written by ``LinearProgram/writeMPS(to:)`` state maximisations as minimisations of the
  /// negated objective and read back as such.
  ///
  /// - Throws: ``CoinORError`` if the file is missing or COIN-OR reports errors in it.
  public static func readMPS(at url: URL) throws -> LinearProgram {
    let path = url.path
    guard FileManager.default.isReadableFile(atPath: path) else {
      throw CoinORError.fileNotFound(path: path)
    }
    let (sense, withoutSense) = try objectiveSense(inMPSAt: url)
    guard let model = Clp_newModel() else { throw CoinORError.unreadableMPS(path: path, errors: 1) }
    defer { Clp_deleteModel(model) }
    Clp_setLogLevel(model, 0)
    // COIN-OR prints "… found after OBJSENSE - Coin ignores" on standard output, which would
    // corrupt a command's JSON output: read a copy without the section instead.
    let readPath = withoutSense?.path ?? path
    defer { if let withoutSense { try? FileManager.default.removeItem(at: withoutSense) } }
    let errors = Clp_readMps(model, readPath, 1, 0)
    guard errors == 0 else { throw CoinORError.unreadableMPS(path: path, errors: Int(errors)) }

    let columns = Int(Clp_numberColumns(model))
    let rows = Int(Clp_numberRows(model))
    let nameBuffer = Int(Clp_lengthNames(model)) + 256
    func name(_ read: (UnsafeMutablePointer<CChar>) -> Void) -> String {
      withUnsafeTemporaryAllocation(of: CChar.self, capacity: nameBuffer) { buffer in
        buffer.initialize(repeating: 0)
        read(buffer.baseAddress!)
        return String(cString: buffer.baseAddress!)
      }
    }
    func infinite(_ value: Double) -> Double {
      value >= 1e30 ? .infinity : value <= -1e30 ? -.infinity : value
    }

    var problemName = name { Clp_problemName(model, Int32(nameBuffer - 1), $0) }
    if problemName.isEmpty { problemName = url.deletingPathExtension().lastPathComponent }
    var program = LinearProgram(name: problemName, sense: sense)
    program.objectiveOffset = -Clp_objectiveOffset(model)

    let columnLower = copyDoubles(Clp_getColLower(model), count: columns)
    let columnUpper = copyDoubles(Clp_getColUpper(model), count: columns)
    let objective = copyDoubles(Clp_getObjCoefficients(model), count: columns)
    let integers = Clp_integerInformation(model)
    let starts = Clp_getVectorStarts(model)
    let lengths = Clp_getVectorLengths(model)
    let indices = Clp_getIndices(model)
    let elements = Clp_getElements(model)
    program.reserveCapacity(
      variables: columns, constraints: rows, entries: Int(Clp_getNumElements(model)))

    for j in 0..<columns {
      program.addVariable(
        name { Clp_columnName(model, Int32(j), $0) },
        lowerBound: infinite(columnLower[j]),
        upperBound: infinite(columnUpper[j]),
        objective: objective[j],
        isInteger: integers.map { $0[j] != 0 } ?? false)
    }
    let rowLower = copyDoubles(Clp_getRowLower(model), count: rows)
    let rowUpper = copyDoubles(Clp_getRowUpper(model), count: rows)
    for i in 0..<rows {
      program.addConstraint(
        name { Clp_rowName(model, Int32(i), $0) }, [],
        lowerBound: infinite(rowLower[i]), upperBound: infinite(rowUpper[i]))
    }
    if let starts, let lengths, let indices, let elements {
      for j in 0..<columns {
        let start = Int(starts[j])
        for position in start..<(start + Int(lengths[j])) {
          program.addTerm(
            LinearProgram.Term(Variable(index: j), coefficient: elements[position]),
            to: Constraint(index: Int(indices[position])))
        }
      }
    }
    return program
  }

  /// Reads an MPS file with COIN-OR's reader (see ``readMPS(at:)``) and solves it.
  public func solveMPS(at url: URL, options: SolveOptions = .default) throws -> Solution {
    try solve(Self.readMPS(at: url), options: options)
  }

  /// The sense stated by an OBJSENSE section before ROWS (`OBJSENSE MAX`, or `MAX` on the next
  /// line), or minimise; and, when the file has such a section, a temporary copy without it.
  private static func objectiveSense(inMPSAt url: URL) throws -> (LinearProgram.Sense, URL?) {
    let handle = try FileHandle(forReadingFrom: url)
    let head = String(decoding: try handle.read(upToCount: 4_096) ?? Data(), as: UTF8.self)
    try? handle.close()
    var sectionLines: [Int] = []
    var sense = LinearProgram.Sense.minimize
    var expectingSense = false
    for (number, line) in head.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
      .enumerated()
    where !line.hasPrefix("*") {
      let fields = line.split(whereSeparator: \.isWhitespace)
      guard let first = fields.first else { continue }
      if first == "ROWS" { break }
      if first == "OBJSENSE" {
        sectionLines.append(number)
        if fields.count > 1 {
          sense = fields[1].uppercased().hasPrefix("MAX") ? .maximize : .minimize
        } else {
          expectingSense = true
        }
      } else if expectingSense {
        sectionLines.append(number)
        sense = first.uppercased().hasPrefix("MAX") ? .maximize : .minimize
        expectingSense = false
      }
    }
    guard !sectionLines.isEmpty else { return (sense, nil) }
    var lines = try String(contentsOf: url, encoding: .utf8)
      .split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    for number in sectionLines.reversed() { lines.remove(at: number) }
    let copy = FileManager.default.temporaryDirectory
      .appendingPathComponent("headroom-\(UUID().uuidString)-\(url.lastPathComponent)")
    try lines.joined(separator: "\n").write(to: copy, atomically: false, encoding: .utf8)
    return (sense, copy)
  }
}
