import Foundation
import HeadroomModel

/// The data folders of a git revision, extracted to a temporary folder.
public enum DataRevision {
  /// Where a revision was extracted: the scratch folder to remove afterwards and the data root in it.
  public struct Checkout: Sendable {
    public var scratch: URL
    public var root: URL
  }

  /// Extracts `Hardware/`, `Grids/` and `Scenarios/` of `revision` (any git revision: a commit, a tag,
  /// `HEAD~3`, a branch) of the repository holding the data folder `root`, keeping the data folder's
  /// place in the repository, into a new temporary folder.
  ///
  /// - Throws: ``CatalogError`` naming the revision when git is missing, `root` is not in a repository,
  ///   the revision is unknown or holds no `Hardware/` folder.
  public static func checkout(_ revision: String, repositoryOf root: URL) throws(CatalogError) -> Checkout {
    func fail(_ why: String) -> CatalogError {
      CatalogError(
        value: revision, expected: "not a data folder, nor a git revision of the repository at \(root.path): \(why)")
    }
    guard !revision.hasPrefix("-") else { throw fail("a revision cannot start with '-'") }
    let prefix = try git(["rev-parse", "--show-prefix"], in: root, fail).trimmingCharacters(in: .whitespacesAndNewlines)
    let tree = "\(revision):\(prefix)"
    let listing = try git(["ls-tree", "--name-only", tree], in: root, fail)
    let present = listing.split(separator: "\n").map(String.init).filter(DataSnapshot.folders.contains)
    guard present.contains("Hardware") else { throw fail("that revision has no \(prefix)Hardware/ folder") }
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("headroom-rev-\(UUID().uuidString)")
    do {
      try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    } catch {
      throw fail("cannot create a temporary folder (\(error))")
    }
    let archive = scratch.appendingPathComponent("data.tar")
    do {
      _ = try git(["archive", "--format=tar", "-o", archive.path, tree, "--"] + present, in: root, fail)
      _ = try run("tar", ["-xf", archive.path, "-C", scratch.path], in: scratch, fail)
      try? FileManager.default.removeItem(at: archive)
    } catch let error {
      try? FileManager.default.removeItem(at: scratch)
      throw error
    }
    return Checkout(scratch: scratch, root: scratch)
  }

  static func git(_ arguments: [String], in folder: URL, _ fail: (String) -> CatalogError) throws(CatalogError)
    -> String
  {
    try run("git", ["-C", folder.path] + arguments, in: folder, fail)
  }

  /// Runs a tool found on PATH and returns its standard output; a non-zero exit is an error quoting
  /// its standard error.
  static func run(_ tool: String, _ arguments: [String], in folder: URL, _ fail: (String) -> CatalogError)
    throws(CatalogError) -> String
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    process.currentDirectoryURL = folder
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    do {
      try process.run()
    } catch {
      throw fail("cannot run \(tool) (\(error))")
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      let message = String(decoding: errorData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
      throw fail("\(tool) says: \(message.isEmpty ? "exit status \(process.terminationStatus)" : message)")
    }
    return String(decoding: data, as: UTF8.self)
  }
}
