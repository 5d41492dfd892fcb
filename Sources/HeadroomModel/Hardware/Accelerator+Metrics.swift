/// Derived figures used for sorting and comparing accelerators.
extension Accelerator {
  /// The 16-bit training rate: BF16 where supported, else FP16.
  public var bf16: ComputeRate? { compute[.bf16] ?? compute[.fp16] }

  /// The 8-bit rate: FP8 where supported, else INT8.
  public var fp8OrInt8: ComputeRate? { compute[.fp8] ?? compute[.int8] }

  /// BF16 (or FP16) TFLOP/s per watt of TDP.
  public var bf16PerWatt: Double? {
    guard let bf16, let tdp, tdp.watts > 0 else { return nil }
    return bf16.teraflops / tdp.watts
  }

  /// BF16 (or FP16) TFLOP/s per thousand US dollars of price.
  public var bf16PerKiloDollar: Double? {
    guard let bf16, let price, price.amount.dollars > 0 else { return nil }
    return bf16.teraflops / (price.amount.dollars / 1000)
  }

  /// Memory bandwidth in GB/s per watt of TDP.
  public var bandwidthPerWatt: Double? {
    guard let memoryBandwidth, let tdp, tdp.watts > 0 else { return nil }
    return memoryBandwidth.gigabytesPerSecond / tdp.watts
  }

  /// H100-equivalents by the AI Diffusion convention: TPP / 15,832 (H100 SXM FP8 TPP).
  public var h100Equivalents: Double { totalProcessingPerformance.h100Equivalents }

  /// The dense 8-bit rate Epoch counts H100-equivalents by: the larger of FP8 and INT8, nil when the
  /// part gives neither.
  public var eightBit: ComputeRate? {
    switch (compute[.fp8], compute[.int8]) {
    case (let fp8?, let int8?): fp8 > int8 ? fp8 : int8
    case (let fp8?, nil): fp8
    case (nil, let int8?): int8
    case (nil, nil): nil
    }
  }

  /// H100-equivalents by Epoch's convention: dense 8-bit rate / 1,979 TFLOP/s (H100 SXM FP8), nil
  /// when the part gives no 8-bit rate. Unlike ``h100Equivalents`` this ignores FP4 and FP6.
  public var eightBitH100Equivalents: Double? {
    eightBit.map { $0.teraflops / 1979 }
  }
}

extension Accelerator {
  /// The H100 SXM's dense FP8 peak, the unit of ``nominalH100Equivalents``.
  public static let h100DenseFP8 = ComputeRate(1979, "TFLOP/s")

  /// H100-equivalents on Epoch AI's basis: the dense 8-bit peak (FP8, else INT8) over the H100 SXM's
  /// 1,979 TFLOP/s; parts without an 8-bit rate count twice their 16-bit rate (the 8-bit rate of every
  /// part that has both is twice its 16-bit one); zero without either.
  public var nominalH100Equivalents: Double {
    if let eight = fp8OrInt8 { return eight / Self.h100DenseFP8 }
    if let sixteen = bf16 { return 2 * sixteen / Self.h100DenseFP8 }
    return 0
  }
}
