import HeadroomCatalog
import HeadroomModel
import HeadroomTestSupport
import Testing

/// The bundled production outlooks and supply limits: within their limits in every year (computed here,
/// independently of `ProductionPlan` and `SupplyCheck`), on one power and price basis, roadmap parts dated.
@Suite struct SupplyDataTests {
  let catalog = Repository.catalog

  /// A limit's capacity in a year from its data alone: stated, else held or grown from the last stated year.
  func capacity(_ limit: SupplyLimit, _ year: Int) -> Double {
    guard let last = limit.capacity.keys.max() else { return 0 }
    if let stated = limit.capacity[year] { return stated }
    if year < (limit.capacity.keys.min() ?? year) || year < last { return 0 }
    if case .growth(let factor) = limit.continuation {
      return (limit.capacity[last] ?? 0) * (0..<(year - last)).reduce(1.0) { product, _ in product * factor }
    }
    return limit.capacity[last] ?? 0
  }

  /// Packages of each kind in a year from the outlooks alone.
  func units(_ year: Int) -> [String: Double] {
    var result: [String: Double] = [:]
    for outlook in catalog.production {
      let last = outlook.lines.flatMap(\.units.keys).max()!
      for line in outlook.lines {
        var value = line.units[year] ?? 0
        if year > last {
          value = line.units[last] ?? 0
          switch outlook.continuation {
          case .hold: break
          case .growth(let factor): value *= (0..<(year - last)).reduce(1.0) { product, _ in product * factor }
          case .followLimit(let id):
            let limit = catalog.supplyLimits.first { $0.id == id }!
            value *= capacity(limit, year) / capacity(limit, last)
          }
        }
        result[line.accelerator, default: 0] += value
      }
    }
    return result
  }

  @Test func theBundledProductionNeverExceedsAnyLimitIn2025To2030() {
    // Given the outlooks and limits, When each year's use is summed by hand (stocks cumulated),
    // Then no limit is exceeded in any year 2025-2030.
    var drawn: [String: Double] = [:]
    for year in 2025...2030 {
      let plan = units(year)
      for limit in catalog.supplyLimits {
        let used = limit.usage.reduce(0.0) { $0 + $1.value * (plan[$1.key] ?? 0) }
        switch limit.kind {
        case .annual:
          #expect(used <= capacity(limit, year) * (1 + 1e-9), "\(limit.id) \(year): \(used) > \(capacity(limit, year))")
        case .stock:
          drawn[limit.id, default: 0] += used
          let available = (limit.stock ?? 0) + (2025...year).map { capacity(limit, $0) }.reduce(0, +)
          #expect(drawn[limit.id]! <= available * (1 + 1e-9), "\(limit.id) through \(year)")
        }
      }
    }
  }

  @Test func theLibraryCheckAgreesWithTheHandSum() throws {
    // Given the same data, When the library plans and checks 2025-2030, Then it finds no violation and
    // its plan equals the hand-built one.
    let plan = try catalog.productionPlan(through: 2030)
    let check = try plan.checked(against: catalog.supplyLimits)
    #expect(check.violations.isEmpty, "\(check.violations)")
    for year in 2025...2030 {
      for (kind, value) in units(year) {
        #expect(isClose(plan[kind, year], to: value, relative: 1e-9) || value == plan[kind, year], "\(kind) \(year)")
      }
    }
  }

  @Test func everyProducedPartHasAPowerFigure() throws {
    // Given the kinds the outlooks produce, Then each has a chip TDP (the walls' stated power basis).
    for outlook in catalog.production {
      for line in outlook.lines {
        let part = try catalog.accelerator(line.accelerator)
        #expect(part.tdp != nil, "\(part.id) has no TDP")
      }
    }
  }

  @Test func theSameSiliconSitsOnTheSamePowerBasis() throws {
    // Given the H100 and H800 (same GH100 silicon), When their systems are looked up,
    // Then both have one, at the same wall power per accelerator; and the GB300 rack holds the GB300 part.
    let h100 = try #require(catalog.systems.first { $0.accelerator == "h100-sxm" })
    let h800 = try #require(catalog.systems.first { $0.accelerator == "h800" })
    #expect(h100.powerPerAccelerator == h800.powerPerAccelerator)
    #expect(try catalog.system("gb300-nvl72").accelerator == "gb300")
    #expect(!catalog.systems.contains { $0.accelerator == "b300" })
  }

  @Test func thePublishedPriceRangesReplaceSystemDerivedFigures() throws {
    // Given the figures (MI300X 10-15k published vs 25.7k from a board price; B200 30-40k vs 47k
    // from a DGX price), Then the catalog holds the published ranges on a chip basis.
    let mi300x = try #require(try catalog.accelerator("mi300x").price)
    #expect(mi300x.low?.dollars == 10_000 && mi300x.high?.dollars == 15_000 && mi300x.basis == .chip)
    #expect(mi300x.amount.dollars == 12_500)
    let b200 = try #require(try catalog.accelerator("b200").price)
    #expect(b200.low?.dollars == 30_000 && b200.high?.dollars == 40_000 && b200.basis == .chip)
    for part in catalog.accelerators {
      guard let price = part.price else { continue }
      #expect(price.basis != .system, "\(part.id)")
      if let low = price.low, let high = price.high { #expect(low <= price.amount && price.amount <= high) }
    }
  }

  @Test func everyRoadmapPartIsDatedAndMarkedAsEstimates() {
    // Given the parts and systems marked announced, Then each has an announcement date no later than its
    // volume year, and every figure but its dates is an estimate.
    let announced = catalog.accelerators.filter { $0.status == .announced }
    #expect(announced.count >= 8)
    for part in announced {
      let day = part.announced
      #expect(day != nil && day!.year <= part.year, "\(part.id)")
      for field in part.provenance.numericFields where !["year", "announced"].contains(field) {
        #expect(part.provenance.marks[field]?.kind == .estimate, "\(part.id).\(field)")
      }
    }
    #expect(catalog.systems.filter { $0.status == .announced }.allSatisfy { $0.announced != nil })
  }

  @Test func capturedFleetsAreDeployedToKnownCountriesAndMerchantPartsAreNot() {
    // Given the outlooks, Then TPU and Trainium fleets have deployment shares summing to at most 1 and
    // merchant vendors leave deployment to the scenario.
    for outlook in catalog.production {
      if ["google", "aws"].contains(outlook.vendor) {
        let shares = outlook.deployment ?? [:]
        #expect(!shares.isEmpty && shares.values.reduce(0, +) <= 1 + 1e-9, "\(outlook.id)")
      } else {
        #expect(outlook.deployment == nil, "\(outlook.id)")
      }
    }
  }
}
