import Foundation
import HeadroomFuzzing
import HeadroomTestSupport
import Testing

/// Replays every seed (`Tests/Fuzz/Seeds/<target>/`) and every input the fuzz targets kept
/// (`Tests/Fuzz/Corpus/<target>/`) through the same entry points: an error is a fine answer, a trap
/// stops the test process and fails `make test`.
@Suite struct FuzzCorpusReplayTests {
  static let fuzz = Repository.root.appendingPathComponent("Tests/Fuzz")

  /// The files of a target in a folder (`Seeds` or `Corpus`), sorted.
  static func inputs(_ target: String, in kind: String) -> [URL] {
    let folder = fuzz.appendingPathComponent("\(kind)/\(target)")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.sorted().map { folder.appendingPathComponent($0) }
  }

  @Test(arguments: FuzzEntries.targets.keys.sorted())
  func everyCorpusInputRunsWithoutCrashing(target: String) throws {
    // Given a target's corpus
    let entry = try #require(FuzzEntries.targets[target])
    let seeds = Self.inputs(target, in: "Seeds")
    let files = seeds + Self.inputs(target, in: "Corpus")
    #expect(!seeds.isEmpty, "Tests/Fuzz/Seeds/\(target) is empty")

    // When every input is fed to the target's entry point, Then the process is still here
    for file in files { entry(Array(try Data(contentsOf: file))) }
  }

  @Test func theDataFileSeedsLoadSoTheFuzzerStartsDeepInTheReaders() throws {
    // Given the data-file seeds (one real file of each kind, its id set to 'fuzz')
    let seeds = Self.inputs("data-files", in: "Seeds")
    #expect(seeds.count == 10)

    // When each is loaded, Then it is read to the end: no error, or (a catalog file read alone) only
    // cross-references to ids of other files that are not there
    for seed in seeds {
      let error = FuzzEntries.dataFileError(Array(try Data(contentsOf: seed))) ?? ""
      let problems = error.split(separator: "\n").filter { !$0.hasSuffix("problems in the data:") }
      for problem in problems {
        #expect(
          problem.hasSuffix("unknown accelerator id") || problem.hasSuffix("unknown country code"),
          "\(seed.lastPathComponent): \(problem)")
      }
    }
  }
}
