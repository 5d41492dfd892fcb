/// 64-bit FNV-1a (offset basis 0xcbf29ce484222325, prime 0x100000001b3), fed bytes in pieces.
///
/// Not cryptographic: it tells versions of data apart, it does not authenticate them.
public struct FNV1a64: Sendable, Hashable {
  public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  public init() {}

  public mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
    // Contiguous bytes (Data, [UInt8]) are read through a buffer: iterating `Data` through the
    // generic iterator costs about ten times as much per byte (the data folders' hash is ~1 MB).
    let read: Void? = bytes.withContiguousStorageIfAvailable { buffer in for byte in buffer { mix(byte) } }
    if read != nil { return }
    for byte in bytes { mix(byte) }
  }

  private mutating func mix(_ byte: UInt8) {
    value ^= UInt64(byte)
    value = value &* 0x0000_0100_0000_01b3
  }

  /// 16 lower-case hex digits.
  public var hex: String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  /// The hash of a text's UTF-8 bytes, as 16 hex digits.
  public static func hex(of text: String) -> String {
    var hash = FNV1a64()
    hash.add(Array(text.utf8))
    return hash.hex
  }
}
