/// A batch's results with what produced them, as written to a file so shards run apart can be merged.
public struct BatchResults: Sendable, Hashable, Codable {
  /// The scenarios of the whole batch, in order (every shard lists all of them).
  public var scenarios: [BatchScenario]
  /// Hash of the data folder the scenarios were solved on, when known.
  public var dataHash: String?
  /// The shards these results are.
  public var shards: ShardCoverage?
  /// The solved scenarios of these shards, by index.
  public var entries: [BatchEntry]

  public init(scenarios: [BatchScenario], dataHash: String?, shards: ShardCoverage?, entries: [BatchEntry]) {
    self.scenarios = scenarios
    self.dataHash = dataHash
    self.shards = shards
    self.entries = entries
  }

  /// Checks that a file's contents are a batch's own: entries within the scenario list, each once,
  /// within their shards, years inside their horizons.
  public func validate(file: String) throws(StudyFileError) {
    guard !scenarios.isEmpty else { throw StudyFileError(file: file, problem: "the batch lists no scenarios") }
    var seen = Set<Int>()
    for entry in entries {
      guard scenarios.indices.contains(entry.index) else {
        throw StudyFileError(file: file, problem: "entry \(entry.index) is outside the \(scenarios.count) scenarios")
      }
      guard seen.insert(entry.index).inserted else {
        throw StudyFileError(file: file, problem: "scenario \(entry.index) appears twice")
      }
      guard entry.firstYear <= entry.lastYear else {
        throw StudyFileError(file: file, problem: "scenario \(entry.scenario): the horizon ends before it starts")
      }
      for (country, walls) in entry.walls {
        for year in [walls.powerWall, walls.chipWall, walls.firstShort].compactMap({ $0 })
        where !(entry.firstYear...entry.lastYear).contains(year) {
          throw StudyFileError(
            file: file,
            problem: "scenario \(entry.scenario) has a \(country) wall in \(year), "
              + "outside \(entry.firstYear)-\(entry.lastYear)")
        }
      }
    }
    try shards?.check(indices: entries.map(\.index), file: file)
  }

  /// Whether another file holds results of the same batch (scenarios and their files, data, shard
  /// split), and if not, what differs.
  public func difference(from other: BatchResults) -> String? {
    if scenarios.map(\.reference) != other.scenarios.map(\.reference) {
      return "scenarios \(other.scenarios.map(\.reference).joined(separator: " ")) instead of "
        + scenarios.map(\.reference).joined(separator: " ")
    }
    for (mine, theirs) in zip(scenarios, other.scenarios) where mine.fileHash != theirs.fileHash {
      return "scenario \(mine.reference) has file hash \(theirs.fileHash ?? "none") instead of "
        + "\(mine.fileHash ?? "none") (the file changed between runs)"
    }
    if dataHash != other.dataHash {
      return "data hash \(other.dataHash ?? "none") instead of \(dataHash ?? "none") (solved on different data)"
    }
    if let mine = shards, let theirs = other.shards, mine.count != theirs.count {
      return "split into \(theirs.count) shards instead of \(mine.count)"
    }
    return nil
  }

  /// Merges the shard files of one batch, refusing files of another batch; an entry present in
  /// several files must agree.
  public static func merge(_ files: [(name: String, results: BatchResults)]) throws(StudyFileError) -> BatchResults {
    guard var merged = files.first?.results, let firstName = files.first?.name else {
      throw StudyFileError(file: "--merge", problem: "no files")
    }
    var byIndex: [Int: BatchEntry] = [:]
    for (name, file) in files {
      try file.validate(file: name)
      if let difference = merged.difference(from: file) {
        throw StudyFileError(file: name, problem: "not a shard of the same batch as \(firstName): \(difference)")
      }
      for entry in file.entries {
        if let existing = byIndex[entry.index], existing != entry {
          throw StudyFileError(
            file: name, problem: "scenario \(entry.index) (\(entry.scenario)) differs from the same one in another file"
          )
        }
        byIndex[entry.index] = entry
      }
    }
    merged.entries = byIndex.values.sorted { $0.index < $1.index }
    switch ShardCoverage.union(files.map(\.results.shards)) {
    case .success(let coverage): merged.shards = coverage
    case .failure(let mismatch): throw StudyFileError(file: firstName, problem: mismatch.description)
    }
    return merged
  }

  /// Throws unless every scenario of the batch is present, naming the missing shards by number.
  public func checkComplete(files: [String]) throws(StudyFileError) {
    guard
      let missing = ShardCoverage.missing(
        total: scenarios.count, coverage: shards, present: Set(entries.map(\.index)))
    else { return }
    throw StudyFileError(
      file: files.joined(separator: ", "), problem: missing.replacingSamples(with: "scenarios"))
  }
}

extension String {
  /// The coverage message with "samples" said as the batch's unit.
  fileprivate func replacingSamples(with unit: String) -> String {
    split(separator: " ", omittingEmptySubsequences: false).map { $0 == "samples" ? unit : String($0) }
      .joined(separator: " ")
  }
}
