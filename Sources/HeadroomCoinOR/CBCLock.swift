import Foundation

/// The process-wide lock that serialises every use of CBC.
///
/// CBC 2.10 is not thread-safe: `Cbc_solve` runs CBC's solver driver, which is not re-entrant.
/// To be safe with the rest of the C interface too, each CBC model is therefore created, loaded, solved, read and deleted
/// while holding this one lock. The Swift work before (building and compressing the matrix)
/// happens outside it.
enum CBCLock {
  private static let lock = NSLock()

  /// Runs `body` while holding the lock.
  static func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
    lock.lock()
    defer { lock.unlock() }
    return try body()
  }
}
