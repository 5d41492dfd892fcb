import HeadroomModel

/// One site's planning problem in the MIP's scaled units: its halls, the candidate systems (with
/// what the export rules let the site's country obtain each year), the workloads, and the phased
/// power.
///
/// Units, chosen so the MIP's coefficients stay within a few decades of one another:
/// power in MW, money in millions of USD, training compute in YFLOP (10^24 FLOP; a system's
/// capability in YFLOP per system-year), inference in millions of output tokens per second.
/// Arrays run over ``years``, ``halls`` and ``systems`` in the same order everywhere.
///
/// Build it from the catalog with ``init(catalog:site:workloads:years:)``, or directly (tests and
/// the synthetic benchmark generator) with the memberwise initialiser.
public struct SitePlanProblem: Sendable {
  /// A hall as the plan sees it.
  public struct Hall: Sendable, Hashable {
    public var id: String
    public var cooling: AcceleratorSystem.Cooling
    /// Power one rack can be fed and cooled at, in kW.
    public var rackKilowatts: Double
    /// Rack positions usable: the hall's racks, or fewer when floor area is short.
    public var usableRacks: Int
    /// Whether floor area (not the rack count) sets ``usableRacks``.
    public var floorLimited: Bool

    public init(
      id: String, cooling: AcceleratorSystem.Cooling, rackKilowatts: Double, usableRacks: Int,
      floorLimited: Bool = false
    ) {
      self.id = id
      self.cooling = cooling
      self.rackKilowatts = rackKilowatts
      self.usableRacks = usableRacks
      self.floorLimited = floorLimited
    }
  }

  /// How one system kind sits in one hall (from ``SiteFitter``'s per-hall rules).
  public struct Placement: Sendable, Hashable {
    /// Servers sharing one rack: the least of ⌊rack power / system power⌋ and ⌊42 U / system U⌋;
    /// 1 for a rack-scale system.
    public var systemsPerRack: Int
    /// Racks one system takes (a rack-scale system of several racks); 1 otherwise.
    public var racksPerSystem: Int

    public init(systemsPerRack: Int, racksPerSystem: Int = 1) {
      self.systemsPerRack = max(1, systemsPerRack)
      self.racksPerSystem = max(1, racksPerSystem)
    }

    /// Racks that `systems` systems take, servers packed full racks first.
    public func racks(for systems: Int) -> Int {
      racksPerSystem > 1 ? systems * racksPerSystem : (systems + systemsPerRack - 1) / systemsPerRack
    }
  }

  /// Where a system's price comes from.
  public enum PriceBasis: String, Sendable, Hashable {
    /// The catalog's price for the whole system.
    case system = "system price"
    /// Accelerators × the accelerator's unit price (chips only: servers, network, buildings excluded).
    case accelerators = "accelerators x unit price"
    /// No price published: imputed from the H100's price per nominal H100-equivalent (``Catalog/price(of:)``,
    /// as the walls model does).
    case imputed = "imputed from the H100 price per H100-equivalent"
  }

  /// A candidate system kind.
  public struct System: Sendable, Hashable {
    public var id: String
    public var accelerator: String
    /// Accelerators per system.
    public var accelerators: Int
    /// Maximum power at the wall (IT), in MW per system.
    public var megawatts: Double
    public var cooling: AcceleratorSystem.Cooling
    /// Price of one system before any licence fee, in millions of USD.
    public var priceMillions: Double
    public var priceBasis: PriceBasis
    /// Per year: what the site's country may do about buying it.
    public var decisions: [ExportPolicy.Decision]
    /// Per year: the licence fee or tariff, a share of the price (0 when none).
    public var fees: [Double]
    /// Per year: why (rule set and destination line, domestic part, what-if override).
    public var policyNotes: [String]
    /// Per hall: how it sits there, or nil when the hall cannot take it (cooling, rack power).
    public var placements: [Placement?]

    public init(
      id: String, accelerator: String, accelerators: Int, megawatts: Double, cooling: AcceleratorSystem.Cooling = .air,
      priceMillions: Double, priceBasis: PriceBasis = .system, decisions: [ExportPolicy.Decision],
      fees: [Double]? = nil,
      policyNotes: [String]? = nil, placements: [Placement?]
    ) {
      self.id = id
      self.accelerator = accelerator
      self.accelerators = accelerators
      self.megawatts = megawatts
      self.cooling = cooling
      self.priceMillions = priceMillions
      self.priceBasis = priceBasis
      self.decisions = decisions
      self.fees = fees ?? decisions.map { _ in 0 }
      self.policyNotes = policyNotes ?? decisions.map(\.rawValue)
      self.placements = placements
    }

