import Foundation
import HeadroomTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// SIGINT (Ctrl-C) and SIGTERM sent to a real `headroom` process stop a sweep, a site plan and a
/// walls run with exit 130 / 143, keep what finished, and name the signal as the only cause.
///
/// The tests wait until the process has blocked the two signals (its signal thread is running, read
/// from `/proc/<pid>/status`), give the work time to start, signal it, and allow it 30 s to exit
/// before killing it and failing.
@Suite(.serialized) struct SignalTests {
  /// A started `headroom` process with its output collected on other threads.
  final class Running: @unchecked Sendable {
    let process = Process()
    private let out = Pipe()
    private let err = Pipe()
    private var outData = Data()
    private var errData = Data()
    private let group = DispatchGroup()

    init(_ arguments: [String], environment extra: [String: String] = [:]) throws {
      process.executableURL = Headroom.executable
      process.arguments = arguments
      process.currentDirectoryURL = FileManager.default.temporaryDirectory
      var environment = ProcessInfo.processInfo.environment
      environment.removeValue(forKey: "HEADROOM_DATA")
      if environment["HEADROOM_DB"] == nil { environment["HEADROOM_DB"] = Headroom.scratchDatabase.path }
      environment.merge(extra) { $1 }
      process.environment = environment
      process.standardOutput = out
      process.standardError = err
      try process.run()
      for (pipe, isError) in [(out, false), (err, true)] {
        group.enter()
        DispatchQueue.global().async {
          let data = pipe.fileHandleForReading.readDataToEndOfFile()
          if isError { self.errData = data } else { self.outData = data }
          self.group.leave()
        }
      }
    }

    /// A line of `/proc/<pid>/status` as a hexadecimal mask (SigBlk, SigIgn), or nil.
    func mask(_ field: String) -> UInt64? {
      guard let text = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
        let line = text.split(separator: "\n").first(where: { $0.hasPrefix("\(field):") })
      else { return nil }
      return UInt64(line.dropFirst(field.count + 1).trimmingCharacters(in: .whitespaces), radix: 16)
    }

    /// The peak resident memory so far, in bytes (`VmHWM`), or nil.
    var peakMemory: Int? {
      guard let text = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
        let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
      else { return nil }
      return line.split(separator: " ").compactMap { Int($0) }.first.map { $0 * 1024 }
    }

    /// Waits until the process blocks SIGINT and SIGTERM (its signal handling is installed).
    func waitUntilReady() -> Bool {
      let wanted: UInt64 = 1 << UInt64(SIGINT - 1) | 1 << UInt64(SIGTERM - 1)
      for _ in 0..<1_000 {
        if !process.isRunning { return false }
        if let blocked = mask("SigBlk"), blocked & wanted == wanted { return true }
        Thread.sleep(forTimeInterval: 0.01)
      }
      return false
    }

    /// Whether the process inherited SIGINT as ignored (a background job of a shell without job control).
    var ignoresInterrupt: Bool { (mask("SigIgn") ?? 0) & (1 << UInt64(SIGINT - 1)) != 0 }

