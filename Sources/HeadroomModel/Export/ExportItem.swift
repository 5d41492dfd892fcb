/// The figures an export rule looks at, for a catalog part or a hypothetical one.
public struct ExportItem: Sendable, Hashable {
  /// A name for messages: the catalog id, or a description of the hypothetical part.
  public var name: String
  public var tpp: TotalProcessingPerformance
  /// Performance density; nil when the die area is unknown.
  public var performanceDensity: Double?
  /// Whether the part is designed or marketed for data centres.
  public var datacenter: Bool
  /// DRAM bandwidth (the Jan 2026 rule's 'total DRAM bandwidth').
  public var memoryBandwidth: Bandwidth?
  /// Aggregate bidirectional I/O rate (the Oct 2022 rule's 600 GB/s prong).
  public var interconnectBandwidth: Bandwidth?
  /// ISO code of the designer's country (`US`, `CN`); nil for a hypothetical part of unstated origin,
  /// which export terms treat as US-designed.
  public var origin: String?

  public init(
    name: String, tpp: TotalProcessingPerformance, performanceDensity: Double?, datacenter: Bool,
    memoryBandwidth: Bandwidth? = nil, interconnectBandwidth: Bandwidth? = nil, origin: String? = nil
  ) {
    self.name = name
    self.tpp = tpp
    self.performanceDensity = performanceDensity
    self.datacenter = datacenter
    self.memoryBandwidth = memoryBandwidth
    self.interconnectBandwidth = interconnectBandwidth
    self.origin = origin
  }

  /// The export-relevant figures of a catalog part.
  public init(_ accelerator: Accelerator) {
    self.init(
      name: accelerator.id, tpp: accelerator.totalProcessingPerformance,
      performanceDensity: accelerator.performanceDensity, datacenter: accelerator.datacenter,
      memoryBandwidth: accelerator.memoryBandwidth,
      interconnectBandwidth: accelerator.scaleUpBandwidth, origin: accelerator.origin)
  }
}