    /// Whether the site may buy it in the year with this index (allowed, or licensed: a licence is
    /// taken to be granted).
    public func isObtainable(inYear y: Int) -> Bool { decisions[y] != .denied }

    /// Price paid for one system bought in the year with this index, licence fee included.
    public func price(inYear y: Int) -> Double {
      priceMillions * (1 + (decisions[y] == .licensed ? fees[y] : 0))
    }
  }

  /// A training run in scaled units.
  public struct TrainingRun: Sendable, Hashable {
    public var id: String
    /// Compute to deliver, in YFLOP (6 × N_active × D / 10^24).
    public var computeYottaflop: Double
    /// Per year: the share of the year inside the run's window (0 outside it).
    public var windowShares: [Double]
    /// Per system: YFLOP one system delivers in a full year on this run (peak × MFU × goodput × a year),
    /// 0 when it cannot run it.
    public var yottaflopPerSystemYear: [Double]
    /// Per system: the MFU used and where it comes from.
    public var mfuNotes: [String]
    public var start: Day
    public var deadline: Day

    public init(
      id: String, computeYottaflop: Double, windowShares: [Double], yottaflopPerSystemYear: [Double],
      mfuNotes: [String]? = nil, start: Day, deadline: Day
    ) {
      self.id = id
      self.computeYottaflop = computeYottaflop
      self.windowShares = windowShares
      self.yottaflopPerSystemYear = yottaflopPerSystemYear
      self.mfuNotes = mfuNotes ?? yottaflopPerSystemYear.map { _ in "" }
      self.start = start
      self.deadline = deadline
    }
  }

  /// An inference service in scaled units.
  public struct Service: Sendable, Hashable {
    public var id: String
    public var model: String
    /// Per year: demanded output, in millions of tokens per second.
    public var millionTokensPerSecond: [Double]
    /// Per system: output one system serves at the latency target, in millions of tokens per second
    /// (0 when it cannot serve it).
    public var millionTokensPerSecondPerSystem: [Double]
    /// Per system: how the rate was reached (replica, batch, bound) or why it cannot serve.
    public var sizingNotes: [String]

    public init(
      id: String, model: String, millionTokensPerSecond: [Double], millionTokensPerSecondPerSystem: [Double],
      sizingNotes: [String]? = nil
    ) {
      self.id = id
      self.model = model
      self.millionTokensPerSecond = millionTokensPerSecond
      self.millionTokensPerSecondPerSystem = millionTokensPerSecondPerSystem
      self.sizingNotes = sizingNotes ?? millionTokensPerSecondPerSystem.map { _ in "" }
    }
  }

  /// A behind-the-meter generation option in scaled units (see ``GenerationOption``).
  ///
  /// Capacity is nameplate MW, built in any plan year from ``firstYearIndex`` on and never removed; it adds
  /// nameplate × ``availability`` to the site's facility supply (then × derating / redundancy / PUE to IT power,
  /// as the grid does). Its output, in MW-years, costs ``operatingMillionsPerMWYear`` and replaces grid energy.
  public struct Generation: Sendable, Hashable {
    public var id: String
    public var name: String
    /// Burns fuel on site: counts against the air permit.
    public var combustion: Bool
    /// Capital cost per MW of nameplate, millions of USD.
    public var capexMillionsPerMW: Double
    /// Fuel and O&M per MW-year of output, millions of USD.
    public var operatingMillionsPerMWYear: Double
    /// CO2 per MW-year of output, tonnes.
    public var tonnesCO2PerMWYear: Double
    /// Share of nameplate that is firm supply.
    public var availability: Double
    /// The first plan year (index) its power counts, nil when it cannot arrive within the plan.
    public var firstYearIndex: Int?
    /// Per year: the most nameplate MW that may be added (nil: no published limit).
    public var newMegawattsLimit: [Double?]
    /// Order day, lead time and limits in words, for the report.
    public var note: String

