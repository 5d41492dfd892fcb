import HeadroomModel

extension SitePlanProblem {
  /// The first plan year when neither the caller nor the workloads file gives one.
  public static let defaultFirstYear = 2026
  /// The last plan year when neither the caller nor the workloads file gives one (the first year, when later).
  public static let defaultLastYear = 2030
  /// The most years one plan may span.
  public static let maximumYears = 30

  /// The plan years: the first and last year given, else the workloads file's horizon, else
  /// ``defaultFirstYear`` to ``defaultLastYear`` (never a default last year before the first).
  ///
  /// The years are not checked here: see ``isPlannable(first:last:)``.
  ///
  /// For example, a file with `horizon: 2027-2029` and a caller that gives only a last year of 2028 plans
  /// 2027 to 2028.
  public static func planYears(from first: Int?, to last: Int?, workloads: Workloads) -> (first: Int, last: Int) {
    let start = first ?? workloads.horizon?.lowerBound ?? defaultFirstYear
    let end = last ?? workloads.horizon?.upperBound ?? max(start, defaultLastYear)
    return (start, end)
  }

  /// Whether a plan can run over the years: the first not after the last, at most ``maximumYears`` years.
  public static func isPlannable(first: Int, last: Int) -> Bool {
    first <= last && last - first < maximumYears
  }
}
