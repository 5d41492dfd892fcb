import Foundation
import HeadroomCatalog
import HeadroomModel

/// The repository this test build came from: its data folders and its catalog, found from this file
/// (as argument-parser's `assertSnapshot` finds its snapshots), so tests run from any directory.
public enum Repository {
  /// The repository root, holding Hardware/, Grids/ and Scenarios/.
  public static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The repository's own catalog, loaded once per test process.
  public static let catalog: Catalog = {
    do {
      return try CatalogLoader(root: root).load()
    } catch {
      fatalError("the repository's own data does not load: \(error)")
    }
  }()

  /// A file in the repository, e.g. `Repository.file("Scenarios/baseline.yaml")`.
  public static func file(_ path: String) -> URL { root.appendingPathComponent(path) }
}
