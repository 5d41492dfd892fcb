/// What a whole sweep found per country, as the run history keeps it: each wall's p5 / p50 / p95 year and the
/// share of samples without it, the binding wall of the most samples, and the inputs that move each wall most.
///
/// Years past the horizon read nil ("none"). The drivers of a wall are at most ``driverCount`` inputs,
/// strongest first: for a Sobol sweep, those with a positive total-order index (``SobolSummary``); for a random
/// sweep, or a Sobol sweep whose indices cannot be estimated, those with a finite non-zero Spearman
/// correlation (``SweepSummary``).
///
/// For example, `SweepDigest(samples).countries.first?.walls.first?.p50` is the first country's median power
/// wall year.
public struct SweepDigest: Sendable, Hashable {
  /// A wall whose year a sweep summarises.
  public enum Wall: Sendable, Hashable, CaseIterable {
    case powerWall, chipWall, firstShort
  }

  /// How a driver's value measures the input's effect on the wall year.
  public enum Measure: String, Sendable, Hashable {
    /// Spearman's rank correlation with the wall year, -1…1 (positive: a higher input makes the wall later).
    case spearman
    /// The total-order Sobol index for the wall year, 0…1 (the share of the variance the input takes part in).
    case sobolTotal = "sobol total"
  }

  /// An input that moves a wall.
  public struct Driver: Sendable, Hashable {
    /// The varied path, e.g. `demand.growth.start`.
    public var input: String
    public var measure: Measure
    public var value: Double
  }

  /// One wall of one country over the samples.
  public struct WallYears: Sendable, Hashable {
    public var wall: Wall
    /// p5, p50 and p95 of the wall year; nil: no such wall within the horizon at that percentile.
    public var p5: Int?
    public var p50: Int?
    public var p95: Int?
    /// Share of the samples with no such wall within the horizon, 0…1 (0 without samples).
    public var noneShare: Double
    /// The inputs that move the wall most, strongest first.
    public var drivers: [Driver]
  }

  /// One country over the samples.
  public struct Country: Sendable, Hashable {
    public var country: String
    /// The binding wall of the most samples (``SweepSummary/Country/mostCommonBinding``).
    public var binding: String
    /// The power wall, the chip wall and the first short year, in that order.
    public var walls: [WallYears]

    /// One of the walls.
    public func years(_ wall: Wall) -> WallYears? { walls.first { $0.wall == wall } }
  }

  /// The most drivers kept per wall.
  public static let driverCount = 3

  public var countries: [Country]

  /// Digests a sweep's samples (a whole sweep, or the samples present when shards are missing).
  public init(_ file: SweepSamples) {
    let summary = SweepSummary(samples: file.samples, ranges: file.ranges, lastYear: file.lastYear)
    let sobol = file.method == .sobol ? try? SobolSummary(samples: file) : nil
    func year(_ value: Int) -> Int? { value > file.lastYear ? nil : value }
    countries = summary.countries.map { country in
      let walls: [(Wall, SweepSummary.Percentiles, [SweepSummary.Influence], SobolSummary.Output)] = [
        (.powerWall, country.powerWall, country.powerDrivers, .powerWall),
        (.chipWall, country.chipWall, country.chipDrivers, .chipWall),
        (.firstShort, country.firstShort, country.drivers, .firstShort),
      ]
      return Country(
        country: country.country, binding: country.mostCommonBinding,
        walls: walls.map { wall, percentiles, influences, output in
          let drivers: [Driver]
          if let sobol {
            let indices = sobol.countries.first { $0.country == country.country }?.outputs.first { $0.output == output }
            drivers = Self.drivers(indices)
          } else {
            drivers = Self.drivers(influences)
          }
          return WallYears(
            wall: wall, p5: year(percentiles.p5), p50: year(percentiles.p50), p95: year(percentiles.p95),
            noneShare: percentiles.noneShare, drivers: drivers)
        })
    }
  }

  /// The inputs with a positive total-order Sobol index, largest first.
  static func drivers(_ indices: SobolSummary.OutputIndices?) -> [Driver] {
    guard let indices else { return [] }
    let ranked = indices.inputs.filter { $0.totalOrder.estimate > 0 }
      .sorted { $0.totalOrder.estimate > $1.totalOrder.estimate }
    return ranked.prefix(driverCount).map {
      Driver(input: $0.input, measure: .sobolTotal, value: $0.totalOrder.estimate)
    }
  }

  /// The inputs with a finite non-zero Spearman correlation, in the summary's order (largest |rho| first).
  static func drivers(_ influences: [SweepSummary.Influence]) -> [Driver] {
    influences.filter { $0.correlation.isFinite && $0.correlation != 0 }.prefix(driverCount).map {
      Driver(input: $0.input, measure: .spearman, value: $0.correlation)
    }
  }
}
