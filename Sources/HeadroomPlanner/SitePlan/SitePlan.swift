import HeadroomModel
import HeadroomSolver

/// A solved site plan: what to install in which hall each year, which workload runs on what, which
/// limits bind, what it costs, and what could not be served and why.
///
/// Units follow ``SitePlanProblem``: MW, millions of USD, YFLOP (10^24 FLOP) for training and
/// millions of output tokens per second for inference; per-token costs are in USD per million tokens.
public struct SitePlan: Sendable {
  /// A limit that can bind in a year.
  public enum Limit: String, Sendable, Hashable, CaseIterable {
    case sitePower = "site power"
    case racks = "racks"
    case floorSpace = "floor space"
    case supply = "supply cap"
    case exportRules = "export rules"
    /// The grid is not there yet (queue or equipment), and behind the meter cannot or may not make it up.
    case timeToPower = "time to power"
  }

  /// Systems of one kind in one hall in one year.
  public struct Build: Sendable, Hashable {
    public var year: Int
    public var hall: String
    public var system: String
    /// Installed at the end of the year (the cumulative fleet).
    public var installed: Int
    /// Bought that year.
    public var bought: Int
    public var accelerators: Int
    /// Racks they fill (servers packed full racks first).
    public var racks: Int
    /// Their IT power at the wall, in MW.
    public var itMegawatts: Double
  }

  /// One hall in one year.
  public struct HallYear: Sendable, Hashable {
    public var year: Int
    public var hall: String
    public var racksUsed: Int
    public var usableRacks: Int
    public var itMegawatts: Double
    /// No further candidate system fits the hall's free racks.
    public var isFull: Bool
  }

  /// One behind-the-meter option in one year.
  public struct GenerationYear: Sendable, Hashable {
    public var year: Int
    public var option: String
    /// Nameplate installed by the year (cumulative), MW.
    public var nameplateMegawatts: Double
    /// Nameplate added that year, MW.
    public var builtMegawatts: Double
    /// IT power its firm share adds (nameplate × availability × derating / redundancy / PUE), MW.
    public var itMegawatts: Double
    /// Average output over the year, MW (MW-years).
    public var outputMegawatts: Double
    /// Capex paid that year (undiscounted), millions of USD.
    public var capexMillions: Double
    /// Fuel and O&M that year (undiscounted), millions of USD.
    public var operatingMillions: Double
    /// CO2 emitted that year, tonnes.
    public var tonnesCO2: Double
  }

  /// The site in one year.
  public struct Year: Sendable, Hashable {
    public var year: Int
    /// IT power the site delivers (supply × derating / redundancy / PUE), MW: the grid's, plus behind the meter.
    public var itAvailableMegawatts: Double
    /// The grid's (and firm on-site) share of it, after the queue and equipment waits, MW.
    public var gridITMegawatts: Double
    /// IT power of the installed systems at their maximum, MW.
    public var itUsedMegawatts: Double
    /// Facility power of the installed systems (IT × PUE), MW.
    public var facilityMegawatts: Double
    public var racksUsed: Int
    public var usableRacks: Int
    public var systemsBought: Int
    public var acceleratorsInstalled: Int
    /// Capex paid that year (undiscounted, fees included), millions of USD.
    public var capexMillions: Double
    /// Energy paid that year for the systems in use (undiscounted), millions of USD.
    public var energyMillions: Double
    /// The limits at capacity: no further candidate system fits under them.
    public var binding: [Limit]
    /// The binding limits in words (which halls, which caps).
    public var bindingText: String
  }

  /// System-years of one kind given to one workload in one year.
  public struct Assignment: Sendable, Hashable {
    public var workload: String
    public var year: Int
    public var system: String
    public var systemYears: Double
    /// What they deliver: YFLOP for a training run, M tokens/s for a service.
    public var delivered: Double
  }

  /// A training run's outcome.
  public struct TrainingResult: Sendable, Hashable {
    public var id: String
    public var start: Day
    public var deadline: Day
    public var requiredYottaflop: Double
    public var servedYottaflop: Double
    public var shortYottaflop: Double
    /// The last year the run uses the site, nil when it never runs.
    public var finishYear: Int?
    /// Energy plus capex amortised over ``SitePlan/amortisationYears`` for the system-years it uses,
    /// millions of USD, undiscounted.
    public var costMillions: Double
    public var energyMillions: Double
  }

  /// An inference service in one year.
  public struct ServiceYear: Sendable, Hashable {
    public var year: Int
    public var demandedMillionTokensPerSecond: Double
    public var servedMillionTokensPerSecond: Double
    public var shortMillionTokensPerSecond: Double
  }

  /// An inference service's outcome.
  public struct ServiceResult: Sendable, Hashable {
    public var id: String
    public var model: String
    public var years: [ServiceYear]
    /// Energy plus amortised capex of the system-years it uses, millions of USD, undiscounted.
    public var costMillions: Double
    /// Output tokens served over the plan, millions.
    public var millionTokensServed: Double
    /// ``costMillions`` per million output tokens served, USD; nil when nothing is served.
    public var costPerMillionTokens: Double? {
      millionTokensServed > 0 ? costMillions * 1e6 / millionTokensServed : nil
    }
  }

