/// Percentiles of the wall years per country and the inputs that move each wall most.
public struct SweepSummary: Sendable {
  /// p5, p50 and p95 of a wall year; a sample with no wall counts as `lastYear + 1` ("none").
  public struct Percentiles: Sendable, Hashable {
    public var p5: Int
    public var p50: Int
    public var p95: Int
    /// Share of the samples with no such wall within the horizon, 0…1 (0 when there are no samples).
    public var noneShare: Double
  }

  /// How strongly one input moves one wall: Spearman's rank correlation over the samples.
  public struct Influence: Sendable, Hashable {
    public var input: String
    public var correlation: Double
  }

  public struct Country: Sendable, Hashable {
    public var country: String
    public var powerWall: Percentiles
    public var chipWall: Percentiles
    public var firstShort: Percentiles
    /// Share of samples binding on power, chip, both, none.
    public var binding: [String: Double]
    /// The binding wall of the most samples (`none` without samples); a tie goes to the name first in
    /// alphabetical order.
    public var mostCommonBinding: String {
      let most = binding.values.max()
      return binding.filter { $0.value == most }.keys.min() ?? "none"
    }
    /// Inputs ranked by |correlation| with the first short year.
    public var drivers: [Influence]
    /// Inputs ranked by |correlation| with the power wall and the chip wall.
    public var powerDrivers: [Influence]
    public var chipDrivers: [Influence]
  }

  public var samples: Int
  public var lastYear: Int
  public var countries: [Country]

  public init(samples: [SweepSample], ranges: [SweepRange], lastYear: Int) {
    self.samples = samples.count
    self.lastYear = lastYear
    let none = lastYear + 1
    let codes = samples.first.map { Array($0.walls.keys).sorted() } ?? []
    countries = codes.map { code in
      let power = samples.map { $0.walls[code]?.powerWall }
      let chip = samples.map { $0.walls[code]?.chipWall }
      let short = samples.map { $0.walls[code]?.firstShort }
      var binding: [String: Double] = [:]
      for sample in samples { binding[sample.walls[code]?.binding ?? "none", default: 0] += 1 / Double(samples.count) }
      func rank(_ years: [Int?]) -> [Influence] {
        ranges.enumerated().map { index, range in
          Influence(
            input: range.path,
            correlation: Self.spearman(samples.map { $0.inputs[index] }, years.map { Double($0 ?? none) }))
        }.sorted { abs($0.correlation) > abs($1.correlation) }
      }
      return Country(
        country: code, powerWall: Self.percentiles(power, none: none), chipWall: Self.percentiles(chip, none: none),
        firstShort: Self.percentiles(short, none: none), binding: binding, drivers: rank(short),
        powerDrivers: rank(power), chipDrivers: rank(chip))
    }
  }

  /// Nearest-rank percentiles of wall years, a year with no wall (nil) counting as `none`.
  static func percentiles(_ years: [Int?], none: Int) -> Percentiles {
    let sorted = years.map { $0 ?? none }.sorted()
    func at(_ q: Double) -> Int {
      guard !sorted.isEmpty else { return 0 }
      return sorted[min(sorted.count - 1, max(0, Int((q * Double(sorted.count)).rounded(.up)) - 1))]
    }
    let missing = years.filter { $0 == nil }.count
    return Percentiles(
      p5: at(0.05), p50: at(0.5), p95: at(0.95),
      noneShare: years.isEmpty ? 0 : Double(missing) / Double(years.count))
  }

  /// Spearman's rank correlation (average ranks for ties); 0 when either side is constant.
  static func spearman(_ x: [Double], _ y: [Double]) -> Double {
    func ranks(_ values: [Double]) -> [Double] {
      let order = values.indices.sorted { values[$0] < values[$1] }
      var result = [Double](repeating: 0, count: values.count)
      var start = 0
      while start < order.count {
        var end = start
        while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
        let rank = Double(start + end) / 2
        for position in start...end { result[order[position]] = rank }
        start = end + 1
      }
      return result
    }
    let rx = ranks(x)
    let ry = ranks(y)
    let n = Double(x.count)
    guard n > 1 else { return 0 }
    let mx = rx.reduce(0, +) / n
    let my = ry.reduce(0, +) / n
    var sxy = 0.0
    var sxx = 0.0
    var syy = 0.0
    for i in rx.indices {
      sxy += (rx[i] - mx) * (ry[i] - my)
      sxx += (rx[i] - mx) * (rx[i] - mx)
      syy += (ry[i] - my) * (ry[i] - my)
    }
    guard sxx > 0, syy > 0 else { return 0 }
    return sxy / (sxx * syy).squareRoot()
  }
}
