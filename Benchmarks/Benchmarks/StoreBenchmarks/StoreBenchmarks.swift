import Benchmark
import Foundation
import HeadroomCatalog
import HeadroomModel
import HeadroomStore

// The SQLite store, as `headroom db build` and `headroom query` use it:
//
// - "db build from data folders": load and validate every YAML file of the repository, hash them
//   (DataHash), open a fresh database file (WAL, migrations) and import the catalog in one
//   transaction: what `headroom db build` does after parsing its arguments.
// - "db create (open and migrate)": a new file opened in WAL mode and migrated, with no rows.
// - "db import (catalog loaded)": the same import with the catalog loaded beforehand, to tell the
//   database's share from the YAML parsing's.
// - "query round trip": open the built file read-only, run a SELECT with a computed column and an
//   ORDER BY over the accelerators, and read every row: what `headroom query` does before printing.
//
// Each iteration of the build benchmarks writes a new file in a temporary folder and removes it.

/// The repository's data folder, four levels above this file.
let repository = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("headroom-store-bench-\(getpid())")

/// A new database path in the scratch folder.
func freshPath() -> String {
  try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
  return scratch.appendingPathComponent("\(UUID().uuidString).sqlite").path
}

/// Removes a database file and its WAL companions.
func remove(_ path: String) {
  for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}

let benchmarks: @Sendable () -> Void = {
  let configuration = Benchmark.Configuration(
    metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(10),
    maxIterations: 50)

  Benchmark("db build from data folders", configuration: configuration) { benchmark in
    for _ in benchmark.scaledIterations {
      let path = freshPath()
      let catalog = try CatalogLoader(root: repository).load()
      let hash = DataHash.of(root: repository)
      let counts = try HeadroomDatabase(path: path).importCatalog(catalog, dataHash: hash, dataRoot: repository.path)
      blackHole(counts)
      benchmark.stopMeasurement()
      remove(path)
    }
  }

  let catalog: Catalog
  do {
    catalog = try CatalogLoader(root: repository).load()
  } catch {
    fatalError("the repository's data does not load: \(error)")
  }

  Benchmark("db create (open and migrate)", configuration: configuration) { benchmark in
    for _ in benchmark.scaledIterations {
      let path = freshPath()
      blackHole(try HeadroomDatabase(path: path))
      benchmark.stopMeasurement()
      remove(path)
    }
  }

  Benchmark("db import (catalog loaded)", configuration: configuration) { benchmark in
    for _ in benchmark.scaledIterations {
      let path = freshPath()
      blackHole(try HeadroomDatabase(path: path).importCatalog(catalog))
      benchmark.stopMeasurement()
      remove(path)
    }
  }

  let built = freshPath()
  do {
    try HeadroomDatabase(path: built).importCatalog(catalog)
  } catch {
    fatalError("cannot build the benchmark database: \(error)")
  }
  let sql = """
    SELECT id, vendor, bf16_flops / tdp_w AS bf16_flops_per_w, memory_bytes
    FROM accelerators WHERE tdp_w IS NOT NULL ORDER BY bf16_flops_per_w DESC
    """

  Benchmark(
    "query round trip",
    configuration: .init(
      metrics: [.wallClock, .cpuTotal, .mallocCountTotal], maxDuration: .seconds(10), maxIterations: 2_000)
  ) { benchmark in
    for _ in benchmark.scaledIterations {
      let result = try ReadOnlyQuery(path: built).run(sql)
      precondition(result.rows.count == catalog.accelerators.filter { $0.tdp != nil }.count)
      blackHole(result)
    }
  }
}
