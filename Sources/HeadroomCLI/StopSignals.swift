import Foundation
import HeadroomPlanner

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How the `headroom` process stops on SIGINT (Ctrl-C) and SIGTERM.
///
/// COIN-OR's CLP and CBC install their own SIGINT handlers while they solve (with `signal(2)`, and
/// CBC does not put the previous one back): a Ctrl-C then only ends the solve at hand as if its time
/// limit were reached, so a sweep went on, and reported a misleading "ended timeLimit" on the
/// sample that was solving. Whatever handler a library installs, a signal that is blocked in every
/// thread is never delivered to it. So, before any thread exists, ``install()`` blocks SIGINT and
/// SIGTERM (threads inherit the mask, including the solver's and Dispatch's), and one thread takes
/// them with `sigwait`:
///
/// 1. the first signal is recorded in ``StopRequest/process``; the work looks at it between pieces
///    (countries of a walls run, samples of a sweep), stops, keeps what finished (a sweep writes its
///    finished samples when `--save-samples` was given) and the process exits with 128 + the
///    signal's number: 130 for Ctrl-C, 143 for SIGTERM;
/// 2. if no work has noticed the request within ``grace`` (a site plan's MIP, which CBC cannot be
///    asked to stop from outside, or loading data), the process exits at once with the same status;
/// 3. a second signal exits at once.
///
/// A signal that was ignored when the process started (`nohup`, a background job of a shell without
/// job control) stays ignored.
enum StopSignals {
  /// How long work may take to notice a stop request before the process exits without it.
  static let grace: Duration = .seconds(2)

  /// The signals that stop a run.
  static let handled: [Int32] = [SIGINT, SIGTERM]

  /// Blocks the signals in this thread (and every thread created after) and starts the thread that
  /// takes them. Call it first thing in `main`, before any other thread exists.
  static func install() {
    // Both are blocked in every thread; only those not ignored at start are waited for. An ignored
    // one stays blocked and pending, so it stays ignored even after a library installs a handler.
    var blocked = sigset_t()
    var waiting = sigset_t()
    sigemptyset(&blocked)
    sigemptyset(&waiting)
    for signal in handled {
      sigaddset(&blocked, signal)
      if !isIgnored(signal) { sigaddset(&waiting, signal) }
    }
    pthread_sigmask(SIG_BLOCK, &blocked, nil)
    let thread = Thread { [waiting] in
      var signals = waiting
      var count = 0
      while true {
        var received: Int32 = 0
        guard sigwait(&signals, &received) == 0 else { continue }
        count += 1
        if count == 1 {
          StopRequest.process.request(signal: received)
          startWatchdog(signal: received)
        } else {
          exitNow(Stopped(signal: received), note: "second signal")
        }
      }
    }
    thread.name = "headroom-signals"
    thread.start()
  }

  /// Whether a signal's disposition is "ignore" (inherited from the parent).
  static func isIgnored(_ signal: Int32) -> Bool {
    var current = sigaction()
    guard sigaction(signal, nil, &current) == 0 else { return false }
    #if canImport(Glibc)
      return unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == 1  // SIG_IGN
    #else
      return unsafeBitCast(current.__sigaction_u.__sa_handler, to: Int.self) == 1
    #endif
  }

  /// Exits after ``grace`` unless the work has acknowledged the stop request by then.
  static func startWatchdog(signal: Int32) {
    let thread = Thread {
      Thread.sleep(forTimeInterval: Double(grace.components.seconds))
      if !StopRequest.process.isAcknowledged {
        exitNow(Stopped(signal: signal), note: "the work in progress could not stop between steps")
      }
    }
    thread.name = "headroom-stop-watchdog"
    thread.start()
  }

  /// Says why on standard error and exits with 128 + the signal's number, without running exit
  /// handlers (the solver may be running on another thread).
  static func exitNow(_ stopped: Stopped, note: String) -> Never {
    let message = "error: \(stopped) (\(note)); nothing was saved\n"
    message.utf8CString.withUnsafeBufferPointer { buffer in
      _ = write(STDERR_FILENO, buffer.baseAddress, buffer.count - 1)
    }
    _exit(stopped.exitCode)
  }
}

extension HeadroomCommand {
  /// Runs the command named by the process's arguments, stopping on SIGINT and SIGTERM (see
  /// ``StopSignals``), refusing unknown `help` topics, and exiting with the right status (an error a
  /// command throws is printed by ``exit(reporting:)``).
  public static func mainStoppingOnSignals() -> Never {
    StopSignals.install()
    let arguments = NegativeArguments.rewrite(Array(CommandLine.arguments.dropFirst()))
    if let problem = HelpTopics.problem(in: arguments) {
      FileHandle.standardError.write(Data("error: \(problem)\n".utf8))
      terminateProcess(64)
    }
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
    } catch {
      if let stopped = error as? Stopped ?? StopRequest.process.signal.map(Stopped.init(signal:)) {
        stoppedExit(stopped)
      }
      exit(reporting: error)
    }
    if let signal = StopRequest.process.signal { stoppedExit(Stopped(signal: signal)) }
    terminateProcess(0)
  }

  /// Reports a stop (and nothing else as its cause) and exits with 128 + the signal's number.
  static func stoppedExit(_ stopped: Stopped) -> Never {
    FileHandle.standardError.write(Data("error: \(stopped)\n".utf8))
    terminateProcess(stopped.exitCode)
  }
}

/// Ends the process with a status, flushing standard output (the C library's `exit`).
func terminateProcess(_ status: Int32) -> Never { exit(status) }
