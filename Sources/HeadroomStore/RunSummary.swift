import Foundation
import HeadroomModel

/// What a planning run used and found, as saved in the run history.
///
/// A plain value: the walls, what-if, sweep and plan commands fill one in and call
/// ``HeadroomDatabase/saveRun(_:)``. For example:
/// ```swift
/// let summary = RunSummary(
///   kind: .walls, scenario: "Scenarios/baseline.yaml",
///   overrides: [.init(path: "countries.CN.policy.H200", value: "allowed")],
///   dataHash: DataHash.of(root: dataRoot), solverName: "CLP", solverVersion: "1.17.9",
///   objective: 1.25e6,
///   countries: [.init(country: "CN", powerWallYear: 2031, chipWallYear: 2027, bindingWall: .chip)],
///   years: [...])
/// let id = try HeadroomDatabase(path: path).saveRun(summary)
/// ```
public struct RunSummary: Sendable, Hashable {
  /// The command that made the run.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    case walls, whatif, sweep, plan, batch
  }

  /// Which limit binds a country in the joint model (read from the duals of its power and fleet rows).
  public enum BindingWall: String, Sendable, Hashable, CaseIterable {
    case none, power, chip, both
  }

  /// One `--set path=value` override.
  public struct Override: Sendable, Hashable {
    /// The dotted scenario path, e.g. `countries.CN.policy.H200`.
    public var path: String
    /// The value as given on the command line.
    public var value: String

    public init(path: String, value: String) {
      self.path = path
      self.value = value
    }
  }

  /// A country's walls in the run.
  public struct CountryResult: Sendable, Hashable {
    /// ISO code, e.g. `CN`.
    public var country: String
    /// First year demand goes unmet with chips unlimited; nil when none within the horizon.
    public var powerWallYear: Int?
    /// First year demand goes unmet with power unlimited; nil when none within the horizon.
    public var chipWallYear: Int?
    /// First year demand goes unmet in the joint model; nil when none within the horizon.
    public var firstShortYear: Int?
    public var bindingWall: BindingWall
    /// The country's cost-phase objective (capex plus energy over the horizon), when the run has one.
    public var cost: Money?

    public init(
      country: String, powerWallYear: Int?, chipWallYear: Int?, firstShortYear: Int? = nil,
      bindingWall: BindingWall, cost: Money? = nil
    ) {
      self.country = country
      self.powerWallYear = powerWallYear
      self.chipWallYear = chipWallYear
      self.firstShortYear = firstShortYear
      self.bindingWall = bindingWall
      self.cost = cost
    }
  }

  /// One country and year of a walls run (schema v2: H100e, GW and shares).
  ///
  /// Demand, supply and gaps are in H100-equivalents; power at the meter; shares 0…1. Shadow prices
  /// are H100e more served per MW and per 1,000 more units of ``chipShadowKind``.
  public struct YearResult: Sendable, Hashable {
    public var country: String
    public var year: Int
    public var demand: H100Equivalents
    public var trainingServedShare: Double
    public var inferenceServedShare: Double
    public var demandPower: Power
    public var powerAvailable: Power
    public var powerUsed: Power
    public var chipsObtainable: H100Equivalents
    public var fleet: H100Equivalents
    public var gap: H100Equivalents
    public var powerGap: Power
    public var chipGap: H100Equivalents
    public var binding: BindingWall
    public var powerShadow: Double?
    public var chipShadow: Double?
    public var chipShadowKind: String?

    public init(
      country: String, year: Int, demand: H100Equivalents, trainingServedShare: Double, inferenceServedShare: Double,
      demandPower: Power, powerAvailable: Power, powerUsed: Power, chipsObtainable: H100Equivalents,
      fleet: H100Equivalents, gap: H100Equivalents, powerGap: Power, chipGap: H100Equivalents, binding: BindingWall,
      powerShadow: Double? = nil, chipShadow: Double? = nil, chipShadowKind: String? = nil
    ) {
      self.country = country
      self.year = year
      self.demand = demand
      self.trainingServedShare = trainingServedShare
      self.inferenceServedShare = inferenceServedShare
      self.demandPower = demandPower
      self.powerAvailable = powerAvailable
      self.powerUsed = powerUsed
      self.chipsObtainable = chipsObtainable
      self.fleet = fleet
      self.gap = gap
      self.powerGap = powerGap
      self.chipGap = chipGap
      self.binding = binding
      self.powerShadow = powerShadow
      self.chipShadow = chipShadow
      self.chipShadowKind = chipShadowKind
    }

    /// Share of demand served, 0…1.
    public var servedShare: Double { demand.value > 0 ? 1 - gap / demand : 1 }
  }

  /// One field of the data the run read, with a hash of its value (see `DataSnapshot.fieldHashes` in
  /// HeadroomCatalog): saved once per data hash, so `runs diff` can name the fields behind a changed hash.
  public struct DataField: Sendable, Hashable {
    /// The file, relative to the data folder.
    public var file: String
    /// The dotted field path in it.
    public var field: String
    /// FNV-1a 64 of the value as written, 16 hex digits.
    public var hash: String

    public init(file: String, field: String, hash: String) {
      self.file = file
      self.field = field
      self.hash = hash
    }
  }

  /// One wall of one country over a sweep's samples: the p5, p50 and p95 years (nil: no wall within the
  /// horizon at that percentile) and the share of samples with no wall (schema v4).
  public struct SweepWall: Sendable, Hashable {
    /// Which wall.
    public enum Wall: String, Sendable, Hashable, CaseIterable {
      case powerWall = "power wall"
      case chipWall = "chip wall"
      case firstShort = "first short"
    }
    public var country: String
    public var wall: Wall
    public var p5: Int?
    public var p50: Int?
    public var p95: Int?
    /// Share of samples with no such wall within the horizon, 0…1.
    public var noneShare: Double

    public init(country: String, wall: Wall, p5: Int?, p50: Int?, p95: Int?, noneShare: Double) {
      self.country = country
      self.wall = wall
      self.p5 = p5
      self.p50 = p50
      self.p95 = p95
      self.noneShare = noneShare
    }
  }

  /// An input that moves a country's wall in a sweep, by rank (1 = strongest): the measure is
  /// `spearman` (rank correlation, -1…1) or `sobol total` (total-order Sobol index, 0…1) (schema v4).
  public struct Driver: Sendable, Hashable {
    public var country: String
    public var wall: SweepWall.Wall
    public var rank: Int
    /// The varied path, e.g. `demand.growth.start`.
    public var input: String
    public var measure: String
    public var value: Double

    public init(country: String, wall: SweepWall.Wall, rank: Int, input: String, measure: String, value: Double) {
      self.country = country
      self.wall = wall
      self.rank = rank
      self.input = input
      self.measure = measure
      self.value = value
    }
  }

  /// One year of a site plan (schema v4).
  public struct PlanYear: Sendable, Hashable {
    public var year: Int
    public var systemsBought: Int
    public var accelerators: Int
    public var itPowerUsed: Power
    public var itPowerAvailable: Power
    public var racksUsed: Int
    public var capex: Money
    public var energyCost: Money
    /// Share of the year's workload demand served, 0…1.
    public var servedShare: Double
    /// The limit that binds, in words.
    public var binding: String

    public init(
      year: Int, systemsBought: Int, accelerators: Int, itPowerUsed: Power, itPowerAvailable: Power, racksUsed: Int,
      capex: Money, energyCost: Money, servedShare: Double, binding: String
    ) {
      self.year = year
      self.systemsBought = systemsBought
      self.accelerators = accelerators
      self.itPowerUsed = itPowerUsed
      self.itPowerAvailable = itPowerAvailable
      self.racksUsed = racksUsed
      self.capex = capex
      self.energyCost = energyCost
      self.servedShare = servedShare
      self.binding = binding
    }
  }

  public var kind: Kind
  /// The scenario's name or file, nil for the built-in baseline.
  public var scenario: String?
  /// `--set` overrides in the order given (a path given twice keeps its last value when saved).
  public var overrides: [Override]
  /// ``DataHash/of(root:)`` of the data folders the run read.
  public var dataHash: String
  public var solverName: String
  public var solverVersion: String
  /// When the run was made (saved to the millisecond).
  public var createdAt: Date
  /// The solver's objective value, when there is one (for walls: the cost phase, millions of USD).
  public var objective: Double?
  /// The demand case and the wall threshold of a walls run.
  public var demandCase: String?
  public var wallThreshold: Double?
  public var countries: [CountryResult]
  public var years: [YearResult]
  /// The fields of the data the run read, with value hashes; empty when not recorded. Not loaded back
  /// by ``HeadroomDatabase/run(id:)`` (``HeadroomDatabase/diff(_:_:)`` reads them by data hash).
  public var dataFields: [DataField]
  /// The site of a plan run (schema v4).
  public var site: String?
  /// How many samples a sweep ran (schema v4).
  public var sampleCount: Int?
  /// A sweep's wall percentiles and drivers (schema v4).
  public var sweepWalls: [SweepWall] = []
  public var drivers: [Driver] = []
  /// A plan's years (schema v4).
  public var planYears: [PlanYear] = []

  public init(
    kind: Kind, scenario: String? = nil, overrides: [Override] = [], dataHash: String,
    solverName: String, solverVersion: String, createdAt: Date = Date(), objective: Double? = nil,
    demandCase: String? = nil, wallThreshold: Double? = nil, countries: [CountryResult] = [], years: [YearResult] = [],
    dataFields: [DataField] = [], site: String? = nil, sampleCount: Int? = nil
  ) {
    self.site = site
    self.sampleCount = sampleCount
    self.demandCase = demandCase
    self.wallThreshold = wallThreshold
    self.kind = kind
    self.scenario = scenario
    self.overrides = overrides
    self.dataHash = dataHash
    self.solverName = solverName
    self.solverVersion = solverVersion
    self.createdAt = createdAt
    self.objective = objective
    self.countries = countries
    self.years = years
    self.dataFields = dataFields
  }
}

extension RunSummary {
  /// The solver and its version, e.g. `COIN-OR CLP 1.17.6` (the version once, even when the name
  /// already ends with it).
  public var solverDescription: String { Self.solverDescription(name: solverName, version: solverVersion) }

  /// `name version`, or the name alone when it already ends with the version.
  public static func solverDescription(name: String, version: String) -> String {
    version.isEmpty || name.hasSuffix(version) ? name : "\(name) \(version)"
  }
}
