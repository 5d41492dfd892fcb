import Foundation

/// An exogenous, sourced path of AI compute demand per country and year (`Scenarios/demand/<id>.yaml`).
///
/// Demand is counted in H100-equivalents of work per workload (``H100Equivalents``). Its base year is
/// the scenario's first year, where each country's demand is what its installed fleet serves (the
/// stock was bought for it). From there a *service index* grows by the case's ``GrowthPath`` (or, in
/// the years a country lists ``CountryDemand/additions``, grows by those additions instead: announced
/// capacity, in H100e or in power at the meter turned into H100e by ``powerPerH100e``), is split
/// between training and inference by
/// ``trainingShare``, and is divided by the algorithmic-efficiency factor per workload, compounded
/// from the base year: the compute needed for the same service falls by that factor each year.
///
/// For example, with the trend case's start of 2.3, a country whose fleet serves 1M H100e of training
/// in 2025 at a training share of 0.5 that stays 0.5 demands 2.3M H100e of training in 2026 (efficiency 1).
public struct DemandCase: Sendable, Hashable, Codable, Identifiable {
  /// Yearly factors by which the compute needed for the same service falls, per workload (1 = none
  /// beyond what the case's growth already contains).
  public struct Efficiency: Sendable, Hashable, Codable {
    public var training: Double
    public var inference: Double

    public init(training: Double = 1, inference: Double = 1) {
      self.training = training
      self.inference = inference
    }

    /// The factor of a workload.
    public subscript(_ workload: Workload) -> Double {
      get { workload == .training ? training : inference }
      set {
        if workload == .training { training = newValue } else { inference = newValue }
      }
    }
  }

  /// One country's departures from the case's defaults.
  public struct CountryDemand: Sendable, Hashable, Codable {
    /// Replacements of the case's growth path fields.
    public var growth: GrowthPath.Override?
    /// The country's own training share path.
    public var trainingShare: YearShares?
    /// Replacements of the case's efficiency factors.
    public var efficiencyTraining: Double?
    public var efficiencyInference: Double?
    /// Demand added in the years it lists (announced capacity), in H100e; from the year after the last
    /// listed year the growth path applies again.
    public var additions: [Int: H100Equivalents]
    /// Demand added in the years it lists as power at the meter (announced gigawatts), turned into
    /// H100e at the case's ``DemandCase/powerPerH100e`` of that year.
    public var powerAdditions: [Int: Power]

    public init(
      growth: GrowthPath.Override? = nil, trainingShare: YearShares? = nil, efficiencyTraining: Double? = nil,
      efficiencyInference: Double? = nil, additions: [Int: H100Equivalents] = [:], powerAdditions: [Int: Power] = [:]
    ) {
      self.growth = growth
      self.trainingShare = trainingShare
      self.efficiencyTraining = efficiencyTraining
      self.efficiencyInference = efficiencyInference
      self.additions = additions
      self.powerAdditions = powerAdditions
    }

    /// The last year with an addition, if any.
    public var lastAdditionYear: Int? { (Array(additions.keys) + Array(powerAdditions.keys)).max() }
  }

  public var id: String
  public var name: String
  /// Growth of the service index, for every country without its own.
  public var growth: GrowthPath
  /// Share of demand that is training, by year.
  public var trainingShare: YearShares
  public var efficiency: Efficiency
  /// Power at the meter per H100e of newly built capacity, by year (the last given year holds after it),
  /// to turn announced gigawatts into H100e.
  public var powerPerH100e: [Int: Power]
  /// Country code → its departures from the defaults.
  public var countries: [String: CountryDemand]
  public var provenance: Provenance

  public init(
    id: String, name: String, growth: GrowthPath, trainingShare: YearShares = YearShares([:]),
    efficiency: Efficiency = .init(), powerPerH100e: [Int: Power] = [:], countries: [String: CountryDemand] = [:],
    provenance: Provenance = .init()
  ) {
    self.powerPerH100e = powerPerH100e
    self.id = id
    self.name = name
    self.growth = growth
    self.trainingShare = trainingShare
    self.efficiency = efficiency
    self.countries = countries
    self.provenance = provenance
  }

  /// A country's growth path (the case's with the country's replacements).
  public func growth(for country: String) -> GrowthPath { growth.applying(countries[country]?.growth) }

  /// A country's training share in a year.
  public func trainingShare(for country: String, in year: Int) -> Double {
    (countries[country]?.trainingShare ?? trainingShare).value(in: year)
  }

  /// Power per H100e of capacity built in a year: the value for that year, else the nearest earlier
  /// year's, else the earliest given; nil when the case gives none.
  public func powerPerH100e(in year: Int) -> Power? {
    let years = powerPerH100e.keys.sorted()
    guard let chosen = years.last(where: { $0 <= year }) ?? years.first else { return nil }
    return powerPerH100e[chosen]
  }

  /// What a country's additions add to its service index in a year, in H100e (nil: no addition listed).
  public func addition(for country: String, in year: Int) -> H100Equivalents? {
    guard let own = countries[country] else { return nil }
    var total = own.additions[year]
    if let power = own.powerAdditions[year], let perUnit = powerPerH100e(in: year), perUnit.watts > 0 {
      total = (total ?? .zero) + H100Equivalents(power / perUnit)
    }
    return total
  }

  /// A country's efficiency factor for a workload.
  public func efficiency(for country: String, _ workload: Workload) -> Double {
    let own = countries[country].flatMap { workload == .training ? $0.efficiencyTraining : $0.efficiencyInference }
    return own ?? efficiency[workload]
  }

  /// A country's demand per workload in each year of `years`, from its base-year demand per workload.
  ///
  /// - Parameters:
  ///   - base: demand per workload in the base year (what the installed fleet serves).
  ///   - years: the horizon; its first year is the base year.
  /// - Returns: [year index] → workload → demand.
  public func demand(for country: String, base: [Workload: H100Equivalents], years: ClosedRange<Int>)
    -> [[Workload: H100Equivalents]]
  {
    let baseYear = years.lowerBound
    let path = growth(for: country)
    let lastAddition = countries[country]?.lastAdditionYear
    let baseTotal = Workload.allCases.map { base[$0]?.value ?? 0 }.reduce(0, +)
    let baseShare = trainingShare(for: country, in: baseYear)
    var result: [[Workload: H100Equivalents]] = []
    var index = baseTotal
    for year in years {
      if year > baseYear {
        if let lastAddition, year <= lastAddition {
          index += addition(for: country, in: year)?.value ?? 0
        } else {
          index *= path.multiplier(in: year, baseYear: baseYear)
        }
      }
      let share = trainingShare(for: country, in: year)
      var row: [Workload: H100Equivalents] = [:]
      for workload in Workload.allCases {
        let baseValue = base[workload]?.value ?? 0
        let split = workload == .training ? share : 1 - share
        let baseSplit = workload == .training ? baseShare : 1 - baseShare
        // The workload's part of the index, kept proportional to its own base-year demand so that a
        // fleet serving inference worth more H100e than its training (a bandwidth-rich part) keeps that.
        let scale = baseTotal > 0 && baseSplit > 0 ? baseValue / (baseTotal * baseSplit) : 0
        let served = index * split * scale
        let factor = pow(efficiency(for: country, workload), Double(year - baseYear))
        row[workload] = H100Equivalents(year == baseYear ? baseValue : served / factor)
      }
      result.append(row)
    }
    return result
  }
}
