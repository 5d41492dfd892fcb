/// A number format an accelerator computes in, with the bit length export rules use.
public enum Precision: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
  case fp64, fp32, tf32, bf16, fp16, fp8, fp6, fp4, int8, int4

  /// The operand bit length that the 3A090 technical note multiplies by (TF32 counts as 32).
  public var bitLength: Int {
    switch self {
    case .fp64: 64
    case .fp32, .tf32: 32
    case .bf16, .fp16: 16
    case .fp8, .int8: 8
    case .fp6: 6
    case .fp4, .int4: 4
    }
  }

  /// Whether the format is an integer one (its rate is written in TOPS, not TFLOP/s).
  public var isInteger: Bool { self == .int8 || self == .int4 }

  /// Bytes one parameter or activation takes in this format.
  public var bytesPerValue: Double { Double(bitLength) / 8 }

  public static func < (lhs: Precision, rhs: Precision) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
