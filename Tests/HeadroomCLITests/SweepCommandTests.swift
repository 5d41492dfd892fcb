import Foundation
import Testing

/// `headroom sweep --method sobol`, shards from Slurm array variables, merges that refuse, and `batch`.
@Suite struct SweepCommandTests {
  static func folder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("headroom-studies-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  /// The JSON's `countries` (or another key) with sorted keys, for byte comparison.
  static func canonical(_ text: String, key: String = "countries") throws -> String {
    let part = try Headroom.json(text)[key] ?? []
    return String(decoding: try JSONSerialization.data(withJSONObject: part, options: [.sortedKeys]), as: UTF8.self)
  }

  @Test func aSobolSweepShardedBySlurmMergesIntoTheWholeRun() throws {
    // Given a Sobol sweep of 2 inputs and N = 2 (8 runs), When run whole, and as shard 1/2 by --shard and
    // shard 2 by Slurm array variables (task 2 of --array=1-2), then merged,
    // Then the merged indices and intervals equal the whole run's, byte for byte, and the Slurm task ran shard 2/2.
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let base = [
      "sweep", "--method", "sobol", "--vary", "demand.growth.start=1.6:3", "--vary", "ai_share_of_dc_growth=0.3:0.6",
      "--samples", "2", "--seed", "5", "--format", "json", "--no-save",
    ]
    let whole = try Headroom.run(base)
    #expect(whole.status == 0, "\(whole.stderr)")
    let first = try Headroom.run(
      base + ["--shard", "1/2", "--save-samples", folder.appendingPathComponent("1.json").path])
    #expect(first.status == 0, "\(first.stderr)")
    let second = try Headroom.run(
      base + ["--save-samples", folder.appendingPathComponent("2.json").path],
      setting: [
        "SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_MAX": "2",
        "SLURM_ARRAY_TASK_COUNT": "2",
      ])
    #expect(second.status == 0, "\(second.stderr)")
    #expect(second.stderr.contains("shard 2/2 from SLURM_ARRAY_TASK_ID=2"), "\(second.stderr)")
    let saved = try Headroom.json(
      String(decoding: try Data(contentsOf: folder.appendingPathComponent("2.json")), as: UTF8.self))
    #expect((saved["samples"] as? [[String: Any]])?.compactMap { $0["index"] as? Int } == [1, 3, 5, 7])
    let merged = try Headroom.run([
      "sweep", "--format", "json", "--no-save", "--merge", folder.appendingPathComponent("1.json").path,
      folder.appendingPathComponent("2.json").path,
    ])
    #expect(merged.status == 0, "\(merged.stderr)")
    #expect(try Self.canonical(whole.stdout) == Self.canonical(merged.stdout))
    let json = try Headroom.json(whole.stdout)
    #expect(json["method"] as? String == "sobol" && json["runs"] as? Int == 8)
    let us = try #require((json["countries"] as? [[String: Any]])?.first { $0["country"] as? String == "US" })
    #expect(
      (us["outputs"] as? [[String: Any]])?.compactMap { $0["output"] as? String }
        == ["powerWall", "chipWall", "firstShort", "gapShare"])

    // And a merge that lacks shard 2, or whose shard 2 says another seed or data, fails naming file and mismatch.
    let lacking = try Headroom.run(["sweep", "--no-save", "--merge", folder.appendingPathComponent("1.json").path])
    #expect(lacking.status != 0)
    #expect(lacking.stderr.contains("shard 2 of 2 is in no file"), "\(lacking.stderr)")
    for (key, value, expected) in [
      ("seed", 6 as Any, "seed 6 instead of 5"),
      ("dataHash", "0123456789abcdef" as Any, "data hash 0123456789abcdef instead of"),
    ] {
      var edited = saved
      edited[key] = value
      let file = folder.appendingPathComponent("edited-\(key).json")
      try JSONSerialization.data(withJSONObject: edited).write(to: file)
      let refused = try Headroom.run([
        "sweep", "--no-save", "--merge", folder.appendingPathComponent("1.json").path, file.path,
      ])
      #expect(refused.status != 0)
      #expect(refused.stderr.contains("error: \(file.path): not a shard of the same sweep as"), "\(refused.stderr)")
      #expect(refused.stderr.contains(expected), "\(refused.stderr)")
    }
  }

  @Test func aSlurmArrayIdOutOfRangeIsRefusedBeforeSolving() throws {
    // Given SLURM_ARRAY_TASK_ID=5 in an array 1-4, When a sweep and a batch start,
    // Then both fail naming the variable, its value and the array.
    let environment = [
      "SLURM_ARRAY_TASK_ID": "5", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_MAX": "4",
      "SLURM_ARRAY_TASK_COUNT": "4",
    ]
    for arguments in [
      ["sweep", "--vary", "lifetime=4:6", "--samples", "8", "--no-save"], ["batch", "baseline", "china-h200"],
    ] {
      let result = try Headroom.run(arguments, setting: environment)
      #expect(result.status != 0)
      #expect(
        result.stderr.contains("SLURM_ARRAY_TASK_ID=5 is outside the array 1-4 of 4 tasks; give --shard i/n"),
        "\(result.stderr)")
    }
  }

  @Test func aBatchRunInShardsMergesIntoTheWholeBatch() throws {
    // Given the baseline and the china-h200 what-if, When run as one batch and as shards 1/2 and 2/2 merged,
    // Then the merged results equal the whole batch's, and China's chip wall differs between the two scenarios
    // the way 'whatif' reports it (the batch solves each scenario as 'walls' does).
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let whole = try Headroom.run(["batch", "baseline", "china-h200", "--format", "json"])
    #expect(whole.status == 0, "\(whole.stderr)")
    for shard in 1...2 {
      let run = try Headroom.run([
        "batch", "baseline", "china-h200", "--shard", "\(shard)/2", "--save-results",
        folder.appendingPathComponent("\(shard).json").path,
      ])
      #expect(run.status == 0, "\(run.stderr)")
    }
    let merged = try Headroom.run([
      "batch", "--format", "json", "--merge", folder.appendingPathComponent("1.json").path,
      folder.appendingPathComponent("2.json").path,
    ])
    #expect(merged.status == 0, "\(merged.stderr)")
    #expect(try Self.canonical(whole.stdout, key: "results") == Self.canonical(merged.stdout, key: "results"))
    let results = try #require(Headroom.json(whole.stdout)["results"] as? [[String: Any]])
    #expect(results.compactMap { $0["scenario"] as? String } == ["baseline", "china-h200"])
    let whatIf = try Headroom.run(["whatif", "--scenario", "china-h200", "--format", "json", "--no-save"])
    let china = try #require(
      (Headroom.json(whatIf.stdout)["countries"] as? [[String: Any]])?.first { $0["country"] as? String == "CN" })
    let chip = try #require(china["chipWallYear"] as? [String: Any])
    func batchChipWall(_ scenario: Int) -> Int? {
      ((results[scenario]["countries"] as? [[String: Any]])?.first { $0["country"] as? String == "CN" })?[
        "chipWallYear"] as? Int
    }
    #expect(batchChipWall(0) == chip["baseline"] as? Int)
    #expect(batchChipWall(1) == chip["whatIf"] as? Int)

    let lacking = try Headroom.run(["batch", "--merge", folder.appendingPathComponent("2.json").path])
    #expect(lacking.status != 0)
    #expect(lacking.stderr.contains("shard 1 of 2 is in no file (1 of 2 scenarios missing)"), "\(lacking.stderr)")
  }
}