    public init(
      id: String, name: String? = nil, combustion: Bool, capexMillionsPerMW: Double, operatingMillionsPerMWYear: Double,
      tonnesCO2PerMWYear: Double = 0, availability: Double = 1, firstYearIndex: Int?, newMegawattsLimit: [Double?],
      note: String = ""
    ) {
      self.id = id
      self.name = name ?? id
      self.combustion = combustion
      self.capexMillionsPerMW = capexMillionsPerMW
      self.operatingMillionsPerMWYear = operatingMillionsPerMWYear
      self.tonnesCO2PerMWYear = tonnesCO2PerMWYear
      self.availability = availability
      self.firstYearIndex = firstYearIndex
      self.newMegawattsLimit = newMegawattsLimit
      self.note = note
    }
  }

  public var site: String
  public var country: String
  public var years: [Int]
  public var halls: [Hall]
  public var systems: [System]
  public var training: [TrainingRun]
  public var inference: [Service]
  /// Per year: IT power the site delivers continuously (supply × derating / redundancy / PUE), in MW.
  public var itMegawatts: [Double]
  public var pue: Double
  /// Electricity price at the site's country, USD per MWh.
  public var electricityUSDPerMWh: Double
  /// Discount rate of capex and energy, per year.
  public var discountRate: Double
  /// [year][system]: the most systems the site can buy that year, nil for no cap.
  public var supplyCaps: [[Double?]]
  /// Assumptions and data gaps, for the report.
  public var notes: [String]
  /// Catalog systems left out, with the reason (no hall takes them, no figures).
  public var excludedSystems: [String: String]
  /// Behind-the-meter options the plan may build.
  public var generation: [Generation]
  /// The most combustion nameplate the site's air permit allows, MW; nil for no permit limit.
  public var airPermitMegawatts: Double?
  /// IT MW per MW of facility supply: derating / redundancy / PUE.
  public var itPerSupplyMegawatt: Double
  /// Per year: IT power the stated grid phases would give without the queue and equipment waits, MW (equal to
  /// ``itMegawatts`` when nothing waits).
  public var statedITMegawatts: [Double]
  /// When the grid phases energise, and why, for sites with a grid request or an equipment order.
  public var timeToPower: TimeToPower?

  public init(
    site: String, country: String, years: [Int], halls: [Hall], systems: [System], training: [TrainingRun] = [],
    inference: [Service] = [], itMegawatts: [Double], pue: Double, electricityUSDPerMWh: Double,
    discountRate: Double = 0.07, supplyCaps: [[Double?]]? = nil, notes: [String] = [],
    excludedSystems: [String: String] = [:], generation: [Generation] = [], airPermitMegawatts: Double? = nil,
    itPerSupplyMegawatt: Double? = nil, statedITMegawatts: [Double]? = nil, timeToPower: TimeToPower? = nil
  ) {
    self.site = site
    self.country = country
    self.years = years
    self.halls = halls
    self.systems = systems
    self.training = training
    self.inference = inference
    self.itMegawatts = itMegawatts
    self.pue = pue
    self.electricityUSDPerMWh = electricityUSDPerMWh
    self.discountRate = discountRate
    self.supplyCaps = supplyCaps ?? years.map { _ in systems.map { _ in nil } }
    self.notes = notes
    self.excludedSystems = excludedSystems
    self.generation = generation
    self.airPermitMegawatts = airPermitMegawatts
    self.itPerSupplyMegawatt = itPerSupplyMegawatt ?? 1 / pue
    self.statedITMegawatts = statedITMegawatts ?? itMegawatts
    self.timeToPower = timeToPower
  }

  /// Grid energy price per MW-year of facility load, millions of USD.
  public var gridMillionsPerMWYear: Double { electricityUSDPerMWh * TimeSpan.year.hours / 1e6 }

  /// Whether the grid in a year (index) is held below its stated phases by the queue or equipment.
  public func isWaitingForPower(_ y: Int) -> Bool { statedITMegawatts[y] > itMegawatts[y] + 1e-9 }

  /// Energy cost of one MW of IT load running a whole year, at the site's PUE, in millions of USD.
  public var energyMillionsPerITMegawattYear: Double {
    pue * electricityUSDPerMWh * TimeSpan.year.hours / 1e6
  }

  /// The discount factor of a year index: (1 + r)^−y.
  public func discount(_ y: Int) -> Double {
    var factor = 1.0
    for _ in 0..<y { factor /= 1 + discountRate }
    return factor
  }

  /// Whether a system can run any workload (systems that cannot are never worth buying).
  public func isUseful(_ s: Int) -> Bool {
    training.contains { $0.yottaflopPerSystemYear[s] > 0 }
      || inference.contains { $0.millionTokensPerSecondPerSystem[s] > 0 }
  }
}
