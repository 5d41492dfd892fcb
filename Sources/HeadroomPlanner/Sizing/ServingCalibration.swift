import HeadroomModel

/// Serving efficiencies fitted to published inference results (`Scenarios/calibration.yaml`), per
/// accelerator and precision, with a stated fallback for every other part.
///
/// Fit method: for each `fit` case Headroom sizes the case as measured - its model, profile (no latency
/// limits for MLPerf's offline scenario), precision and part, with the fallback bandwidth efficiency -
/// and solves by bisection for the compute efficiency at which its tokens/s per accelerator equals the
/// published figure. Several fitted cases for one part and precision give their median. Parts with no
/// fitted case get the median of the fitted efficiencies. `held-out` cases are never used here.
///
/// For example:
/// ```swift
/// let calibration = try ServingCalibration(catalog: catalog)
/// calibration.efficiency(accelerator: "h100-sxm", precision: .fp8)   // fitted to NVIDIA's v4.1 offline result
/// calibration.efficiency(accelerator: "h20", precision: .fp8)        // the fallback
/// ```
public struct ServingCalibration: Sendable {
  /// One fitted case and the compute efficiency that reproduces it.
  public struct Fit: Sendable, Hashable, Codable {
    public var caseID: String
    public var accelerator: String
    public var precision: Precision
    public var computeEfficiency: Double
  }

  /// Accelerator id -> precision -> fitted efficiency.
  public var fitted: [String: [Precision: ServingEfficiency]]
  /// The efficiency of parts and precisions without a fitted case.
  public var fallback: ServingEfficiency
  /// Every fitted case, in file order.
  public var fits: [Fit]

  /// Fits the catalog's `fit` cases.
  ///
  /// - Throws: ``SizingError/efficiencyOutOfRange(what:value:location:)`` when a case needs an
  ///   efficiency outside (0, 1] (its published rate is above Headroom's roofline at full efficiency),
  ///   or the case's own sizing error.
  /// - Complexity: one bisection (about 40 sizings) per fitted case.
  public init(catalog: Catalog) throws(SizingError) {
    let measurements = catalog.measurements
    let bandwidth = measurements.fallbackBandwidthEfficiency ?? ServingEfficiency.uncalibrated.bandwidth
    guard bandwidth > 0 && bandwidth <= 1 else {
      throw .efficiencyOutOfRange(
        what: "bandwidth efficiency", value: bandwidth,
        location: measurements.provenance.location(of: "serving.fallback.bandwidth_efficiency"))
    }
    var fits: [Fit] = []
    for measured in measurements.cases where measured.role == .fit {
      let value = try Self.fit(measured, catalog: catalog, bandwidth: bandwidth)
      fits.append(
        Fit(
          caseID: measured.id, accelerator: measured.accelerator, precision: measured.precision,
          computeEfficiency: value))
    }
    var fitted: [String: [Precision: ServingEfficiency]] = [:]
    for fit in fits where fitted[fit.accelerator]?[fit.precision] == nil {
      let same = fits.filter { $0.accelerator == fit.accelerator && $0.precision == fit.precision }
      fitted[fit.accelerator, default: [:]][fit.precision] = ServingEfficiency(
        bandwidth: bandwidth, compute: DefaultMFU.median(same.map(\.computeEfficiency)),
        basis: .fitted(cases: same.map(\.caseID)))
    }
    let perPart = fitted.values.flatMap(\.values).map(\.compute)
    self.fitted = fitted
    self.fits = fits
    self.fallback =
      perPart.isEmpty
      ? ServingEfficiency(
        bandwidth: bandwidth, compute: ServingEfficiency.uncalibrated.compute, basis: .assumption)
      : ServingEfficiency(
        bandwidth: bandwidth, compute: DefaultMFU.median(perPart), basis: .fallback(fittedParts: perPart.count))
  }

  /// The efficiency for an accelerator at a serving precision: fitted, else the fallback. A 16-bit
  /// precision matches a BF16 or FP16 fit alike.
  public func efficiency(accelerator: String, precision: Precision) -> ServingEfficiency {
    for candidate in precision.sixteenBitFamily {
      if let found = fitted[accelerator]?[candidate] { return found }
    }
    return fallback
  }

  /// Headroom's output tokens/s per accelerator for a measured case at an efficiency.
  public static func tokensPerAccelerator(
    _ measured: InferenceMeasurements.Case, catalog: Catalog, efficiency: ServingEfficiency
  ) throws(SizingError) -> Double {
    try service(measured, catalog: catalog, efficiency: efficiency).estimate(
      power: nil, facility: Facility(name: "calibration", pue: 1), unitPrice: nil
    ).tokensPerSecondPerAccelerator
  }

  /// The service a measured case describes: its model, part, precision and profile (latency limits
  /// dropped for the offline scenario), at an efficiency.
  public static func service(
    _ measured: InferenceMeasurements.Case, catalog: Catalog, efficiency: ServingEfficiency
  ) throws(SizingError) -> InferenceService {
    let location = catalog.measurements.provenance.location(of: "inference.\(measured.id)")
    func lookup<T>(_ what: String, _ id: String, _ body: () throws(CatalogError) -> T) throws(SizingError) -> T {
      do {
        return try body()
      } catch {
        throw .invalidInput(field: "\(location) \(what)", value: id, expected: error.expected)
      }
    }
    let model = try lookup("model", measured.model) { () throws(CatalogError) in try catalog.model(measured.model) }
    let part = try lookup("accelerator", measured.accelerator) { () throws(CatalogError) in
      try catalog.accelerator(measured.accelerator)
    }
    let profile = try lookup("profile", measured.profile) { () throws(CatalogError) in
      try catalog.profile(measured.profile)
    }
    return InferenceService(
      model: model, accelerator: part, profile: measured.scenario == .offline ? profile.offline : profile,
      precision: measured.precision, rate: 1, assumptions: .init(efficiency: efficiency))
  }

  /// The compute efficiency at which Headroom reproduces a case's published tokens/s per accelerator.
  static func fit(_ measured: InferenceMeasurements.Case, catalog: Catalog, bandwidth: Double) throws(SizingError)
    -> Double
  {
    let target = measured.tokensPerSecondPerAccelerator
    func rate(_ compute: Double) throws(SizingError) -> Double {
      try tokensPerAccelerator(
        measured, catalog: catalog,
        efficiency: ServingEfficiency(bandwidth: bandwidth, compute: compute, basis: .fitted(cases: [measured.id])))
    }
    let location = catalog.measurements.provenance.location(of: "inference.\(measured.id).tokens_per_second")
    var low = 1e-4
    var high = 1.0
    let full = try rate(high)
    guard full >= target else {
      throw .efficiencyOutOfRange(
        what:
          "compute efficiency needed to reproduce \(measured.id) (\(NumberText.plain(target, 4)) tokens/s per accelerator; Headroom gives \(NumberText.plain(full, 4)) at efficiency 1), at least",
        value: target / full, location: location)
    }
    guard try rate(low) <= target else {
      throw .efficiencyOutOfRange(
        what: "compute efficiency needed to reproduce \(measured.id), below", value: low, location: location)
    }
    for _ in 0..<40 {
      let middle = (low + high) / 2
      if try rate(middle) < target { low = middle } else { high = middle }
    }
    return (low + high) / 2
  }
}
