/// Which shards of a sharded run a file (or a merge of files) holds, and what is missing.
///
/// A file written by `--shard i/n` holds shard i of n; a whole run holds shard 1 of 1; a merge holds
/// the union of its files' shards. Files from before shards were recorded (nil) are checked by their
/// sample indices alone.
public struct ShardCoverage: Sendable, Hashable, Codable {
  /// Number of shards the run was split into.
  public var count: Int
  /// The shards held (1-based, ascending).
  public var shards: [Int]

  public init(count: Int, shards: [Int]) {
    self.count = count
    self.shards = shards
  }

  /// The coverage of one shard.
  public init(_ shard: SweepShard) { self.init(count: shard.count, shards: [shard.index]) }

  /// Throws unless the shard numbers are within 1...count and every index belongs to a held shard.
  func check(indices: [Int], file: String) throws(StudyFileError) {
    guard count >= 1, shards.allSatisfy({ (1...count).contains($0) }) else {
      throw StudyFileError(file: file, problem: "shards \(shards) are not within 1-\(count)")
    }
    let held = Set(shards)
    if let stray = indices.first(where: { !held.contains(SweepShard.number(of: $0, count: count)) }) {
      throw StudyFileError(
        file: file,
        problem:
          "holds sample \(stray), which belongs to shard \(SweepShard.number(of: stray, count: count))/\(count), "
          + "but the file is \(describe)")
    }
  }

  /// "shard 2/4", "shards 1, 3/4".
  var describe: String {
    shards.count == 1
      ? "shard \(shards[0])/\(count)" : "shards \(shards.map(String.init).joined(separator: ", "))/\(count)"
  }

  /// The union of files' coverages, or a description of why they cannot be merged.
  static func union(_ coverages: [ShardCoverage?]) -> Result<ShardCoverage?, Mismatch> {
    let known = coverages.compactMap { $0 }
    guard let first = known.first else { return .success(nil) }
    if known.count != coverages.count { return .success(nil) }
    if let other = known.first(where: { $0.count != first.count }) {
      return .failure(Mismatch(description: "split into \(other.count) shards instead of \(first.count)"))
    }
    return .success(ShardCoverage(count: first.count, shards: Set(known.flatMap(\.shards)).sorted()))
  }

  /// Why two coverages cannot be merged.
  struct Mismatch: Error {
    var description: String
  }

  /// What is missing from a merge of `total` indices with this coverage (nil: unknown coverage) and
  /// these indices present; nil when nothing is.
  static func missing(total: Int, coverage: ShardCoverage?, present: Set<Int>) -> String? {
    let missingIndices = (0..<total).filter { !present.contains($0) }
    guard !missingIndices.isEmpty else { return nil }
    func list(_ values: [Int]) -> String {
      values.prefix(10).map(String.init).joined(separator: ", ") + (values.count > 10 ? ", ..." : "")
    }
    guard let coverage else {
      return "\(missingIndices.count) of \(total) samples are in no file: \(list(missingIndices))"
    }
    let held = Set(coverage.shards)
    let missingShards = (1...coverage.count).filter { !held.contains($0) }
    var parts: [String] = []
    if !missingShards.isEmpty {
      parts.append(
        (missingShards.count == 1 ? "shard \(missingShards[0])" : "shards \(list(missingShards))")
          + " of \(coverage.count) \(missingShards.count == 1 ? "is" : "are") in no file")
    }
    let gaps = missingIndices.filter { held.contains(SweepShard.number(of: $0, count: coverage.count)) }
    if !gaps.isEmpty {
      parts.append("\(gaps.count) samples of the shards given are in no file: \(list(gaps))")
    }
    return parts.joined(separator: "; ") + " (\(missingIndices.count) of \(total) samples missing)"
  }
}
