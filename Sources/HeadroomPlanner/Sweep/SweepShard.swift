/// One shard of a sweep or batch: `--shard i/n` runs the indices whose value is i − 1 modulo n.
public struct SweepShard: Sendable, Hashable, Codable, CustomStringConvertible {
  /// 1-based shard number.
  public var index: Int
  /// Number of shards.
  public var count: Int

  public init(index: Int, count: Int) {
    self.index = index
    self.count = count
  }

  /// The whole run as one shard.
  public static let whole = SweepShard(index: 1, count: 1)

  /// Reads `i/n` with 1 ≤ i ≤ n; nil otherwise.
  public init?(parsing text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
    guard parts.count == 2, let index = parts[0], let count = parts[1], count >= 1, (1...count).contains(index) else {
      return nil
    }
    self.init(index: index, count: count)
  }

  public var description: String { "\(index)/\(count)" }

  /// The shard an index belongs to among `count` shards (1-based).
  public static func number(of index: Int, count: Int) -> Int { index % count + 1 }

  /// This shard's indices among `0..<total`, lazily (a shard of 10^8 runs allocates nothing up front).
  public func indices(of total: Int) -> StrideTo<Int> { stride(from: index - 1, to: total, by: count) }

  /// How many of `0..<total` this shard holds.
  public func count(of total: Int) -> Int { total >= index ? (total - index) / count + 1 : 0 }
}
