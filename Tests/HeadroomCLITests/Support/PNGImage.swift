/// A PNG reader for screenshots (8-bit RGB or RGBA, non-interlaced), with its own DEFLATE decoder, so a test can
/// count the pixels that are not white.
struct PNGImage {
  struct Unsupported: Error, CustomStringConvertible {
    var description: String
  }

  let width: Int
  let height: Int
  let channels: Int
  /// Unfiltered pixel bytes, row after row.
  let pixels: [UInt8]

  init(_ data: [UInt8]) throws {
    guard data.count > 8, Array(data[0..<8]) == [137, 80, 78, 71, 13, 10, 26, 10] else {
      throw Unsupported(description: "not a PNG file")
    }
    var offset = 8
    var width = 0
    var height = 0
    var colorType = 0
    var compressed: [UInt8] = []
    func u32(_ at: Int) -> Int {
      Int(data[at]) << 24 | Int(data[at + 1]) << 16 | Int(data[at + 2]) << 8 | Int(data[at + 3])
    }
    while offset + 8 <= data.count {
      let length = u32(offset)
      let type = String(decoding: data[(offset + 4)..<(offset + 8)], as: UTF8.self)
      let body = (offset + 8)..<(offset + 8 + length)
      switch type {
      case "IHDR":
        width = u32(body.lowerBound)
        height = u32(body.lowerBound + 4)
        guard data[body.lowerBound + 8] == 8, data[body.lowerBound + 12] == 0 else {
          throw Unsupported(description: "only 8-bit non-interlaced PNGs are read")
        }
        colorType = Int(data[body.lowerBound + 9])
      case "IDAT": compressed += data[body]
      default: break
      }
      offset = body.upperBound + 4
    }
    let channels: Int
    switch colorType {
    case 2: channels = 3
    case 6: channels = 4
    default: throw Unsupported(description: "colour type \(colorType) (expected RGB or RGBA)")
    }
    let raw = try Inflate.zlib(compressed)
    let stride = width * channels
    guard raw.count >= height * (stride + 1) else { throw Unsupported(description: "image data too short") }
    var pixels = [UInt8](repeating: 0, count: height * stride)
    for row in 0..<height {
      let filter = raw[row * (stride + 1)]
      let source = row * (stride + 1) + 1
      for index in 0..<stride {
        let x = Int(raw[source + index])
        let a = index >= channels ? Int(pixels[row * stride + index - channels]) : 0
        let b = row > 0 ? Int(pixels[(row - 1) * stride + index]) : 0
        let c = (row > 0 && index >= channels) ? Int(pixels[(row - 1) * stride + index - channels]) : 0
        let predicted: Int
        switch filter {
        case 0: predicted = 0
        case 1: predicted = a
        case 2: predicted = b
        case 3: predicted = (a + b) / 2
        case 4:
          let p = a + b - c
          let pa = abs(p - a)
          let pb = abs(p - b)
          let pc = abs(p - c)
          predicted = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
        default: throw Unsupported(description: "filter \(filter)")
        }
        pixels[row * stride + index] = UInt8((x + predicted) & 0xFF)
      }
    }
    self.width = width
    self.height = height
    self.channels = channels
    self.pixels = pixels
  }

  /// Pixels with any colour channel below `threshold` (not white or near-white).
  func nonWhitePixels(threshold: UInt8 = 240) -> Int {
    var count = 0
    var index = 0
    while index < pixels.count {
      if pixels[index] < threshold || pixels[index + 1] < threshold || pixels[index + 2] < threshold { count += 1 }
      index += channels
    }
    return count
  }
}

/// DEFLATE (RFC 1951) inside a zlib stream (RFC 1950): stored, fixed and dynamic Huffman blocks.
enum Inflate {
  struct Corrupt: Error {}

  struct Bits {
    let bytes: [UInt8]
    var position = 0
    var bit = 0

    mutating func read(_ count: Int) throws -> Int {
      var value = 0
      for shift in 0..<count {
        guard position < bytes.count else { throw Corrupt() }
        value |= Int((bytes[position] >> UInt8(bit)) & 1) << shift
        bit += 1
        if bit == 8 {
          bit = 0
          position += 1
        }
      }
      return value
    }

    mutating func alignToByte() {
      if bit != 0 {
        bit = 0
        position += 1
      }
    }
  }

