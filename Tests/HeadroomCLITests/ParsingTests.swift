import ArgumentParser
import Foundation
import HeadroomModel
import HeadroomPlanner
import Testing

@testable import HeadroomCLI

/// In-process parsing of every command: options become typed values, and each command's `validate()`
/// refuses what it must with a usage error (exit 64) naming the option, without running anything.
@Suite struct ParsingTests {
  /// Parses a command line as `headroom` does (negative positionals rewritten first) and returns the
  /// subcommand, or the error the parser or `validate()` threw.
  static func parse(_ line: [String]) -> Result<any ParsableCommand, any Error> {
    Result { try HeadroomCommand.parseAsRoot(NegativeArguments.rewrite(line)) }
  }

  /// The subcommand parsed from a line, as its own type.
  static func command<C: ParsableCommand>(_ line: [String], as type: C.Type) throws -> C {
    let parsed = try HeadroomCommand.parseAsRoot(NegativeArguments.rewrite(line))
    return try #require(parsed as? C, "'\(line.joined(separator: " "))' parsed as \(Swift.type(of: parsed))")
  }

  /// The message and exit code a refused line gives, as `headroom` would print them.
  static func refusal(_ line: [String]) throws -> (message: String, code: Int32) {
    guard case .failure(let error) = parse(line) else {
      Issue.record("'\(line.joined(separator: " "))' was accepted")
      return ("", 0)
    }
    return (HeadroomCommand.message(for: error), HeadroomCommand.exitCode(for: error).rawValue)
  }

  // MARK: Accepted lines become typed values

