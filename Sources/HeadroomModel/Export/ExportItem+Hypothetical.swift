extension ExportItem {
  /// The export-relevant figures of a part known only by a dense rate at a bit length (and perhaps its die
  /// area, bandwidths and origin), as `headroom classify --tflops --bits` describes one.
  ///
  /// Its TPP is the rate × the bit length (``TotalProcessingPerformance/init(teraflops:bitLength:)``) and its
  /// performance density that TPP per mm² of `dieArea` (nil without a die area).
  ///
  /// - Parameters:
  ///   - teraflops: The dense rate, in TFLOP/s (or TOPS for an integer format).
  ///   - bits: The bit length of that rate (e.g. 16, 8, 4).
  ///   - dieArea: The applicable (logic) die area.
  ///   - datacenter: Whether the part is designed or marketed for data centres.
  ///   - origin: ISO code of the designer's country, any case (default: US).
  public static func hypothetical(
    teraflops: Double, bits: Int, dieArea: Area? = nil, datacenter: Bool = true, memoryBandwidth: Bandwidth? = nil,
    interconnectBandwidth: Bandwidth? = nil, origin: String? = nil
  ) -> ExportItem {
    let tpp = TotalProcessingPerformance(teraflops: teraflops, bitLength: bits)
    return ExportItem(
      name: "hypothetical \(NumberText.plain(teraflops, 6)) TFLOP/s at \(bits) bits", tpp: tpp,
      performanceDensity: tpp.density(over: dieArea), datacenter: datacenter, memoryBandwidth: memoryBandwidth,
      interconnectBandwidth: interconnectBandwidth, origin: origin?.uppercased() ?? "US")
  }
}
