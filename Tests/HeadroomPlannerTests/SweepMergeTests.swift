import Foundation
import HeadroomPlanner
import Testing

/// Merging shard files of sweeps and batches: what is refused, and how missing shards are named.
@Suite struct SweepMergeTests {
  /// A synthetic 10-run sweep file holding the given shard of 4 (inputs and walls follow from the index).
  static func shard(_ index: Int, of count: Int = 4, seed: UInt64 = 1, dataHash: String = "aaaa") -> SweepSamples {
    let shard = SweepShard(index: index, count: count)
    return SweepSamples(
      scenario: "baseline", overrides: [], ranges: [SweepRange(path: "lifetime", low: 4, high: 6)], seed: seed,
      samplesRequested: 10, firstYear: 2025, lastYear: 2035, dataHash: dataHash, scenarioHash: "bbbb",
      shards: ShardCoverage(shard),
      samples: shard.indices(of: 10).map { i in
        SweepSample(
          index: i, inputs: [Double(4 + i % 3)],
          walls: [
            "US": .init(powerWall: 2026 + i % 3, chipWall: nil, firstShort: 2026, binding: "power", gapShare: 0.1)
          ])
      })
  }

  static func error(_ body: () throws -> Void) -> String {
    do {
      try body()
      return "no error"
    } catch { return "\(error)" }
  }

  @Test func mergedShardsHoldTheSameRunsAsTheWholeSweep() throws {
    // Given the 4 shards of a sweep, When merged in any order, Then the samples are those of the whole run
    // (shard 1 of 1), index for index, and the merge is complete.
    let whole = Self.shard(1, of: 1)
    let merged = try SweepSamples.merge([4, 2, 1, 3].map { (name: "s\($0).json", samples: Self.shard($0)) })
    #expect(merged.samples == whole.samples)
    #expect(merged.samples.map(\.index) == Array(0..<10))
    #expect(merged.shards == ShardCoverage(count: 4, shards: [1, 2, 3, 4]))
    try merged.checkComplete(files: ["s1.json"])
  }

  @Test func aShardFromAnotherSeedOrDataIsRefusedNamingTheFile() {
    // Given shard 2 drawn with seed 2 (or solved on other data), When merged with shard 1 of seed 1,
    // Then the merge fails naming the file and the mismatch.
    let seed = Self.error {
      _ = try SweepSamples.merge([("s1.json", Self.shard(1)), ("s2.json", Self.shard(2, seed: 2))])
    }
    #expect(seed == "s2.json: not a shard of the same sweep as s1.json: seed 2 instead of 1")
    let data = Self.error {
      _ = try SweepSamples.merge([("s1.json", Self.shard(1)), ("s2.json", Self.shard(2, dataHash: "cccc"))])
    }
    #expect(
      data
        == "s2.json: not a shard of the same sweep as s1.json: data hash cccc instead of aaaa (solved on different data)"
    )
    let split = Self.error {
      _ = try SweepSamples.merge([("s1.json", Self.shard(1)), ("t2.json", Self.shard(2, of: 5))])
    }
    #expect(split == "t2.json: not a shard of the same sweep as s1.json: split into 5 shards instead of 4")
  }

  @Test func aMissingShardIsNamedByNumber() throws {
    // Given shards 1, 2 and 4 of 4, When merged and checked, Then the error names shard 3 and the files.
    let merged = try SweepSamples.merge([1, 2, 4].map { (name: "s\($0).json", samples: Self.shard($0)) })
    #expect(merged.missingShards == [3])
    #expect(
      Self.error { try merged.checkComplete(files: ["s1.json", "s2.json", "s4.json"]) }
        == "s1.json, s2.json, s4.json: shard 3 of 4 is in no file (2 of 10 samples missing)")
  }

  @Test func aFileHoldingSamplesOfAnotherShardIsRefused() {
    // Given a file that says it is shard 2/4 but holds sample 0 (shard 1), When merged, Then it is refused.
    var file = Self.shard(2)
    file.samples.append(Self.shard(1).samples[0])
    #expect(
      Self.error { _ = try SweepSamples.merge([("s2.json", file)]) }
        == "s2.json: holds sample 0, which belongs to shard 1/4, but the file is shard 2/4")
  }

  @Test func aFileWithoutMethodOrShardsReadsAsARandomSweep() throws {
    // Given a samples file written before Sobol studies (no method, no shards, no scenario hash),
    // When decoded, Then it is a random sweep with unknown shards, and missing samples are named by index.
    let json = """
      {"scenario":"baseline","overrides":[],"ranges":[{"path":"lifetime","low":4,"high":6}],"seed":1,
       "samplesRequested":3,"firstYear":2025,"lastYear":2035,"summaryYear":2030,
       "samples":[{"index":1,"inputs":[5],"walls":{}}]}
      """
    let file = try JSONDecoder().decode(SweepSamples.self, from: Data(json.utf8))
    #expect(file.method == .random && file.shards == nil)
    #expect(
      Self.error { try file.checkComplete(files: ["old.json"]) }
        == "old.json: 2 of 3 samples are in no file: 0, 2")
  }

  @Test func aBatchShardWhoseScenarioFileChangedIsRefused() throws {
    // Given shard 2 of a batch whose second scenario file changed, When merged, Then it is refused naming the
    // file, the scenario and both hashes; and a missing shard is named in scenarios.
    func results(_ index: Int, hash: String) -> BatchResults {
      let shard = SweepShard(index: index, count: 2)
      return BatchResults(
        scenarios: [.init(reference: "baseline", fileHash: "1111"), .init(reference: "x.yaml", fileHash: hash)],
        dataHash: "aaaa", shards: ShardCoverage(shard),
        entries: shard.indices(of: 2).map {
          BatchEntry(
            index: $0, scenario: "s\($0)", name: "", firstYear: 2025, lastYear: 2035, summaryYear: 2030, walls: [:])
        })
    }
    #expect(
      Self.error {
        _ = try BatchResults.merge([("b1.json", results(1, hash: "2222")), ("b2.json", results(2, hash: "3333"))])
      }
        == "b2.json: not a shard of the same batch as b1.json: scenario x.yaml has file hash 3333 instead of 2222 "
        + "(the file changed between runs)")
    let partial = try BatchResults.merge([("b1.json", results(1, hash: "2222"))])
    #expect(
      Self.error { try partial.checkComplete(files: ["b1.json"]) }
        == "b1.json: shard 2 of 2 is in no file (1 of 2 scenarios missing)")
  }
}
