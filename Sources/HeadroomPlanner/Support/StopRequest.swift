import Foundation

/// A request to stop work early, made when the process receives SIGINT (Ctrl-C) or SIGTERM, and
/// honoured between units of work: between the countries of a walls run and between the samples of
/// a sweep (``concurrentResults(count:workers:stop:progress:_:)`` looks before each piece).
///
/// The command line makes the request from its signal thread (``request(signal:)``); the library
/// only reads it. Work that notices it throws ``Stopped``, and the command exits with 128 + the
/// signal's number (130 for Ctrl-C, 143 for SIGTERM). Tests make their own request value instead
/// of the process's, so that stopping one test's work never stops another's.
///
/// For example:
/// ```swift
/// try StopRequest.process.check()   // throws Stopped(signal: SIGINT) after Ctrl-C
/// ```
public final class StopRequest: @unchecked Sendable {
  /// The process's request, made by its signal handling.
  public static let process = StopRequest()

  private let lock = NSLock()
  private var requested: Int32?
  private var noticed = false

  public init() {}

  /// Asks the work to stop because of a signal; a second request keeps the first signal.
  public func request(signal: Int32) {
    lock.withLock {
      if requested == nil { requested = signal }
    }
  }

  /// The signal that asked to stop, or nil while no stop was requested.
  public var signal: Int32? { lock.withLock { requested } }

  /// Whether some work has seen the request and is stopping (``check()`` threw, or
  /// ``acknowledge()`` was called): the command line then lets it finish keeping what it has.
  public var isAcknowledged: Bool { lock.withLock { noticed } }

  /// Records that the work has seen the request and is stopping.
  public func acknowledge() { lock.withLock { noticed = true } }

  /// Throws ``Stopped`` when a stop was requested (and records that the work saw it).
  public func check() throws(Stopped) {
    guard
      let signal = lock.withLock({ () -> Int32? in
        if requested != nil { noticed = true }
        return requested
      })
    else { return }
    throw Stopped(signal: signal)
  }
}

/// Work stopped by a signal before it finished.
public struct Stopped: Error, Sendable, Hashable, CustomStringConvertible {
  /// The signal's number (SIGINT is 2, SIGTERM 15).
  public var signal: Int32

  public init(signal: Int32) { self.signal = signal }

  /// The exit status a shell expects of a process a signal ended: 128 + the signal's number.
  public var exitCode: Int32 { 128 + signal }

  /// The signal's name: SIGINT, SIGTERM, or `signal N`.
  public var signalName: String {
    switch signal {
    case SIGINT: "SIGINT (Ctrl-C)"
    case SIGTERM: "SIGTERM"
    case SIGHUP: "SIGHUP"
    default: "signal \(signal)"
    }
  }

  public var description: String { "stopped by \(signalName)" }
}
