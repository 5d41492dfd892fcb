import Foundation

/// Runs `count` independent pieces of work on all cores and returns their results in index order;
/// the first error (by index) is thrown after every piece has finished.
///
/// For example, `try concurrentResults(count: problems.count) { try solve(problems[$0]) }`.
public func concurrentResults<Value>(
  count: Int, progress: (@Sendable (Int) -> Void)? = nil, _ work: (Int) throws -> Value
) throws -> [Value] {
  let box = ResultBox<Value>(count: count)
  withoutActuallyEscaping(work) { work in
    let body = UncheckedSendable(work)
    DispatchQueue.concurrentPerform(iterations: count) { index in
      box.set(index, Result { try body.value(index) })
      progress?(box.finished())
    }
  }
  return try box.values()
}

/// A value passed across the threads of `concurrentPerform`, which joins them before returning.
struct UncheckedSendable<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}

/// Results written from concurrent iterations, one slot each.
final class ResultBox<Value>: @unchecked Sendable {
  private var slots: [Result<Value, any Error>?]
  private var done = 0
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: Result<Value, any Error>) {
    lock.lock()
    slots[index] = value
    done += 1
    lock.unlock()
  }

  /// How many slots are filled.
  func finished() -> Int {
    lock.lock()
    defer { lock.unlock() }
    return done
  }

  func values() throws -> [Value] { try slots.map { try $0!.get() } }
}
