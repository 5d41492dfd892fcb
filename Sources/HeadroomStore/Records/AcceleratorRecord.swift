import GRDB
import HeadroomModel

/// A row of `accelerators`: one part, its figures in the base unit its column names.
///
/// Compute columns are dense peaks: `<precision>_flops` in FLOP/s for floating-point formats,
/// `int8_ops` and `int4_ops` in operations per second.
public struct AcceleratorRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "accelerators"

  public var id: String
  public var name: String
  public var vendor: String
  public var year: Int
  public var process: String?
  public var datacenter: Bool
  public var origin: String
  public var form: String?
  public var fp64Flops: Double?
  public var fp32Flops: Double?
  public var tf32Flops: Double?
  public var bf16Flops: Double?
  public var fp16Flops: Double?
  public var fp8Flops: Double?
  public var fp6Flops: Double?
  public var fp4Flops: Double?
  public var int8Ops: Double?
  public var int4Ops: Double?
  public var memoryBytes: Int64?
  public var memoryBandwidthBytesPerS: Double?
  public var scaleUpBandwidthBytesPerS: Double?
  public var tdpW: Double?
  public var dieAreaMm2: Double?
  public var priceUsd: Double?
  public var priceYear: Int?
  public var priceKind: String?
  /// The data file, relative to the data folder.
  public var file: String?

  enum CodingKeys: String, CodingKey {
    case id, name, vendor, year, process, datacenter, origin, form
    case fp64Flops = "fp64_flops"
    case fp32Flops = "fp32_flops"
    case tf32Flops = "tf32_flops"
    case bf16Flops = "bf16_flops"
    case fp16Flops = "fp16_flops"
    case fp8Flops = "fp8_flops"
    case fp6Flops = "fp6_flops"
    case fp4Flops = "fp4_flops"
    case int8Ops = "int8_ops"
    case int4Ops = "int4_ops"
    case memoryBytes = "memory_bytes"
    case memoryBandwidthBytesPerS = "memory_bandwidth_bytes_per_s"
    case scaleUpBandwidthBytesPerS = "scale_up_bandwidth_bytes_per_s"
    case tdpW = "tdp_w"
    case dieAreaMm2 = "die_area_mm2"
    case priceUsd = "price_usd"
    case priceYear = "price_year"
    case priceKind = "price_kind"
    case file
  }

  /// The table's columns.
  public enum Columns {
    public static let id = Column(CodingKeys.id)
    public static let name = Column(CodingKeys.name)
    public static let vendor = Column(CodingKeys.vendor)
    public static let year = Column(CodingKeys.year)
    public static let datacenter = Column(CodingKeys.datacenter)
    public static let origin = Column(CodingKeys.origin)
    public static let bf16Flops = Column(CodingKeys.bf16Flops)
    public static let fp8Flops = Column(CodingKeys.fp8Flops)
    public static let memoryBytes = Column(CodingKeys.memoryBytes)
    public static let memoryBandwidthBytesPerS = Column(CodingKeys.memoryBandwidthBytesPerS)
    public static let tdpW = Column(CodingKeys.tdpW)
    public static let dieAreaMm2 = Column(CodingKeys.dieAreaMm2)
    public static let priceUsd = Column(CodingKeys.priceUsd)
  }

  /// The compute column of each precision, in `Precision.allCases` order.
  static let computeColumns = Precision.allCases.map(computeColumn)

  /// `bf16_flops`, or `int8_ops` for an integer format.
  static func computeColumn(_ precision: Precision) -> String {
    precision.rawValue + (precision.isInteger ? "_ops" : "_flops")
  }
}

extension AcceleratorRecord {
  /// The row for a catalog accelerator; a memory beyond a 64-bit count of bytes is an error naming it.
  public init(_ part: Accelerator, file: String?) throws(NumberError) {
    func rate(_ precision: Precision) -> Double? { part.compute[precision]?.flopsPerSecond }
    self.init(
      id: part.id, name: part.name, vendor: part.vendor, year: part.year, process: part.process,
      datacenter: part.datacenter, origin: part.origin, form: part.form,
      fp64Flops: rate(.fp64), fp32Flops: rate(.fp32), tf32Flops: rate(.tf32), bf16Flops: rate(.bf16),
      fp16Flops: rate(.fp16), fp8Flops: rate(.fp8), fp6Flops: rate(.fp6), fp4Flops: rate(.fp4),
      int8Ops: rate(.int8), int4Ops: rate(.int4),
      memoryBytes: try part.memory.map { memory throws(NumberError) in
        Int64(try Int(checking: memory.bytes, field: "\(part.id): memory in bytes"))
      },
      memoryBandwidthBytesPerS: part.memoryBandwidth?.bytesPerSecond,
      scaleUpBandwidthBytesPerS: part.scaleUpBandwidth?.bytesPerSecond, tdpW: part.tdp?.watts,
      dieAreaMm2: part.dieArea?.squareMillimetres, priceUsd: part.price?.amount.dollars,
      priceYear: part.price?.year, priceKind: part.price?.kind.rawValue, file: file)
  }
}
