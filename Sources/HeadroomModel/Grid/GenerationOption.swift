/// A way to make power on or beside a data-centre site, behind the meter: gas turbines, engines, fuel cells,
/// nuclear restarts and SMRs, solar with storage (`Grids/generation/<id>.yaml`).
///
/// Costs are per unit of nameplate capacity (``capex``, USD/kW) and per unit of energy made
/// (``operatingCost``, USD/MWh: fuel plus variable and fixed O&M spread over the energy). ``availability`` is
/// the share of nameplate that counts as firm, continuous supply (forced and planned outages, or the firm share
/// of a solar-and-storage plant). Power arrives ``leadTime`` after the order, and not before ``earliestYear``.
public struct GenerationOption: Sendable, Hashable, Identifiable {
  /// The kind of plant.
  public enum Technology: String, Sendable, Hashable, CaseIterable {
    case aeroderivativeGasTurbine = "aeroderivative-gas-turbine"
    case frameGasTurbine = "frame-gas-turbine"
    case reciprocatingEngine = "reciprocating-engine"
    case fuelCell = "fuel-cell"
    case nuclearRestart = "nuclear-restart"
    case smallModularReactor = "small-modular-reactor"
    case solarStorage = "solar-storage"
  }

  /// How much new capacity of the option can be had in a year, and over what area.
  public struct SupplyLimit: Sendable, Hashable {
    /// Whether the limit is shared by the whole world or belongs to one country.
    public enum Scope: Sendable, Hashable, CustomStringConvertible {
      /// Shared by every buyer in the world (a maker's factory output).
      case global
      /// What one country can build (specific plants, a national programme).
      case national(String)

      public var description: String {
        switch self {
        case .global: "global"
        case .national(let country): "national (\(country))"
        }
      }
    }

    public var scope: Scope
    /// New nameplate capacity available per year; a year after the last stated keeps its value, a year
    /// before the first has none.
    public var byYear: [Int: Power]

    public init(scope: Scope, byYear: [Int: Power]) {
      self.scope = scope
      self.byYear = byYear
    }

    /// New capacity available in a year: the latest stated year at or before it, zero before the first.
    public func capacity(in year: Int) -> Power {
      byYear.keys.filter { $0 <= year }.max().flatMap { byYear[$0] } ?? .zero
    }
  }

  public var id: String
  public var name: String
  public var technology: Technology
  /// Whether it burns fuel on site (counts against a site's air permit).
  public var combustion: Bool
  /// Overnight capital cost per kW of nameplate.
  public var capex: PowerCost
  /// Fuel plus operation and maintenance per MWh made.
  public var operatingCost: EnergyPrice
  /// CO2 emitted per kWh made (direct, at the stack; 0 for nuclear and solar).
  public var emissions: CarbonIntensity
  /// From order to power.
  public var leadTime: TimeSpan
  /// Share of nameplate that is firm, continuous supply, 0…1.
  public var availability: Double
  /// The first year it can deliver at all (a restart's or a first-of-a-kind unit's date), whatever the order date.
  public var earliestYear: Int?
  /// ISO codes of the countries that may build it, or nil for any.
  public var countries: [String]?
  public var supplyLimit: SupplyLimit?
  public var provenance: Provenance

  public init(
    id: String, name: String, technology: Technology, combustion: Bool, capex: PowerCost,
    operatingCost: EnergyPrice, emissions: CarbonIntensity, leadTime: TimeSpan, availability: Double,
    earliestYear: Int? = nil, countries: [String]? = nil, supplyLimit: SupplyLimit? = nil,
    provenance: Provenance = .init()
  ) {
    self.id = id
    self.name = name
    self.technology = technology
    self.combustion = combustion
    self.capex = capex
    self.operatingCost = operatingCost
    self.emissions = emissions
    self.leadTime = leadTime
    self.availability = availability
    self.earliestYear = earliestYear
    self.countries = countries
    self.supplyLimit = supplyLimit
    self.provenance = provenance
  }

  /// Whether a country may build it.
  public func isAvailable(in country: String) -> Bool {
    countries.map { $0.contains(country) } ?? true
  }

  /// The first whole year its power counts when ordered on a day: the order plus the lead time, rounded up to
  /// the next 1 January, and not before ``earliestYear``.
  public func firstYear(orderedOn day: Day) -> Int {
    max(day.adding(leadTime).firstWholeYear, earliestYear ?? Int.min)
  }

  /// New capacity that may be added in a year under the supply limit, nil when there is none.
  ///
  /// A national limit binds only its own country: another country has none of it (zero).
  public func newCapacityLimit(in year: Int, country: String) -> Power? {
    guard let limit = supplyLimit else { return nil }
    if case .national(let owner) = limit.scope, owner != country { return .zero }
    return limit.capacity(in: year)
  }
}
