import Foundation
import Testing

/// Identical inputs give byte-identical JSON, run after run and whatever the number of workers
/// (`HEADROOM_WORKERS`): countries and samples are solved independently and kept in index order.
@Suite struct DeterminismTests {
  @Test func wallsJSONIsByteIdenticalAcrossRunsAndWorkerCounts() throws {
    // Given the baseline with an override, run twice on all cores and once on one worker
    let arguments = ["walls", "--format", "json", "--no-save", "--set", "demand.case=low"]
    let first = try Headroom.run(arguments)
    let second = try Headroom.run(arguments)
    let single = try Headroom.run(arguments, setting: ["HEADROOM_WORKERS": "1"])
    let three = try Headroom.run(arguments, setting: ["HEADROOM_WORKERS": "3"])

    // Then all succeed and their standard output is the same bytes
    for result in [first, second, single, three] { #expect(result.status == 0, "\(result.stderr)") }
    #expect(!first.stdout.isEmpty)
    #expect(second.stdout == first.stdout)
    #expect(single.stdout == first.stdout)
    #expect(three.stdout == first.stdout)
  }

  @Test func sweepSamplesAreByteIdenticalOnOneWorkerAndOnMany() throws {
    // Given a small sweep saved to a file, once on one worker and once on four
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("headroom-determinism-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var files: [Data] = []
    var outputs: [String] = []
    for workers in ["1", "4"] {
      let path = folder.appendingPathComponent("samples-\(workers).json").path
      let result = try Headroom.run(
        [
          "sweep", "--vary", "demand.growth.start=1.6:3.3", "--samples", "12", "--seed", "7", "--save-samples", path,
          "--no-save", "--format", "json",
        ], setting: ["HEADROOM_WORKERS": workers])
      #expect(result.status == 0, "\(result.stderr)")
      files.append(try Data(contentsOf: URL(fileURLWithPath: path)))
      outputs.append(result.stdout)
    }

    // Then the samples files and the reports are the same bytes
    #expect(files[0] == files[1])
    #expect(outputs[0] == outputs[1])
  }
}
