import Foundation
import GRDB
import HeadroomModel
import Testing

@testable import HeadroomStore

/// Schema v4: batch runs, sweeps' percentiles and drivers, plans' years; older files migrate keeping their runs.
@Suite struct RunHistoryV4Tests {
  @Test func aVersion3FileMigratesKeepingItsRunsAndIds() throws {
    // Given a file at schema v3 holding one walls run,
    let path = try StoreTestSupport.databasePath()
    let queue = try DatabaseQueue(path: path)
    try Schema.migrator.migrate(queue, upTo: "v3")
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO runs (kind, scenario, data_hash, solver_name, solver_version, created_at, objective)
          VALUES ('walls', 'baseline', '0123456789abcdef', 'CLP', '1.17', '2026-01-01 00:00:00.000', 12.5)
          """)
    }
    try queue.close()
    // When it is opened for writing (migrated) and a batch run is saved,
    let database = try HeadroomDatabase(path: path)
    let id = try database.saveRun(RunSummary(kind: .batch, dataHash: "x", solverName: "CLP", solverVersion: "1"))
    // Then the old run is there with its id, the new one follows it, and the schema is v4.
    #expect(try database.schemaVersion == 4)
    #expect(id == 2)
    #expect(try database.run(id: 1)?.summary.objective == 12.5)
    #expect(try database.run(id: 2)?.summary.kind == .batch)
  }

  @Test func aSweepAndAPlanKeepTheirResults() throws {
    // Given a sweep with percentiles and drivers, and a plan with its years,
    let database = try HeadroomDatabase(path: try StoreTestSupport.databasePath())
    var sweep = RunSummary(kind: .sweep, dataHash: "x", solverName: "CLP", solverVersion: "1", sampleCount: 100)
    sweep.sweepWalls = [.init(country: "US", wall: .powerWall, p5: 2027, p50: 2029, p95: nil, noneShare: 0.1)]
    sweep.drivers = [
      .init(country: "US", wall: .powerWall, rank: 1, input: "demand.growth.start", measure: "spearman", value: -0.9)
    ]
    var plan = RunSummary(kind: .plan, scenario: "w", dataHash: "x", solverName: "CBC", solverVersion: "2", site: "s")
    plan.planYears = [
      .init(
        year: 2026, systemsBought: 10, accelerators: 80, itPowerUsed: Power(megawatts: 1.5),
        itPowerAvailable: Power(megawatts: 2), racksUsed: 10, capex: Money(dollars: 3e6),
        energyCost: Money(dollars: 1e5),
        servedShare: 0.75, binding: "racks")
    ]
    // When saved and read back, Then every figure is as saved (MW and millions of USD round trip exactly enough).
    let a = try database.saveRun(sweep)
    let b = try database.saveRun(plan)
    let readSweep = try #require(try database.run(id: a)?.summary)
    #expect(readSweep.sweepWalls == sweep.sweepWalls && readSweep.drivers == sweep.drivers)
    #expect(readSweep.sampleCount == 100)
    let readPlan = try #require(try database.run(id: b)?.summary)
    #expect(readPlan.site == "s")
    let year = try #require(readPlan.planYears.first)
    #expect(abs(year.itPowerUsed.megawatts - 1.5) < 1e-9 && abs(year.capex.dollars - 3e6) < 1e-6)
    #expect(year.servedShare == 0.75 && year.binding == "racks")
    // And a diff of a plan against a walls run is marked incomparable; of two walls runs, not.
    let walls = try database.saveRun(StoreTestSupport.run())
    #expect(try database.diff(walls, b).incomparable)
    #expect(try !database.diff(walls, walls).kindsDiffer)
  }
}
