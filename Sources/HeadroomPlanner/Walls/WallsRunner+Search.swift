import HeadroomModel

extension WallsRunner {
  /// How far inside or beyond the threshold a bound must put a year for the search to trust it without
  /// an LP (the LPs' own tolerances are 1e-7; stages hold what earlier ones reached to within 1e-9).
  static let boundMargin = 1e-6

  /// ``findWalls(_:summaryYear:)`` for many countries concurrently, in input order.
  public func findWalls(_ problems: [CountryProblem], summaryYear: Int?) throws -> [WallsFinding] {
    try concurrentResults(count: problems.count) { try findWalls(problems[$0], summaryYear: summaryYear) }
  }

  /// One country's walls with as few LPs as they take (sweeps): the wall years, first short year,
  /// binding wall and summary-year gap ``solveCountry(_:)`` reports, without the cost phase and the
  /// other years' gaps.
  ///
  /// An LP is solved only where no bound decides. Bounds that decide:
  /// - a way of running the fleet that serves every workload within the threshold
  ///   (``CountryProblem/serves(_:year:variant:)``): the year is not over it. In the joint model this
  ///   holds under a fair split only (the max-min or proportional share is at least that way's smallest
  ///   share; a priority split may serve one workload less to serve the other in full).
  /// - an upper bound on what power or chips can serve (``CountryProblem/unmetShareLowerBound(year:variant:)``)
  ///   leaving more than the threshold unmet: the year is over it.
  /// - a first stage that leaves less than the threshold unmet: the later stages, which hold what the
  ///   first reached and serve at least as much in total, cannot put the year over it.
  ///
  /// Years are searched in order: the joint model until its first year over the threshold (whose first
  /// stage's shadow prices say which limit binds), then the summary year (solved in full, its gap is
  /// kept); each relaxation from that first year to its own first wall (a relaxation serves at least
  /// what the joint model serves, so it has no wall before, nor in a year the joint model serves within
  /// the threshold). When the shadow prices are degenerate, the binding wall is read from exact gaps,
  /// solved then.
  ///
  /// Countries whose purchase caps link the years are solved whole (``solveCountry(_:)`` without the
  /// cost phase).
  ///
  /// - Parameter summaryYear: The year whose joint gap to keep (``WallsFinding/summaryGapShare``).
  public func findWalls(_ problem: CountryProblem, summaryYear: Int? = nil) throws -> WallsFinding {
    guard problem.yearsAreIndependent(.joint) && problem.yearsAreIndependent(.powerUnlimited) else {
      var whole = self
      whole.costPhase = false
      return WallsFinding(try whole.solveCountry(problem), summaryYear: summaryYear)
    }
    let summary = summaryYear.flatMap { problem.years.firstIndex(of: $0) }
    let within = 1 - threshold + Self.boundMargin
    let fair = problem.hasFairShare(.joint)
    // Joint gap share of each year looked at: exact, or an upper bound where a bound decided.
    var gaps: [Int: Double] = [:]
    var firstShort: (index: Int, solution: WallsSolution, exact: Bool)?
    for y in problem.years.indices {
      let isSummary = y == summary
      if !isSummary && fair && problem.serves(within, year: y, variant: .joint) {
        gaps[y] = 1 - within
        continue
      }
      let (solution, exact) = try jointYear(problem, y, exact: isSummary)
      let gap = solution.gapShare(year: 0, demand: problem.demand[y])
      gaps[y] = gap
      if gap > threshold {
        firstShort = (y, solution, exact)
        break
      }
    }
    var summaryGapShare = 0.0
    if let summary {
      let gap =
        try gaps[summary]
        ?? jointYear(problem, summary, exact: true).solution.gapShare(
          year: 0, demand: problem.demand[summary])
      gaps[summary] = gap
      summaryGapShare = Self.recordedGapShare(gap, of: problem, year: summary)
    }
    let from = firstShort?.index ?? problem.years.count
    // Each relaxation's exact unmet shares in the years an LP was solved, and its first wall.
    func search(_ variant: WallsVariant) throws -> (wall: Int?, unmet: [Int: [Double]]) {
      var unmet: [Int: [Double]] = [:]
      for y in from..<problem.years.count where (gaps[y] ?? 1) > threshold {
        if problem.serves(within, year: y, variant: variant) { continue }
        if problem.unmetShareLowerBound(year: y, variant: variant) > threshold + Self.boundMargin {
          return (problem.years[y], unmet)
        }
        unmet[y] = try yearOfFirstPhase(problem, variant, y).unmet[0]
        if problem.unmetShare(unmet[y], year: y) > threshold { return (problem.years[y], unmet) }
      }
      return (nil, unmet)
    }
    let chipsUnlimited = try search(.chipsUnlimited)
    let powerUnlimited = try search(.powerUnlimited)
    var binding = WallsResult.Binding.none
    if let (y, solution, exact) = firstShort {
      var gap = gaps[y]!
      var relaxed = (chipsUnlimited.unmet[y], powerUnlimited.unmet[y])
      let degenerate = solution.powerShadow[0] <= 1e-9 && !solution.fleetShadow[0].contains { $0 > 1e-9 }
      if degenerate {
        // Reading the binding wall from the relaxations takes exact gaps.
        if !exact { gap = try jointYear(problem, y, exact: true).solution.gapShare(year: 0, demand: problem.demand[y]) }
        relaxed = (
          try relaxed.0 ?? yearOfFirstPhase(problem, .chipsUnlimited, y).unmet[0],
          try relaxed.1 ?? yearOfFirstPhase(problem, .powerUnlimited, y).unmet[0]
        )
      }
      binding = self.binding(
        problem, year: y, gap: gap, powerShadow: solution.powerShadow[0], fleetShadow: solution.fleetShadow[0],
        chipsUnlimited: relaxed.0, powerUnlimited: relaxed.1)
    }
    return WallsFinding(
      powerWallYear: chipsUnlimited.wall, chipWallYear: powerUnlimited.wall,
      firstShortYear: firstShort.map { problem.years[$0.index] }, bindingWall: binding,
      summaryGapShare: summaryGapShare)
  }

  /// The joint model's first phase in year index `y`; unless `exact`, the later stages are skipped
  /// once the first stage shows the year within the threshold or a bound shows it over. Returns
  /// whether the gap is exact (every stage solved).
  func jointYear(_ problem: CountryProblem, _ y: Int, exact: Bool) throws -> (solution: WallsSolution, exact: Bool) {
    let over = !exact && problem.unmetShareLowerBound(year: y, variant: .joint) > threshold + Self.boundMargin
    var stopped = false
    let solution = try yearOfFirstPhase(problem, .joint, y) { first in
      stopped = !exact && (over || first.gapShare(year: 0, demand: problem.demand[y]) < threshold - Self.boundMargin)
      return stopped
    }
    return (solution, !stopped)
  }

  /// A gap share as a report records it: through the year's gap in H100e (``gap(share:of:year:)``) over
  /// its demand, so that a sweep's summary gap is the walls report's to the last digit.
  static func recordedGapShare(_ share: Double, of problem: CountryProblem, year y: Int) -> Double {
    let demand = H100Equivalents(problem.demand[y][0] * 1000) + H100Equivalents(problem.demand[y][1] * 1000)
    return 1 - WallsResult.Year.servedShare(gap: gap(share: share, of: problem, year: y), demand: demand)
  }
}