  @Test func wallsReadsTheScenarioOverridesThresholdAndOutputs() throws {
    // Given a walls line with every option, When parsed, Then each becomes its typed value.
    let walls = try Self.command(
      [
        "walls", "--scenario", "export-h200", "--set", "countries.US.power_scale=0.7", "--set", "lifetime=6",
        "--threshold", "0.2", "--year-by-year", "--format", "json", "--data", "/tmp", "--no-save",
      ], as: WallsCommand.self)
    #expect(walls.scenarioOptions.scenario == "export-h200")
    #expect(
      walls.scenarioOptions.allOverrides == [
        ScenarioOverride(path: "countries.US.power_scale", value: "0.7"),
        ScenarioOverride(path: "lifetime", value: "6"),
        ScenarioOverride(path: "wall_threshold", value: "0.2"),
      ])
    #expect(walls.yearByYear && walls.history.noSave)
    #expect(walls.options.format == .json && walls.options.data == ["/tmp"])
  }

  @Test func wallsWithNoArgumentsRunsTheBaseline() throws {
    let walls = try Self.command(["walls"], as: WallsCommand.self)
    #expect(walls.scenarioOptions.scenario == "baseline" && walls.scenarioOptions.allOverrides.isEmpty)
    #expect(walls.options.format == .table && !walls.history.noSave)
  }

  @Test func sweepReadsRangesMethodSamplesSeedAndShard() throws {
    let sweep = try Self.command(
      [
        "sweep", "--vary", "lifetime=3:7", "--vary", "countries.US.power_scale=0.5:1.5", "--method", "sobol",
        "--samples", "64", "--seed", "7", "--shard", "2/4",
      ], as: SweepCommand.self)
    #expect(sweep.ranges.map(\.path) == ["lifetime", "countries.US.power_scale"])
    #expect(sweep.ranges.map(\.low) == [3, 0.5] && sweep.ranges.map(\.high) == [7, 1.5])
    #expect(sweep.method == .sobol && sweep.samples == 64 && sweep.seed == 7)
    #expect(sweep.shardOptions.shard?.index == 2 && sweep.shardOptions.shard?.count == 4)
  }

  @Test func sweepMergeTakesSeveralFilesAfterOneOption() throws {
    let sweep = try Self.command(["sweep", "--merge", "a.json", "b.json", "--partial"], as: SweepCommand.self)
    #expect(sweep.merge == ["a.json", "b.json"] && sweep.partial)
  }

  @Test func batchReadsScenariosAndShard() throws {
    let batch = try Self.command(["batch", "baseline", "export-h200", "--shard", "1/2"], as: BatchCommand.self)
    #expect(batch.scenarios == ["baseline", "export-h200"] && batch.shardOptions.shard?.description == "1/2")
  }

  @Test func planReadsSiteWorkloadsYearsOverridesAndSolverSettings() throws {
    let plan = try Self.command(
      [
        "plan", "--site", "abilene-campus", "--workloads", "us-frontier", "--from", "2026", "--to", "2028", "--set",
        "policy.h200-sxm=allowed", "--time-limit", "2min", "--gap", "1", "--no-diagnosis", "--btm", "none",
      ], as: PlanCommand.self)
    #expect(plan.site == "abilene-campus" && plan.workloads == "us-frontier" && plan.from == 2026 && plan.to == 2028)
    #expect(plan.overrides == ["policy.h200-sxm=allowed"] && plan.gap == 1 && plan.noDiagnosis && plan.btm == "none")
    #expect(try PlanCommand.seconds(plan.timeLimit) == 120)
  }

  @Test func planTimeLimitsReadAsSeconds() throws {
    #expect(try PlanCommand.seconds("45") == 45)
    #expect(try PlanCommand.seconds("500ms") == 0.5)
    #expect(throws: (any Error).self) { try PlanCommand.seconds("0s") }
    #expect(throws: (any Error).self) { try PlanCommand.seconds("soon") }
  }

  @Test func fitClassifyAndGridReadTheirOptions() throws {
    let fit = try Self.command(
      ["fit", "--site", "dublin-colo-hall", "--system", "hgx-h200", "--year", "2027"], as: FitCommand.self)
    #expect(fit.site == "dublin-colo-hall" && fit.system == "hgx-h200" && fit.year == 2027)

    let classify = try Self.command(
      ["classify", "--tflops", "2000", "--bits", "8", "--die-area", "800", "--not-datacenter", "--to", "CN"],
      as: ClassifyCommand.self)
    #expect(classify.tflops == 2000 && classify.bits == 8 && classify.dieArea == 800 && classify.notDatacenter)
    #expect(classify.to == "CN" && classify.id == nil)

    let grid = try Self.command(["grid", "show", "US", "--from", "2026", "--to", "2030"], as: GridCommand.Show.self)
    #expect(grid.country == "US" && grid.from == 2026 && grid.to == 2030)
  }

  @Test func catalogSubcommandsReadTheirArguments() throws {
    let list = try Self.command(
      ["catalog", "list", "--vendor", "nvidia", "--datacenter", "true", "--sort", "tdp", "--ascending"],
      as: CatalogCommand.List.self)
    #expect(list.vendor == "nvidia" && list.datacenter == true && list.sort == .tdp && list.ascending)
    let compare = try Self.command(
      ["catalog", "compare", "h100-sxm", "h20", "h200-sxm"], as: CatalogCommand.Compare.self)
    #expect(compare.ids == ["h100-sxm", "h20", "h200-sxm"])
    let show = try Self.command(["catalog", "show", "h20"], as: CatalogCommand.Show.self)
    #expect(show.id == "h20")
    let diff = try Self.command(["catalog", "diff", "--against", "HEAD~1"], as: CatalogCommand.Diff.self)
    #expect(diff.against == "HEAD~1")
  }

  @Test func queryAndRunsReadTheirArguments() throws {
    let query = try Self.command(["query", "SELECT 1", "--timeout", "5"], as: QueryCommand.self)
    #expect(query.sql == "SELECT 1" && query.timeout == 5)
    let show = try Self.command(["runs", "show", "12"], as: RunsCommand.Show.self)
    #expect(show.id == 12)
    let diff = try Self.command(["runs", "diff", "3", "4"], as: RunsCommand.Diff.self)
    #expect(diff.a == 3 && diff.b == 4)
  }

  @Test func aNegativePositionalIsReadAsAValue() throws {
    // Given 'runs show -1' (argument-parser alone reads '-1' as an option), When parsed as headroom does,
    // Then the id is -1, for the command to refuse as a value.
    let show = try Self.command(["runs", "show", "-1"], as: RunsCommand.Show.self)
    #expect(show.id == -1)
  }

  @Test func negativeAndExponentOptionValuesAreValues() throws {
    let walls = try Self.command(["walls", "--threshold", "2e-1"], as: WallsCommand.self)
    #expect(walls.scenarioOptions.threshold == 0.2)
    let plan = try Self.command(["plan", "--site", "s", "--workloads", "w", "--gap", "-1"], as: PlanCommand.self)
    #expect(plan.gap == -1)
    let size = try Self.command(
      ["size", "training", "--params", "-1", "--tokens", "1T", "--accelerator", "h100-sxm", "--count", "8"],
      as: SizeCommand.Training.self)
    #expect(size.params == "-1")
  }

  @Test func sizeTrainingBecomesTheLibraryRequest() throws {
    // Given a training line, When parsed and turned into a request, Then counts are read with their suffixes.
    let training = try Self.command(
      [
        "size", "training", "--params", "405B", "--tokens", "15.6T", "--accelerator", "h100-sxm", "--days", "60",
        "--mfu", "0.4", "--goodput", "0.9", "--precision", "fp8", "--country", "IE",
      ], as: SizeCommand.Training.self)
    let request = try training.request()
    #expect(request.parameters == 405e9 && request.tokens == 15.6e12 && request.accelerators == ["h100-sxm"])
    #expect(request.size == .deadline(TimeSpan(days: 60)) && request.mfu == 0.4 && request.goodput == 0.9)
    #expect(request.precision == .fp8 && request.location.country == "IE")
  }

  @Test func sizeInferenceBecomesTheLibraryRequest() throws {
    let inference = try Self.command(
      [
        "size", "inference", "--model", "llama-3-70b", "--rate", "1M", "--latency", "50ms", "--ttft", "0.5s",
        "--compare", "h100-sxm,h20", "--lifetime", "4",
      ], as: SizeCommand.Inference.self)
    let request = try inference.request()
    #expect(request.model == "llama-3-70b" && request.rate == 1e6 && request.accelerators == ["h100-sxm", "h20"])
    #expect(request.timePerOutputToken == TimeSpan(seconds: 0.05) && request.timeToFirstToken == TimeSpan(seconds: 0.5))
    #expect(request.lifetime == TimeSpan(years: 4))
  }

  // MARK: Refused lines name the option (usage errors exit 64)

  /// A line and a piece of the message its refusal must give.
  static let refused: [(line: [String], message: String)] = [
    (["walls", "--threshold", "1.5"], "--threshold must be a share strictly between 0 and 1"),
    (["walls", "--set", "lifetime=4", "--set", "lifetime=6"], "--set lifetime is given twice"),
    (["walls", "--set", "=4"], "expected path=value"),
    (["walls", "--chart", "walls.png"], "--chart walls.png: expected a .svg file"),
    (["walls", "--chart", "/no/such/folder/walls.svg"], "the folder /no/such/folder does not exist"),
    (["walls", "--export-mps", "walls.txt"], "expected a .mps file"),
    (["whatif"], "Nothing to compare"),
    (["sweep"], "Give at least one --vary"),
    (["sweep", "--vary", "lifetime=3:7", "--samples", "0"], "--samples must be positive"),
    (["sweep", "--vary", "lifetime=3:7", "--vary", "lifetime=4:5"], "--vary lifetime is given twice"),
    (["sweep", "--vary", "lifetime=3:7", "--set", "lifetime=4"], "lifetime is both --set and --vary"),
    (["sweep", "--vary", "lifetime=3:7", "--samples", "4", "--shard", "5/8"], "shard 5 of 4 runs would hold none"),
    (["sweep", "--vary", "lifetime=3:7", "--partial"], "--partial only applies to --merge"),
    (["sweep", "--merge", "a.json", "--vary", "lifetime=3:7"], "--merge reads the ranges"),
    (["sweep", "--merge", "a.json", "a.json"], "--merge a.json is given twice"),
    (["sweep", "--vary", "lifetime=3:7", "--save-samples", "out.csv"], "expected a .json file"),
    (["sweep", "--vary", "lifetime=3:7", "--shard", "5/4"], "--shard 5/4: expected i/n with 1 <= i <= n"),
    (["batch"], "Give at least one scenario"),
    (["batch", "baseline", "--shard", "2/2"], "shard 2 of 1 scenarios would hold none"),
    (["batch", "baseline", "--partial"], "--partial only applies to --merge"),
    (["batch", "baseline", "--merge", "a.json"], "--merge reads the scenarios and shards"),
    (["plan", "--site", "s", "--workloads", "w", "--set", "a=1", "--set", "a=2"], "--set a is given twice"),
    (["plan", "--site", "s"], "Missing expected argument '--workloads <workloads>'"),
    (["classify"], "Give an accelerator id, or --tflops and --bits"),
    (["classify", "h100-sxm", "--tflops", "100", "--bits", "8"], "not both"),
    (["classify", "--tflops", "-5", "--bits", "8"], "--tflops must be a positive number"),
    (["classify", "--tflops", "1e18", "--bits", "8"], "--tflops must be within the sane range of a dense rate"),
    (["classify", "--tflops", "100", "--bits", "7"], "--bits must be an operand bit length"),
    (["classify", "--tflops", "100", "--bits", "8", "--die-area", "0"], "--die-area must be positive"),
    (["grid", "show", "US", "--from", "2030", "--to", "2025"], "--from 2030 is after --to 2025"),
    (["grid", "show", "US", "--from", "1900"], "--from and --to must be years between 1990 and 2100"),
    (["catalog", "compare", "h100-sxm"], "Give at least two accelerator ids"),
    (["catalog", "compare", "h100-sxm", "h20", "h20"], "id h20 is given twice"),
    (["catalog", "list", "--sort", "colour"], "--sort"),
    (["query", "SELECT 1", "--timeout", "0"], "--timeout must be a positive number of seconds"),
    (["size", "training", "--pue", "0.8", "--tokens", "1T"], "--pue 0.8: expected a number of at least 1"),
    (["size", "inference", "--site", "dublin-colo-hall", "--country", "IE"], "give one of them"),
    (["walls", "--format", "yaml"], "--format"),
    (["runs", "show"], "Missing expected argument '<id>'"),
    (["wallz"], "Unexpected argument 'wallz'"),
  ]

  @Test(arguments: refused.indices)
  func aBadLineIsAUsageErrorNamingTheOption(_ index: Int) throws {
    // Given a line the parser or the command's validate() must refuse
    let (line, message) = Self.refused[index]
    // When parsed in process, Then it is refused with exit 64 and a message naming what is wrong
    let refusal = try Self.refusal(line)
    #expect(refusal.code == ExitCode.validationFailure.rawValue, "\(line): exit \(refusal.code)")
    #expect(refusal.message.contains(message), "\(line): \(refusal.message)")
  }

  /// Lines that parse but that the command refuses when it turns them into a library request.
  static let refusedRequests: [(line: [String], message: String)] = [
    (["size", "training", "--params", "-1", "--tokens", "1T", "--accelerator", "a", "--count", "8"], "--params -1"),
    (["size", "training", "--tokens", "1T", "--accelerator", "a", "--count", "8"], "--params: missing"),
    (["size", "training", "--params", "7B", "--model", "m", "--tokens", "1T", "--count", "8"], "give one of them"),
    (["size", "training", "--params", "7B", "--tokens", "1T", "--accelerator", "a"], "--count or --days: missing"),
    (["size", "training", "--params", "7B", "--tokens", "1T", "--accelerator", "a", "--count", "0"], "--count 0"),
    (["size", "training", "--params", "7B", "--tokens", "1T", "--accelerator", "a", "--days", "0"], "--days 0"),
    (
      ["size", "training", "--params", "7B", "--tokens", "1T", "--accelerator", "a", "--count", "8", "--mfu", "2"],
      "--mfu 2"
    ),
    (
      ["size", "training", "--params", "7B", "--active-params", "8B", "--tokens", "1T", "--count", "8"],
      "--active-params 8B"
    ),
    (
      ["size", "training", "--params", "7B", "--tokens", "lots", "--accelerator", "a", "--count", "8"], "--tokens lots"
    ),
    (["size", "inference", "--model", "m", "--rate", "0", "--accelerator", "a"], "--rate 0"),
    (["size", "inference", "--model", "m", "--latency", "soon", "--accelerator", "a"], "--latency soon"),
    (["size", "inference", "--model", "m", "--replica", "128", "--accelerator", "a"], "--replica 128"),
    (["size", "inference", "--model", "m", "--prompt-tokens", "-1", "--accelerator", "a"], "--prompt-tokens -1"),
    (["size", "inference", "--model", "m", "--usable-memory", "1.5", "--accelerator", "a"], "--usable-memory 1.5"),
    (["size", "inference", "--model", "m", "--compare", "a,b,a"], "'a' is given twice"),
    (["size", "inference", "--model", "m"], "--accelerator: missing"),
  ]

  @Test(arguments: refusedRequests.indices)
  func aBadSizingLineIsRefusedBeforeTheLibraryIsCalled(_ index: Int) throws {
    let (line, message) = Self.refusedRequests[index]
    let parsed = try HeadroomCommand.parseAsRoot(NegativeArguments.rewrite(line))
    var thrown: (any Error)?
    do {
      if let training = parsed as? SizeCommand.Training {
        _ = try training.request()
      } else if let inference = parsed as? SizeCommand.Inference {
        _ = try inference.request()
      }
    } catch {
      thrown = error
    }
    let error = try #require(thrown, "\(line) was accepted")
    #expect("\(error)".contains(message), "\(line): \(error)")
  }
}
