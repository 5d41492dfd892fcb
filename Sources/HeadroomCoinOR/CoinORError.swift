/// A failure of the COIN-OR layer outside a solve: each case names the file and what went wrong.
public enum CoinORError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The MPS file does not exist or cannot be read.
  case fileNotFound(path: String)
  /// COIN-OR's MPS reader (`Clp_readMps`) reported errors in the file.
  case unreadableMPS(path: String, errors: Int)

  public var description: String {
    switch self {
    case .fileNotFound(let path):
      "\(path): no such MPS file"
    case .unreadableMPS(let path, let errors):
      "\(path): COIN-OR's MPS reader found \(errors) error\(errors == 1 ? "" : "s") (expected free MPS, e.g. as written by LinearProgram.writeMPS(to:))"
    }
  }
}
