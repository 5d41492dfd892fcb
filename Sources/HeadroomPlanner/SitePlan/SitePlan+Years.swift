import HeadroomModel

extension SitePlan.Year {
  /// IT power of the installed systems at their maximum, as a power (``itUsedMegawatts``).
  public var itUsed: Power { Power(megawatts: itUsedMegawatts) }
  /// IT power the site delivers, as a power (``itAvailableMegawatts``).
  public var itAvailable: Power { Power(megawatts: itAvailableMegawatts) }
  /// Capex paid that year (undiscounted, fees included), as money (``capexMillions``).
  public var capex: Money { Money(millionsOfDollars: capexMillions) }
  /// Energy paid that year for the systems in use (undiscounted), as money (``energyMillions``).
  public var energyCost: Money { Money(millionsOfDollars: energyMillions) }
}

extension SitePlan {
  /// The share of a year's inference demand the plan serves, 0…1: output tokens per second served over those
  /// demanded, summed over the services; 1 when no service demands tokens that year.
  ///
  /// Training runs are judged over their whole window instead, in ``shortfalls``.
  public func inferenceServedShare(in year: Int) -> Double {
    let serviceYears = services.flatMap { $0.years.filter { $0.year == year } }
    let demanded = serviceYears.map(\.demandedMillionTokensPerSecond).reduce(0, +)
    let served = serviceYears.map(\.servedMillionTokensPerSecond).reduce(0, +)
    return demanded > 0 ? served / demanded : 1
  }
}