    /// Sends a signal, then waits up to `limit` seconds for the process to exit (killing it after).
    func stop(with signal: Int32, limit: Double = 30) -> (status: Int32?, stdout: String, stderr: String) {
      kill(process.processIdentifier, signal)
      let deadline = Date().addingTimeInterval(limit)
      while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
      var status: Int32?
      if process.isRunning {
        kill(process.processIdentifier, SIGKILL)
      } else {
        status = process.terminationReason == .exit ? process.terminationStatus : -process.terminationStatus
      }
      process.waitUntilExit()
      group.wait()
      return (status, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
  }

  /// A fresh temporary folder.
  static func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("headroom-signals-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// What any stopped run's standard error must not say: another cause.
  static func expectOnlyTheSignal(_ stderr: String, _ name: String) {
    #expect(stderr.contains("stopped by \(name)"), "\(stderr)")
    for other in ["timeLimit", "ended", "infeasible", "Error:", "Fatal", "backtrace"] {
      #expect(!stderr.contains(other), "\(other) in: \(stderr)")
    }
  }

  @Test(arguments: [(SIGINT, "SIGINT", Int32(130)), (SIGTERM, "SIGTERM", Int32(143))])
  func aHugeSweepStopsKeepsItsFinishedSamplesAndNeverGrew(signal: Int32, name: String, status: Int32) throws {
    // Given a sweep asked for 10^8 samples, writing its samples file, started and running for 4 s
    let folder = try Self.folder()
    let samples = folder.appendingPathComponent("samples.json")
    let database = folder.appendingPathComponent("runs.sqlite")
    let running = try Running([
      "sweep", "--vary", "demand.growth.start=1.6:3.3", "--samples", "100000000", "--save-samples", samples.path,
      "--db", database.path,
    ])
    #expect(running.waitUntilReady())
    if signal == SIGINT && running.ignoresInterrupt {
      _ = running.stop(with: SIGKILL)
      return  // SIGINT is ignored by inheritance here; such a process rightly keeps ignoring it.
    }
    Thread.sleep(forTimeInterval: 4)
    let memory = running.peakMemory

    // When the signal arrives
    let result = running.stop(with: signal)

    // Then it exits with 128 + the signal, naming only the signal, having never held 10^8 samples
    #expect(result.status == status, "\(result.stderr)")
    Self.expectOnlyTheSignal(result.stderr, name)
    #expect((memory ?? 0) < 1_000_000_000, "peak memory \(memory ?? -1) bytes")
    // And the samples that finished are in the file, ready to merge; no run was recorded
    let data = try Data(contentsOf: samples)
    let file = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let kept = try #require(file["samples"] as? [[String: Any]])
    #expect(!kept.isEmpty)
    #expect(file["samplesRequested"] as? Int == 100_000_000)
    #expect(result.stderr.contains("\(kept.count) of 100000000 runs finished"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: database.path))
    let merged = try Headroom.run(["sweep", "--merge", samples.path, "--partial", "--format", "json", "--no-save"])
    #expect(merged.status == 0, "\(merged.stderr)")
  }

  @Test(arguments: [(SIGINT, "SIGINT", Int32(130)), (SIGTERM, "SIGTERM", Int32(143))])
  func aWallsRunStopsAndSavesNoRun(signal: Int32, name: String, status: Int32) throws {
    // Given a walls run over a 60-year horizon on one worker, its signal handling installed
    let folder = try Self.folder()
    let database = folder.appendingPathComponent("runs.sqlite")
    let running = try Running(
      ["walls", "--set", "horizon.to=2085", "--db", database.path], environment: ["HEADROOM_WORKERS": "1"])
    #expect(running.waitUntilReady())
    if signal == SIGINT && running.ignoresInterrupt {
      _ = running.stop(with: SIGKILL)
      return
    }

    // When the signal arrives
    let result = running.stop(with: signal)

    // Then it exits with 128 + the signal, prints no result, and records no run
    #expect(result.status == status, "\(result.stderr)")
    Self.expectOnlyTheSignal(result.stderr, name)
    #expect(result.stdout.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: database.path))
  }

  @Test func aSitePlanStopsWithinTheGracePeriodWhileCBCSolves() throws {
    // Given a site of 40 halls and 28 workloads over ten years, which CBC takes minutes to solve to a zero gap
    let data = try Self.folder()
    for folder in ["Hardware", "Grids", "Scenarios"] {
      try FileManager.default.copyItem(
        at: Repository.root.appendingPathComponent(folder), to: data.appendingPathComponent(folder))
    }
    try Self.bigSite().write(
      to: data.appendingPathComponent("Grids/sites/big-site.yaml"), atomically: true, encoding: .utf8)
    let workloads = data.appendingPathComponent("many.yaml")
    try Self.manyWorkloads().write(to: workloads, atomically: true, encoding: .utf8)
    let running = try Running([
      "plan", "--data", data.path, "--site", "big-site", "--workloads", workloads.path, "--gap", "0", "--time-limit",
      "600",
    ])
    #expect(running.waitUntilReady())
    Thread.sleep(forTimeInterval: 4)

    // When SIGTERM arrives while the MIP solves
    #expect(running.process.isRunning, "the plan finished before the signal: make it harder")
    let result = running.stop(with: SIGTERM)

    // Then it exits with 143 within the grace period, naming only the signal
    #expect(result.status == 143, "\(result.stderr)")
    Self.expectOnlyTheSignal(result.stderr, "SIGTERM")
    #expect(result.stdout.isEmpty)
  }

  /// A synthetic site: 40 halls alternating air and liquid cooling, power growing 60 MW a year.
  static func bigSite() -> String {
    var random = UInt64(7)
    func next(_ range: ClosedRange<Int>) -> Int {
      random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return range.lowerBound + Int((random >> 33) % UInt64(range.count))
    }
    var lines = ["id: big-site", "name: A synthetic site of many halls (signal test)", "country: US", "interconnect:"]
    for year in 2026...2035 { lines.append("  \(year): \(400 + 60 * (year - 2026)) MW") }
    lines += [
      "pue: {value: 1.3, assumption: true, note: synthetic}", "redundancy: N",
      "derating: {value: 0.9, assumption: true, note: synthetic}", "halls:",
    ]
    for hall in 0..<40 {
      let liquid = hall % 2 == 1
      let power = liquid ? [60, 100, 132, 140][next(0...3)] : [12, 17, 25, 40][next(0...3)]
      lines += [
        "  - id: hall-\(hall)", "    racks: {value: \(next(100...900)), assumption: true, note: synthetic}",
        "    rack_power: {value: \(power) kW, assumption: true, note: synthetic}",
        "    cooling: \(liquid ? "liquid" : "air")",
      ]
    }
    lines += ["sources:", "  - url: https://example.org/synthetic", "    supports: [name]", "    confidence: estimate"]
    return lines.joined(separator: "\n") + "\n"
  }

  /// Twelve training runs and sixteen inference services growing 30 % a year over 2026-2035.
  static func manyWorkloads() -> String {
    var random = UInt64(5)
    func next(_ range: ClosedRange<Int>) -> Int {
      random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return range.lowerBound + Int((random >> 33) % UInt64(range.count))
    }
    var lines = ["id: many", "name: Many workloads (signal test)", "horizon: {from: 2026, to: 2035}", "training:"]
    for run in 0..<12 {
      let start = 2026 + run % 9
      lines += [
        "  run-\(run):", "    parameters: \(next(200...2000))B", "    tokens: \(next(20...300))T",
        "    start: \(start)",
        "    deadline: \(start + next(0...2))", "    precision: bf16",
      ]
    }
    lines.append("inference:")
    let models = ["llama-3-70b", "llama-3.1-8b", "llama-3.1-405b", "deepseek-v3"]
    for service in 0..<16 {
      let rates = (2026...2035).map { year in
        "\(year): \(Double(next(5...80)) * pow(1.3, Double(year - 2026)))M"
      }
      lines += [
        "  svc-\(service):", "    model: \(models[service % 4])", "    rate: {\(rates.joined(separator: ", "))}",
        "    latency: \([30, 50, 80][next(0...2)]) ms",
      ]
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