  /// What a workload could not get.
  public struct Shortfall: Sendable, Hashable {
    public var workload: String
    /// The year, for a service; nil for a training run (its whole window).
    public var year: Int?
    public var amount: Double
    /// `YFLOP` or `M tokens/s`.
    public var unit: String
    /// The amount as a share of the requirement.
    public var share: Double
    /// The limits that, relaxed on their own, remove this shortfall; empty when only several
    /// together do (see ``SitePlan/diagnoses``) or when the diagnosis was not run.
    public var removedBy: [SitePlanProgram.Relaxation]
    /// The explanation in words.
    public var explanation: String
  }

  /// One amount a relaxed limit had to give.
  public struct Need: Sendable, Hashable {
    public var relaxation: SitePlanProgram.Relaxation
    public var year: Int?
    /// The hall (racks) or the system (supply, rules) it concerns.
    public var subject: String?
    public var amount: Double
    /// `MW`, `racks` or `systems`.
    public var unit: String
  }

  /// The outcome of re-solving with some limits relaxed.
  public struct Diagnosis: Sendable, Hashable {
    public var relaxations: [SitePlanProgram.Relaxation]
    /// Σ of the shortfall shares before and after relaxing.
    public var shortShareBefore: Double
    public var shortShareAfter: Double
    /// How far past each relaxed limit the plan went.
    public var needs: [Need]
    /// Whether relaxing removed every shortfall (to within ``SitePlanner/diagnosisTolerance`` of a workload).
    public var removesAll: Bool { shortShareAfter <= SitePlanner.diagnosisTolerance }
  }

  /// Costs over the plan, millions of USD.
  public struct Costs: Sendable, Hashable {
    /// Capex discounted to the first year.
    public var capexPresent: Double
    /// Energy discounted to the first year.
    public var energyPresent: Double
    /// Capex as paid (fees included).
    public var capex: Double
    /// Energy as paid.
    public var energy: Double
    /// Licence fees and tariffs within ``capex``.
    public var licenceFees: Double
    /// Behind-the-meter capex, discounted and as paid.
    public var generationCapexPresent: Double = 0
    public var generationCapex: Double = 0
    /// Behind-the-meter fuel and O&M, discounted and as paid (``energy`` is then the grid's part only).
    public var generationOperatingPresent: Double = 0
    public var generationOperating: Double = 0
    /// Behind-the-meter CO2 over the plan, tonnes.
    public var generationTonnesCO2: Double = 0
    /// Capex plus energy (grid and behind the meter), discounted.
    public var totalPresent: Double {
      capexPresent + energyPresent + generationCapexPresent + generationOperatingPresent
    }
    /// Everything as paid.
    public var total: Double { capex + energy + generationCapex + generationOperating }
  }

  /// A candidate system and what the plan did with it.
  public struct Candidate: Sendable, Hashable {
    public var system: String
    public var accelerator: String
    public var accelerators: Int
    public var megawatts: Double
    public var priceMillions: Double
    public var priceBasis: SitePlanProblem.PriceBasis
    /// Per year: the export decision and why.
    public var policy: [String]
    /// Halls that can take it.
    public var halls: [String]
    /// Systems bought over the plan.
    public var bought: Int
  }

  /// Years over which capex is spread when costing a workload (straight line, an assumption: 5 years,
  /// as the inference sizing assumes).
  public static let amortisationYears = 5.0

  public var site: String
  public var country: String
  public var years: [Int]
  /// The solver's status for the plan (the cost phase's).
  public var status: TerminationStatus
  /// The relative MIP gap of the plan's cost; nil without a bound.
  public var gap: Double?
  /// The plan's value in the full MIP (discounted costs plus shortfall penalties), millions of USD:
  /// the optimum of the program ``SitePlanner/program(for:)`` exports, within ``gap``.
  public var objective: Double
  /// The solver's bound on the cost (the cost phase's objective, penalties excluded).
  public var bestBound: Double?
  public var builds: [Build]
  public var hallYears: [HallYear]
  public var yearSummaries: [Year]
  public var assignments: [Assignment]
  public var training: [TrainingResult]
  public var services: [ServiceResult]
  public var shortfalls: [Shortfall]
  public var diagnoses: [Diagnosis]
  public var costs: Costs
  /// Behind-the-meter capacity and output by year and option (years with nothing installed left out).
  public var generation: [GenerationYear]
  /// When the grid phases energise, when the site gives a grid request or an equipment order.
  public var timeToPower: TimeToPower?
  public var candidates: [Candidate]
  public var notes: [String]

  /// `optimal`, or `time limit (gap x %)`, or the solver's status.
  public var statusText: String {
    switch status {
    case .optimal: return "optimal" + (gap.map { $0 > 1e-9 ? " (gap \(NumberText.plain($0 * 100, 3)) %)" : "" } ?? "")
    case .timeLimit: return "time limit (gap \(gap.map { NumberText.plain($0 * 100, 3) } ?? "unknown") %)"
    default: return status.description
    }
  }
}
