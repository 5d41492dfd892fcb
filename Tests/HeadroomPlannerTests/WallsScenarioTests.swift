import Foundation
import HeadroomCatalog
import HeadroomCoinOR
import HeadroomModel
import HeadroomPlanner
import HeadroomSolver
import HeadroomTestSupport
import Testing

/// The walls model on the bundled scenarios: invariants computed apart from the LP, the base year,
/// allocations and the reference model.
@Suite struct WallsScenarioTests {
  let study = WallsStudy(
    catalog: Repository.catalog, solver: CoinORSolver(), solverIdentity: .init(name: "CLP", version: "test"))

  func scenario(_ id: String = "baseline", _ overrides: [ScenarioOverride] = []) throws -> Scenario {
    try ScenarioLoader(catalog: Repository.catalog, root: Repository.root).load(id, overrides: overrides)
  }

  @Test func whatRunsServesWhatTheResultSaysItServes() throws {
    // Given the baseline, When solved,
    // Then for every country, year and workload, the units running times each kind's capability
    // (from the inputs, not the LP) equal demand × served share (= demand − gap), power used ≤ available
    // and owned ≥ running.
    let scenario = try scenario()
    let input = try study.input(scenario)
    let result = try study.run(input)
    for (country, problem) in zip(result.countries, input.problems) {
      let capability = Dictionary(uniqueKeysWithValues: problem.kinds.map { ($0.id, $0.capability) })
      let megawatts = Dictionary(uniqueKeysWithValues: problem.kinds.map { ($0.id, $0.megawattsPerThousand) })
      for year in country.years {
        for (w, workload) in Workload.allCases.enumerated() {
          let served = year.runningUnits.map { kind, units in units[w] * (capability[kind]?[w] ?? 0) }.reduce(0, +)
          let demand = (workload == .training ? year.trainingDemand : year.inferenceDemand).value
          let share = workload == .training ? year.trainingServedShare : year.inferenceServedShare
          #expect(
            abs(served - demand * share) <= 1e-6 * max(1, demand),
            "\(country.country) \(year.year) \(workload): runs serve \(served), result says \(demand * share)")
        }
        let power = year.runningUnits.map { kind, units in units.reduce(0, +) / 1000 * (megawatts[kind] ?? 0) }
          .reduce(0, +)
        #expect(abs(power - year.powerUsed.megawatts) <= 1e-6 * max(1, power), "\(country.country) \(year.year) power")
        // Power used stays within the grid's plus the firm on-site power built, summed here from the
        // nameplate by option and the options' availability in the catalog.
        let onSite = year.onSiteBuilt.map { id, nameplate in
          nameplate.watts * (Repository.catalog.generation.first { $0.id == id }?.availability ?? .nan)
        }.reduce(0, +)
        #expect(
          abs(onSite - year.onSitePower.watts) <= 1e-6 * max(1, onSite), "\(country.country) \(year.year) on-site")
        #expect(
          year.powerUsed.watts <= (year.powerAvailable.watts + onSite) * (1 + 1e-7) + 1,
          "\(country.country) \(year.year)")
        #expect(year.running.value <= year.fleet.value * (1 + 1e-7) + 1e-3, "\(country.country) \(year.year) fleet")
        let gap = year.demand.value * (1 - year.servedShare)
        #expect(abs(gap - year.gap.value) <= 1e-6 * max(1, year.demand.value), "\(country.country) \(year.year) gap")
      }
    }
  }

  @Test func theBaseYearStockRunsUnlessPowerBinds() throws {
    // Given the baseline, whose 2025 demand is what the 2025 stock serves and whose 2025 AI power is
    // what the stock draws, When solved, Then every country runs at least 95 % of its 2025 stock.
    let result = try study.run(try scenario(), costPhase: true)
    for country in result.countries {
      let first = try #require(country.years.first)
      #expect(first.running.value >= 0.95 * first.fleet.value, "\(country.country): \(first.running) of \(first.fleet)")
      #expect(first.gap.value <= 1e-6 * first.demand.value, "\(country.country) is short in its base year")
    }
  }

  @Test func aPartMadeForOneCountryGoesToNoOther() throws {
    // Given the china-h200 what-if, where China may import the 2M H200s made for it from 2026,
    // When solved, Then no other country buys an H200 SXM, and China's supply of them is positive.
    let scenario = try scenario("china-h200")
    let input = try study.input(scenario)
    for problem in input.problems where problem.country != "CN" {
      if let k = problem.kinds.firstIndex(where: { $0.id == "h200-sxm" }) {
        #expect(problem.supply.allSatisfy { $0[k] == 0 }, "\(problem.country) may obtain H200s")
      }
    }
    let china = try #require(input.problems.first { $0.country == "CN" })
    let k = try #require(china.kinds.firstIndex { $0.id == "h200-sxm" })
    #expect(china.supply.contains { $0[k] > 0 })
    let result = try study.run(input)
    for country in result.countries where country.country != "CN" {
      #expect(country.purchases["h200-sxm"] == nil, "\(country.country) bought H200s")
    }
  }

  @Test func theReferenceModelSetsTheInferenceEquivalence() throws {
    // Given the baseline with its reference model (llama-3-70b) and with llama-3.1-8b set from the
    // command line, When the inputs are built, Then the inference capability (tokens/s against the
    // H100's on that model) changes for some kinds by more than 5 %, and no training capability changes.
    let large = try study.input(try scenario())
    let small = try study.input(
      try scenario("baseline", [ScenarioOverride(path: "reference_model", value: "llama-3.1-8b")]))
    let a = try #require(large.problems.first { $0.country == "US" }).kinds
    let b = try #require(small.problems.first { $0.country == "US" }).kinds
    #expect(a.map(\.id) == b.map(\.id))
    #expect(zip(a, b).allSatisfy { $0.capability[0] == $1.capability[0] })
    let moved = zip(a, b).filter { abs($0.capability[1] - $1.capability[1]) > 0.05 * max($0.capability[1], 1e-9) }
    #expect(!moved.isEmpty, "no inference equivalence moved with the reference model")
  }

  @Test func aStockWorksWhereItsComparativeAdvantageLies() {
    // Given 10 units worth [1, 1] H100e and 10 worth [0.15, 1.2] (an H20-like part), a training share of 0.5,
    // When the stock's service is split, Then the first kind and 1.48 of the second train: 10.22 each.
    let served = WallsInput.servedByStock([(10, [1, 1]), (10, [0.15, 1.2])], trainingShare: 0.5)
    #expect(isClose(served[0], to: 10 + 1.5 * (1 / 6.75), relative: 1e-12))
    #expect(isClose(served[1], to: served[0], relative: 1e-12))
  }

  @Test func aSetPathAndItsTypedParameterGiveTheSameScenario() throws {
    // Given every numeric path a sweep can vary in the baseline, When a value is written once through
    // --set (the file loader) and once through the typed parameter, Then both scenarios are equal.
    let base = try scenario()
    let loader = ScenarioLoader(catalog: Repository.catalog, root: Repository.root)
    let prepared = try loader.prepare("baseline")
    for path in base.parameterPaths {
      let parameter = try base.parameter(path)
      // A value inside every range that keeps share lists valid (allocations are small shares).
      let value =
        parameter.range.whole
        ? 4
        : path.hasPrefix("allocation.")
          ? 0.001 : min(parameter.range.range.upperBound, max(parameter.range.range.lowerBound, 0.37))
      var typed = base
      parameter.apply(value, to: &typed)
      let text = parameter.range.whole ? "\(Int(value))" : "\(value)"
      let loaded = try loader.load(prepared, overrides: [ScenarioOverride(path: path, value: text)])
      var left = typed
      var right = loaded
      left.provenance = .init()
      right.provenance = .init()
      left.demand.provenance = .init()
      right.demand.provenance = .init()
      #expect(left == right, "\(path)=\(text)")
    }
  }
}
