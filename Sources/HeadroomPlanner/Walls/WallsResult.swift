/// What the walls model found: per country, its power wall, chip wall and binding wall, and year by
/// year what was demanded, served, used and available, with shadow prices.
public struct WallsResult: Sendable {
  /// Which limit binds in the joint model in the first year with unmet demand.
  public enum Binding: String, Sendable, Hashable {
    case power, chip, both, none
  }

  /// One year of one country.
  public struct Year: Sendable, Hashable {
    public var year: Int
    /// Training demand, PFLOP/s (sustained, i.e. after MFU).
    public var trainingDemand: Double
    /// Inference demand, millions of reference-model tokens/s.
    public var inferenceDemand: Double
    public var trainingServed: Double
    public var inferenceServed: Double
    /// Unmet share averaged over the two workloads, 0…1.
    public var unmetShare: Double
    public var powerUsedMW: Double
    public var powerAvailableMW: Double
    /// Accelerators running (units).
    public var acceleratorsRunning: Double
    /// Accelerators owned: surviving starting fleet plus purchases still in service (units).
    public var acceleratorsAvailable: Double
    /// Accelerators bought this year (units).
    public var acceleratorsBought: Double
    /// Demand share (summed over both workloads, as a fraction) that one more MW would serve.
    public var powerShadowPrice: Double
    /// Demand share that 10,000 more of ``chipShadowKind`` would serve.
    public var chipShadowPrice: Double
    /// The best obtainable kind that year, the one the chip shadow price is quoted for.
    public var chipShadowKind: String?
  }

  /// One country.
  public struct Country: Sendable, Hashable {
    public var country: String
    /// First year with unmet demand when chips are unlimited; nil within the horizon.
    public var powerWallYear: Int?
    /// First year with unmet demand when power is unlimited; nil within the horizon.
    public var chipWallYear: Int?
    /// First year with unmet demand in the joint model.
    public var firstShortYear: Int?
    public var bindingWall: Binding
    /// Cost-phase objective: capex plus energy over the horizon, millions of USD.
    public var costMillions: Double
    public var years: [Year]
    /// Units bought over the horizon by kind (non-zero only).
    public var purchases: [String: Double]
  }

  public var scenario: String
  public var countries: [Country]
  /// Sum of the countries' cost-phase optima, millions of USD: the optimum of the whole cost-phase LP.
  public var objective: Double
  public var solverName: String
  /// Notes on inputs: excluded kinds, imputed prices.
  public var notes: [String]
}
