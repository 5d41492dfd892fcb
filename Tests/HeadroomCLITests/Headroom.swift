import Foundation
import HeadroomTestSupport
import Testing

/// Runs the built `headroom` executable as a user would, capturing its output and exit status.
enum Headroom {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// A database for the runs the tests record, one per test process.
  static let scratchDatabase = FileManager.default.temporaryDirectory
    .appendingPathComponent("headroom-tests-\(ProcessInfo.processInfo.processIdentifier).sqlite")

  /// A user data directory for the tests ($XDG_DATA_HOME): empty, so no own data is layered unless a test
  /// sets it.
  static let scratchUserData = FileManager.default.temporaryDirectory
    .appendingPathComponent("headroom-tests-xdg-\(ProcessInfo.processInfo.processIdentifier)")

  /// The executable built beside the test bundle, or `$HEADROOM_TEST_EXECUTABLE` (to run the corpus
  /// against another build, e.g. an older one to see what it finds).
  static var executable: URL {
    if let path = ProcessInfo.processInfo.environment["HEADROOM_TEST_EXECUTABLE"], !path.isEmpty {
      return URL(fileURLWithPath: path)
    }
    return built("headroom")
  }

  /// The test-only program that saves synthetic runs from its own process.
  static var storeWriter: URL { built("headroom-store-writer") }

  /// A program built beside the test bundle.
  static func built(_ name: String) -> URL {
    let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for candidate in [directory, directory.deletingLastPathComponent()] {
      let url = candidate.appendingPathComponent(name)
      if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return Repository.root.appendingPathComponent(".build/debug/\(name)")
  }

  /// Runs `headroom` with arguments from a working directory (default: a temporary one, to prove the
  /// data folder is found from anywhere).
  static func run(
    _ arguments: [String], in directory: URL = FileManager.default.temporaryDirectory, unsetting: [String] = [],
    setting: [String: String] = [:], program: URL = executable
  ) throws -> Result {
    let process = Process()
    process.executableURL = program
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment.removeValue(forKey: "HEADROOM_DATA")
    // Runs that record history write to a scratch database, never the repository's .headroom/.
    if environment["HEADROOM_DB"] == nil { environment["HEADROOM_DB"] = scratchDatabase.path }
    // The user's own data folder is a scratch one that does not exist, never the real ~/.local/share/headroom.
    environment["XDG_DATA_HOME"] = scratchUserData.path
    for name in unsetting { environment.removeValue(forKey: name) }
    // A test run inside a Slurm array job must not hand its own task id to the commands it runs.
    for name in environment.keys where name.hasPrefix("SLURM_ARRAY_") { environment.removeValue(forKey: name) }
    environment.merge(setting) { $1 }
    process.environment = environment
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  /// Parses JSON output into Foundation objects.
  static func json(_ text: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }
}
