/// Threshold tests on an item's figures; every test that is set must hold.
///
/// Lower bounds are inclusive ("or more"), upper bounds exclusive ("less than"), as in the 3A090 text;
/// the `…Above` bounds are exclusive ("greater than"), as in the Jan 2026 tariff annex.
/// A test on a figure the item lacks (PD without a die area) does not hold, and is reported as unknown.
public struct ItemCriteria: Sendable, Hashable {
  public var tppAtLeast: Double?
  /// Strict lower bound ("greater than").
  public var tppAbove: Double?
  public var tppBelow: Double?
  public var densityAtLeast: Double?
  public var densityBelow: Double?
  public var memoryBandwidthAtLeast: Bandwidth?
  /// Strict lower bound ("greater than").
  public var memoryBandwidthAbove: Bandwidth?
  public var memoryBandwidthBelow: Bandwidth?
  public var interconnectAtLeast: Bandwidth?
  public var interconnectBelow: Bandwidth?
  /// When set, the item's data-centre marking must equal it.
  public var datacenter: Bool?

  public init(
    tppAtLeast: Double? = nil, tppAbove: Double? = nil, tppBelow: Double? = nil, densityAtLeast: Double? = nil,
    densityBelow: Double? = nil, memoryBandwidthAtLeast: Bandwidth? = nil, memoryBandwidthAbove: Bandwidth? = nil,
    memoryBandwidthBelow: Bandwidth? = nil, interconnectAtLeast: Bandwidth? = nil,
    interconnectBelow: Bandwidth? = nil, datacenter: Bool? = nil
  ) {
    self.tppAtLeast = tppAtLeast
    self.tppAbove = tppAbove
    self.memoryBandwidthAbove = memoryBandwidthAbove
    self.tppBelow = tppBelow
    self.densityAtLeast = densityAtLeast
    self.densityBelow = densityBelow
    self.memoryBandwidthAtLeast = memoryBandwidthAtLeast
    self.memoryBandwidthBelow = memoryBandwidthBelow
    self.interconnectAtLeast = interconnectAtLeast
    self.interconnectBelow = interconnectBelow
    self.datacenter = datacenter
  }

  /// The outcome of testing an item.
  public enum Outcome: Sendable, Hashable {
    case holds, fails
    /// A figure the test needs is missing (named).
    case unknown(String)
  }

  /// Tests an item against every threshold that is set.
  public func evaluate(_ item: ExportItem) -> Outcome {
    if let datacenter, item.datacenter != datacenter { return .fails }
    if let tppAtLeast, !(item.tpp.value >= tppAtLeast) { return .fails }
    if let tppAbove, !(item.tpp.value > tppAbove) { return .fails }
    if let tppBelow, !(item.tpp.value < tppBelow) { return .fails }
    var missing: [String] = []
    if densityAtLeast != nil || densityBelow != nil {
      if let density = item.performanceDensity {
        if let densityAtLeast, !(density >= densityAtLeast) { return .fails }
        if let densityBelow, !(density < densityBelow) { return .fails }
      } else {
        missing.append("performance density (no die area)")
      }
    }
    if memoryBandwidthAtLeast != nil || memoryBandwidthAbove != nil || memoryBandwidthBelow != nil {
      if let bandwidth = item.memoryBandwidth {
        if let memoryBandwidthAtLeast, !(bandwidth >= memoryBandwidthAtLeast) { return .fails }
        if let memoryBandwidthAbove, !(bandwidth > memoryBandwidthAbove) { return .fails }
        if let memoryBandwidthBelow, !(bandwidth < memoryBandwidthBelow) { return .fails }
      } else {
        missing.append("memory bandwidth")
      }
    }
    if interconnectAtLeast != nil || interconnectBelow != nil {
      if let bandwidth = item.interconnectBandwidth {
        if let interconnectAtLeast, !(bandwidth >= interconnectAtLeast) { return .fails }
        if let interconnectBelow, !(bandwidth < interconnectBelow) { return .fails }
      } else {
        missing.append("interconnect bandwidth")
      }
    }
    return missing.isEmpty ? .holds : .unknown(missing.joined(separator: ", "))
  }
}
