import Foundation
import Testing

@Suite struct SizeCommandTests {
  @Test func trainingReportsEveryFigureAsJSON() throws {
    // Given the example run (405e9 parameters, 15.6e12 tokens, 16,384 H100s), When sized as JSON,
    // Then every promised key is present, the compute is 6 N D and the count is the one given.
    let result = try Headroom.run([
      "size", "training", "--params", "405e9", "--tokens", "15.6e12", "--accelerator", "h100-sxm",
      "--count", "16384", "--format", "json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try Headroom.json(result.stdout)
    for key in [
      "computeFLOP", "accelerators", "durationDays", "itPowerMW", "facilityPowerMW", "energyMWh", "energyCostUSD",
      "capexUSD", "co2Tonnes", "mfu", "mfuSource", "goodput",
    ] {
      #expect(json[key] is Double || json[key] is String, "missing \(key)")
    }
    #expect(json["computeFLOP"] as? Double == 6 * 405e9 * 15.6e12)
    #expect(json["accelerators"] as? Double == 16384)
  }

  @Test func countsAcceptSuffixesAndADeadlineSetsTheCount() throws {
    // Given the same run written 405B / 15.6T with a 60-day deadline, When sized,
    // Then the compute is the same and the least count that meets 60 days comes back.
    let result = try Headroom.run([
      "size", "training", "--params", "405B", "--tokens", "15.6T", "--accelerator", "h100-sxm", "--days", "60",
      "--goodput", "0.9", "--country", "CN", "--format", "json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try Headroom.json(result.stdout)
    #expect(json["computeFLOP"] as? Double == 6 * 405e9 * 15.6e12)
    #expect((json["durationDays"] as? Double ?? 99) <= 60)
    #expect(json["countBasis"] as? String == "deadline")
    #expect(json["location"] as? String == "country CN")
  }

  @Test func inferenceReportsEveryFigureAsJSON() throws {
    // Given Llama 3 70B at 1M tokens/s on H100s, When sized as JSON,
    // Then the promised keys are present and the fleet is whole replicas.
    let result = try Headroom.run([
      "size", "inference", "--model", "llama-3-70b", "--rate", "1M", "--accelerator", "h100-sxm",
      "--latency", "50ms", "--precision", "fp8", "--context", "8192", "--format", "json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try Headroom.json(result.stdout)
    for key in [
      "replicaAccelerators", "batch", "tokensPerSecondPerAccelerator", "accelerators", "facilityPowerMW",
      "costUSDPerMTokens", "decodeBound", "prefillBound",
    ] {
      #expect(json[key] is Double || json[key] is String, "missing \(key)")
    }
    let replica = try #require(json["replicaAccelerators"] as? Double)
    let accelerators = try #require(json["accelerators"] as? Double)
    #expect(accelerators.truncatingRemainder(dividingBy: replica) == 0)
    #expect(["bandwidth", "compute"].contains(json["decodeBound"] as? String))
  }

  @Test func compareRanksAcceleratorsPerWattAndPerDollarForBothWorkloads() throws {
    // Given three parts, When each workload is compared, Then every part gets a row and a per-watt rank.
    let inference = try Headroom.run([
      "size", "inference", "--model", "llama-3-70b", "--rate", "1M", "--compare", "h100-sxm,h20,h200-sxm",
      "--format", "json",
    ])
    #expect(inference.status == 0, "\(inference.stderr)")
    let rows = try #require(Headroom.json(inference.stdout)["accelerators"] as? [[String: Any]])
    #expect(Set(rows.compactMap { $0["accelerator"] as? String }) == ["h100-sxm", "h20", "h200-sxm"])
    #expect(Set(rows.compactMap { $0["rankByPower"] as? Double }) == [1, 2, 3])
    let training = try Headroom.run([
      "size", "training", "--params", "70B", "--tokens", "15T", "--days", "30", "--compare", "h100-sxm,h20,b200",
      "--format", "json",
    ])
    #expect(training.status == 0, "\(training.stderr)")
    let trainingRows = try #require(Headroom.json(training.stdout)["accelerators"] as? [[String: Any]])
    #expect(trainingRows.count == 3)
    #expect(Set(trainingRows.compactMap { $0["rankByCost"] as? Double }) == [1, 2, 3])
  }

  @Test func catalogCompareShowsWorkloadSpecificEquivalents() throws {
    // Given the H100, the H200 and the H20, When compared, Then both workload rows appear: the H200 (same
    // die, same training default) counts for about 1.28 H100 in chat serving, as MLPerf's calibration
    // says, while the compute-poor H20 stays near its training ratio for prefill-heavy chat.
    let result = try Headroom.run(["catalog", "compare", "h100-sxm", "h200-sxm", "h20", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let metrics = try #require(Headroom.json(result.stdout)["metrics"] as? [String: Any])
    let training = try #require(metrics["trainingH100e"] as? [Double])
    let inference = try #require(metrics["inferenceH100e"] as? [Double])
    #expect(training[0] == 1 && inference[0] == 1)
    #expect(training[1] == 1 && inference[1] > 1.2)
    #expect(abs(inference[2] / training[2] - 1) < 0.25)
  }

  @Test(arguments: ["h100-sxm", "h200-sxm", "mi300x", "b200"])
  func theMLPerfProfilePrintsTokensPerAcceleratorWithTheEfficiencyBasis(accelerator: String) throws {
    // Given the MLPerf Llama 2 70B profile, When one part is sized, Then the table gives tokens/s per
    // accelerator and names the efficiency basis (fitted to an MLPerf case), and the JSON says the same.
    let table = try Headroom.run(["size", "inference", "--profile", "mlperf-llama2-70b", "--accelerator", accelerator])
    #expect(table.status == 0, "\(table.stderr)")
    #expect(table.stdout.contains("per accelerator (fitted efficiency)"), "\(table.stdout)")
    #expect(table.stdout.contains("compute 0.") && table.stdout.contains("(fitted to mlperf-v"), "\(table.stdout)")
    let json = try Headroom.json(
      try Headroom.run([
        "size", "inference", "--profile", "mlperf-llama2-70b", "--accelerator", accelerator, "--format", "json",
      ]).stdout)
    let efficiency = try #require(json["efficiency"] as? [String: Any])
    #expect(efficiency["basis"] as? String == "fitted")
    #expect((json["tokensPerSecondPerAccelerator"] as? Double ?? 0) > 2000)
  }

  @Test func calibrateListsEveryCaseAndPasses() throws {
    // Given the repository data, When 'size calibrate' runs, Then it exits 0 and lists the training runs,
    // the MLPerf cases apart by role, and the orderings.
    let result = try Headroom.run(["size", "calibrate", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try Headroom.json(result.stdout)
    let training = try #require(json["training"] as? [[String: Any]])
    let inference = try #require(json["inference"] as? [[String: Any]])
    #expect(training.count >= 8 && inference.count >= 6)
    #expect(Set(inference.compactMap { $0["role"] as? String }) == ["fit", "held-out"])
    #expect((json["orderings"] as? [[String: Any]])?.allSatisfy { $0["matches"] as? Bool == true } == true)
  }

  @Test func aProfileLongerThanTheModelsContextAndAnUnmetTTFTExitNonZeroSayingWhy() throws {
    // Given RAG prompts (16,000 tokens) for an 8K model, and a 1 ms TTFT limit, When sized, Then each
    // exits non-zero naming the profile and context, or the limit and by how much it is missed.
    let rag = try Headroom.run([
      "size", "inference", "--model", "llama-3-70b", "--profile", "rag-long-context", "--accelerator", "h100-sxm",
    ])
    #expect(rag.status != 0)
    #expect(rag.stderr.contains("16685 tokens exceed llama-3-70b's maximum context of 8192 tokens"), "\(rag.stderr)")
    let ttft = try Headroom.run([
      "size", "inference", "--model", "llama-3-70b", "--accelerator", "h100-sxm", "--ttft", "1ms",
    ])
    #expect(ttft.status != 0)
    #expect(ttft.stderr.contains("cannot meet the time-to-first-token limit of 1 ms"), "\(ttft.stderr)")
    #expect(ttft.stderr.contains("over the limit by"), "\(ttft.stderr)")
    let efficiency = try Headroom.run([
      "size", "inference", "--model", "llama-3-70b", "--accelerator", "h100-sxm", "--compute-efficiency", "1.5",
    ])
    #expect(efficiency.status != 0)
    #expect(efficiency.stderr.contains("--compute-efficiency 1.5: expected a number in (0, 1]"), "\(efficiency.stderr)")
  }

  @Test(arguments: [
    (["--count", "0"], "--count 0: expected a whole number of accelerators of at least 1"),
    (["--count", "-5"], "--count -5: expected a whole number of accelerators of at least 1"),
    (["--count", "8", "--mfu", "1.5"], "--mfu 1.5: expected a number in (0, 1]"),
    (["--count", "8", "--mfu", "0"], "--mfu 0: expected a number in (0, 1]"),
    (["--count", "8", "--goodput", "-0.1"], "--goodput -0.1: expected a number in (0, 1]"),
    (["--days", "-3"], "--days -3: expected a positive number of days"),
    (["--count", "8"], "8 x h100-sxm hold 640 GB but the run needs at least"),
    (["--count", "8", "--days", "3"], "give one of them"),
  ])
  func badTrainingInputExitsNonZeroWithAClearMessage(extra: [String], message: String) throws {
    // Given a bad option, When 'size training' runs, Then it exits non-zero naming the option, value and
    // what was expected.
    let result = try Headroom.run(
      ["size", "training", "--params", "405B", "--tokens", "15.6T", "--accelerator", "h100-sxm"] + extra)
    #expect(result.status != 0)
    #expect(result.stderr.contains(message), "\(result.stderr)")
  }

  @Test func badCountsAndUnknownIdsExitNonZeroSuggestingTheNearest() throws {
    // Given a malformed count, an unknown accelerator and an unknown model,
    // When sized, Then each exits non-zero; unknown ids suggest the nearest known ones.
    let count = try Headroom.run(
      ["size", "training", "--params", "abc", "--tokens", "1T", "--accelerator", "h100-sxm", "--count", "8"])
    #expect(count.status != 0)
    #expect(count.stderr.contains("--params abc: expected a count such as 405e9, 405B or 15.6T"))
    let accelerator = try Headroom.run(
      ["size", "training", "--params", "8B", "--tokens", "1T", "--accelerator", "h100-sx", "--count", "8"])
    #expect(accelerator.status != 0)
    #expect(accelerator.stderr.contains("unknown accelerator id; nearest known: h100-sxm"), "\(accelerator.stderr)")
    let inference = try Headroom.run(
      ["size", "inference", "--model", "llama-3-70b", "--rate", "1k", "--accelerator", "h2O"])
    #expect(inference.status != 0)
    #expect(inference.stderr.contains("nearest known: h20"), "\(inference.stderr)")
    let model = try Headroom.run(["size", "inference", "--model", "llama-3-7b", "--rate", "1k", "--accelerator", "h20"])
    #expect(model.status != 0)
    #expect(model.stderr.contains("unknown model id; nearest known: llama-3-70b"), "\(model.stderr)")
  }

  @Test func aModelThatFitsNoReplicaExitsNonZeroWithMemoryNeededAndAvailable() throws {
    // Given DeepSeek-V3 in FP16 on T4s (1.34 TB against 64 x 14.4 GB usable), When sized,
    // Then it exits non-zero giving the memory needed and available.
    let result = try Headroom.run([
      "size", "inference", "--model", "deepseek-v3", "--rate", "1000", "--accelerator", "t4", "--precision", "fp16",
    ])
    #expect(result.status != 0)
    #expect(result.stderr.contains("does not fit any replica of up to 64 x t4"), "\(result.stderr)")
    #expect(result.stderr.contains("needs 1.34 TB") && result.stderr.contains("offer 922 GB usable"))
  }

  @Test func badInferenceInputExitsNonZero() throws {
    // Given a zero rate, a malformed latency and a context past the model's maximum, When sized,
    // Then each exits non-zero naming the option.
    let cases: [([String], String)] = [
      (["--rate", "0"], "--rate 0: expected a positive count"),
      (["--rate", "1k", "--latency", "fast"], "--latency fast: expected a time per output token"),
      (["--rate", "1k", "--context", "100000"], "--context 100000: llama-3-70b supports at most 8192 tokens"),
      (["--rate", "1k", "--latency", "1us"], "cannot meet 0.001 ms per output token"),
    ]
    for (extra, message) in cases {
      let result = try Headroom.run(
        ["size", "inference", "--model", "llama-3-70b", "--accelerator", "h100-sxm"] + extra)
      #expect(result.status != 0, "\(extra)")
      #expect(result.stderr.contains(message), "\(extra): \(result.stderr)")
    }
  }
}
