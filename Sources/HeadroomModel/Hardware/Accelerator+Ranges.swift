extension Accelerator {
  /// The sane ranges of an accelerator's figures (``SaneRange``), checked when a data file is loaded.
  public enum Ranges {
    public static let tdp = SaneRange(10...10_000, "W")
    public static let memory = SaneRange(1...2000, "GB")
    public static let memoryBandwidth = SaneRange(0.01...100, "TB/s")
    public static let scaleUpBandwidth = SaneRange(1...20000, "GB/s")
    public static let dieArea = SaneRange(20...4000, "mm2")
    /// A price of one accelerator (amount, low and high).
    public static let price = SaneRange(100...500_000, "USD")

    /// A dense peak rate at a precision: TFLOP/s for floating point, TOPS for integers.
    public static func compute(_ precision: Precision) -> SaneRange {
      SaneRange(0.1...500_000, precision.isInteger ? "TOPS" : "TFLOP/s")
    }
  }
}