  /// A canonical Huffman code: counts of codes per length and the symbols in code order.
  struct Huffman {
    var counts = [Int](repeating: 0, count: 16)
    var symbols: [Int] = []

    init(lengths: [Int]) {
      for length in lengths { counts[length] += 1 }
      counts[0] = 0
      var offsets = [Int](repeating: 0, count: 16)
      for length in 1..<16 { offsets[length] = offsets[length - 1] + counts[length - 1] }
      symbols = [Int](repeating: 0, count: lengths.count)
      for (symbol, length) in lengths.enumerated() where length != 0 {
        symbols[offsets[length]] = symbol
        offsets[length] += 1
      }
    }

    func decode(_ bits: inout Bits) throws -> Int {
      var code = 0
      var first = 0
      var index = 0
      for length in 1..<16 {
        code |= try bits.read(1)
        let count = counts[length]
        if code - count < first { return symbols[index + (code - first)] }
        index += count
        first = (first + count) << 1
        code <<= 1
      }
      throw Corrupt()
    }
  }

  static let lengthBase = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
  ]
  static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
  static let distanceBase = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
    8193, 12289, 16385, 24577,
  ]
  static let distanceExtra = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
  ]

  static func zlib(_ data: [UInt8]) throws -> [UInt8] {
    guard data.count > 2 else { throw Corrupt() }
    var bits = Bits(bytes: Array(data[2...]))
    var output: [UInt8] = []
    output.reserveCapacity(data.count * 4)
    var last = 0
    repeat {
      last = try bits.read(1)
      let type = try bits.read(2)
      switch type {
      case 0:
        bits.alignToByte()
        guard bits.position + 4 <= bits.bytes.count else { throw Corrupt() }
        let length = Int(bits.bytes[bits.position]) | Int(bits.bytes[bits.position + 1]) << 8
        bits.position += 4
        guard bits.position + length <= bits.bytes.count else { throw Corrupt() }
        output += bits.bytes[bits.position..<(bits.position + length)]
        bits.position += length
      case 1:
        let lengths =
          [Int](repeating: 8, count: 144) + [Int](repeating: 9, count: 112)
          + [Int](repeating: 7, count: 24) + [Int](repeating: 8, count: 8)
        try block(&bits, &output, Huffman(lengths: lengths), Huffman(lengths: [Int](repeating: 5, count: 30)))
      case 2:
        let literals = try bits.read(5) + 257
        let distances = try bits.read(5) + 1
        let codeLengthCount = try bits.read(4) + 4
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        var codeLengths = [Int](repeating: 0, count: 19)
        for index in 0..<codeLengthCount { codeLengths[order[index]] = try bits.read(3) }
        let lengthCode = Huffman(lengths: codeLengths)
        var lengths: [Int] = []
        while lengths.count < literals + distances {
          let symbol = try lengthCode.decode(&bits)
          switch symbol {
          case 0..<16: lengths.append(symbol)
          case 16:
            guard let previous = lengths.last else { throw Corrupt() }
            lengths += [Int](repeating: previous, count: 3 + (try bits.read(2)))
          case 17: lengths += [Int](repeating: 0, count: 3 + (try bits.read(3)))
          default: lengths += [Int](repeating: 0, count: 11 + (try bits.read(7)))
          }
        }
        try block(
          &bits, &output, Huffman(lengths: Array(lengths[0..<literals])),
          Huffman(lengths: Array(lengths[literals..<(literals + distances)])))
      default: throw Corrupt()
      }
    } while last == 0
    return output
  }

  static func block(_ bits: inout Bits, _ output: inout [UInt8], _ literals: Huffman, _ distances: Huffman) throws {
    while true {
      let symbol = try literals.decode(&bits)
      if symbol < 256 {
        output.append(UInt8(symbol))
      } else if symbol == 256 {
        return
      } else {
        let index = symbol - 257
        guard index < lengthBase.count else { throw Corrupt() }
        let length = lengthBase[index] + (try bits.read(lengthExtra[index]))
        let code = try distances.decode(&bits)
        guard code < distanceBase.count else { throw Corrupt() }
        let distance = distanceBase[code] + (try bits.read(distanceExtra[code]))
        guard distance <= output.count else { throw Corrupt() }
        let start = output.count - distance
        for step in 0..<length { output.append(output[start + step]) }
      }
    }
  }
}
