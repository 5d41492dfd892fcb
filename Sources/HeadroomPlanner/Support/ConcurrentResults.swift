import Foundation

/// Runs `count` independent pieces of work on ``Workers/count`` threads and returns their results
/// in index order; the first error (by index) is thrown after every started piece has finished.
///
/// Before starting each piece a worker looks at `stop`: once a stop is requested no piece starts,
/// the pieces running finish, and ``Stopped`` is thrown (unless every piece had already finished).
///
/// For example, `try concurrentResults(count: problems.count) { try solve(problems[$0]) }`.
public func concurrentResults<Value>(
  count: Int, workers: Int = Workers.count, stop: StopRequest = .process,
  progress: (@Sendable (Int) -> Void)? = nil, _ work: (Int) throws -> Value
) throws -> [Value] {
  let box = try concurrentPartialResults(count: count, workers: workers, stop: stop, progress: progress, work)
  if let signal = box.stoppedBy { throw Stopped(signal: signal) }
  return try box.values()
}

/// Runs the pieces like ``concurrentResults(count:workers:stop:progress:_:)`` but returns whatever
/// finished, so that a stopped run can keep its finished pieces (a sweep's completed samples).
func concurrentPartialResults<Value>(
  count: Int, workers: Int = Workers.count, stop: StopRequest = .process,
  progress: (@Sendable (Int) -> Void)? = nil, _ work: (Int) throws -> Value
) throws -> ResultBox<Value> {
  let box = ResultBox<Value>(count: count)
  guard count > 0 else { return box }
  let threads = max(1, min(workers, count))
  withoutActuallyEscaping(work) { work in
    let body = UncheckedSendable(work)
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
      while let index = box.next(stop: stop) {
        box.set(index, Result { try body.value(index) })
        progress?(box.finished())
      }
    }
  }
  return box
}

/// A value passed across the threads of `concurrentPerform`, which joins them before returning.
struct UncheckedSendable<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}

/// Results written from concurrent iterations, one slot each, and the next index to start.
final class ResultBox<Value>: @unchecked Sendable {
  private var slots: [Result<Value, any Error>?]
  private var done = 0
  private var started = 0
  private(set) var stoppedBy: Int32?
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  /// The next index to work on, or nil when all have started or a stop was requested.
  func next(stop: StopRequest) -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard started < slots.count else { return nil }
    if stoppedBy != nil { return nil }
    if let signal = stop.signal {
      stop.acknowledge()
      stoppedBy = signal
      return nil
    }
    started += 1
    return started - 1
  }

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

  /// Every value in index order, or the first error by index.
  func values() throws -> [Value] { try slots.map { try $0!.get() } }

  /// The filled slots in index order (a stopped run's finished pieces), or the first error by index.
  func finishedValues() throws -> [Value] { try slots.compactMap { try $0?.get() } }
}
