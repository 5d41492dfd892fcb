extension LinearProgram {
  /// One program holding several independent ones side by side: variables and constraints are
  /// appended in order (so a part's handle index is offset by the sizes of the parts before it), and
  /// the objective is the sum of theirs. Its optimum is the sum of the parts' optima.
  ///
  /// Used to export a model that is solved as independent parts (one LP per country) as one LP that
  /// any other solver can check.
  ///
  /// - Precondition: every part has the same sense.
  /// - Complexity: O(total variables + constraints + nonzeros).
  public static func combining(_ parts: [LinearProgram], name: String) -> LinearProgram {
    let sense = parts.first?.sense ?? .minimize
    var result = LinearProgram(name: name, sense: sense)
    result.reserveCapacity(
      variables: parts.map(\.numberOfVariables).reduce(0, +),
      constraints: parts.map(\.numberOfConstraints).reduce(0, +),
      entries: parts.map(\.numberOfEntries).reduce(0, +))
    for part in parts {
      precondition(part.sense == sense, "combined programs must share a sense")
      let columnOffset = Int32(result.numberOfVariables)
      let rowOffset = Int32(result.numberOfConstraints)
      for index in 0..<part.numberOfVariables {
        result.addVariable(
          part.variableNames[index], lowerBound: part.variableLowerBounds[index],
          upperBound: part.variableUpperBounds[index], objective: part.objectiveCoefficients[index],
          isInteger: part.variableIsInteger[index])
      }
      for index in 0..<part.numberOfConstraints {
        result.addConstraint(
          part.constraintNames[index], [], lowerBound: part.constraintLowerBounds[index],
          upperBound: part.constraintUpperBounds[index])
      }
      if !part.entriesAreRowOrdered || (result.entryRows.last.map { $0 > rowOffset } ?? false) {
        result.entriesAreRowOrdered = false
      }
      result.entryRows.append(contentsOf: part.entryRows.map { $0 + rowOffset })
      result.entryColumns.append(contentsOf: part.entryColumns.map { $0 + columnOffset })
      result.entryValues.append(contentsOf: part.entryValues)
      result.objectiveOffset += part.objectiveOffset
    }
    return result
  }
}
