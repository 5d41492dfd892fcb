import Foundation
import GRDB
import HeadroomModel

extension HeadroomDatabase {
  /// Saves a run and all its results in one transaction, and returns its id.
  ///
  /// The transaction starts with `BEGIN IMMEDIATE`, so a save from another process waits (up to
  /// ``busyTimeout``) instead of failing; a process killed during a save leaves no part of the run.
  /// An override path given twice is saved once, with its last value.
  @discardableResult
  public func saveRun(_ run: RunSummary) throws(StoreError) -> Int64 {
    try write { db in
      var record = RunRecord(
        id: nil, kind: run.kind.rawValue, scenario: run.scenario, dataHash: run.dataHash,
        solverName: run.solverName, solverVersion: run.solverVersion, createdAt: run.createdAt,
        objective: run.objective, demandCase: run.demandCase, wallThreshold: run.wallThreshold, siteId: run.site,
        sampleCount: run.sampleCount)
      try record.insert(db)
      guard let id = record.id else { throw StoreError.database(path: path, message: "run inserted without an id") }
      var lastValue: [String: String] = [:]
      for override in run.overrides { lastValue[override.path] = override.value }
      var position = 0
      for override in run.overrides {
        guard let value = lastValue.removeValue(forKey: override.path) else { continue }
        try RunInputRecord(runId: id, position: position, path: override.path, value: value).insert(db)
        position += 1
      }
      for country in run.countries {
        try RunCountryResultRecord(
          runId: id, country: country.country, powerWallYear: country.powerWallYear,
          chipWallYear: country.chipWallYear, firstShortYear: country.firstShortYear,
          bindingWall: country.bindingWall.rawValue, costMusd: country.cost.map { $0.dollars / 1e6 }
        ).insert(db)
      }
      // The data version's field hashes, once per data hash (runs of the same data share them).
      if !run.dataFields.isEmpty {
        let known =
          try Int.fetchOne(db, sql: "SELECT count(*) FROM data_fields WHERE data_hash = ?", arguments: [run.dataHash])
          ?? 0
        if known == 0 {
          let statement = try db.makeStatement(
            sql: "INSERT OR IGNORE INTO data_fields (data_hash, file, field, value_hash) VALUES (?, ?, ?, ?)")
          for field in run.dataFields {
            try statement.execute(arguments: [run.dataHash, field.file, field.field, field.hash])
          }
        }
      }
      for year in run.years {
        try RunYearResultRecord(
          runId: id, country: year.country, year: year.year, demandH100e: year.demand.value,
          trainingServedShare: year.trainingServedShare, inferenceServedShare: year.inferenceServedShare,
          demandGw: year.demandPower.watts / 1e9, powerAvailableGw: year.powerAvailable.watts / 1e9,
          powerUsedGw: year.powerUsed.watts / 1e9, chipsObtainableH100e: year.chipsObtainable.value,
          fleetH100e: year.fleet.value, gapH100e: year.gap.value, powerGapGw: year.powerGap.watts / 1e9,
          chipGapH100e: year.chipGap.value, binding: year.binding.rawValue, powerShadowH100ePerMw: year.powerShadow,
          chipShadowH100ePer1000: year.chipShadow, chipShadowKind: year.chipShadowKind
        ).insert(db)
      }
      for wall in run.sweepWalls {
        try RunSweepWallRecord(
          runId: id, country: wall.country, wall: wall.wall.rawValue, p5Year: wall.p5, p50Year: wall.p50,
          p95Year: wall.p95, noneShare: wall.noneShare
        ).insert(db)
      }
      for driver in run.drivers {
        try RunSweepDriverRecord(
          runId: id, country: driver.country, wall: driver.wall.rawValue, rank: driver.rank, input: driver.input,
          measure: driver.measure, value: driver.value
        ).insert(db)
      }
      for year in run.planYears {
        try RunPlanYearRecord(
          runId: id, year: year.year, systemsBought: year.systemsBought, accelerators: year.accelerators,
          itPowerUsedMw: year.itPowerUsed.megawatts, itPowerAvailableMw: year.itPowerAvailable.megawatts,
          racksUsed: year.racksUsed, capexMusd: year.capex.dollars / 1e6, energyMusd: year.energyCost.dollars / 1e6,
          servedShare: year.servedShare, binding: year.binding
        ).insert(db)
      }
      return id
    }
  }

  /// Every saved run, oldest first, with counts and earliest walls for a listing.
  public func runs() throws(StoreError) -> [RunListing] {
    try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT runs.*,
            (SELECT count(*) FROM run_inputs WHERE run_id = runs.id) AS override_count,
            (SELECT count(*) FROM run_country_results WHERE run_id = runs.id) AS country_count,
            (SELECT min(power_wall_year) FROM run_country_results WHERE run_id = runs.id) AS first_power_wall,
            (SELECT min(chip_wall_year) FROM run_country_results WHERE run_id = runs.id) AS first_chip_wall
          FROM runs ORDER BY id
          """
      ).map { row in
        RunListing(
          run: try RunRecord(row: row), overrideCount: row["override_count"],
          countryCount: row["country_count"], firstPowerWallYear: row["first_power_wall"],
          firstChipWallYear: row["first_chip_wall"])
      }
    }
  }

  /// A saved run with all its results, or nil when there is no run with that id.
  public func run(id: Int64) throws(StoreError) -> StoredRun? {
    try read { db in
      guard let record = try RunRecord.fetchOne(db, key: id) else { return nil }
      let inputs = try RunInputRecord.filter(RunInputRecord.Columns.runId == id)
        .order(RunInputRecord.Columns.position).fetchAll(db)
      let countries = try RunCountryResultRecord.filter(RunCountryResultRecord.Columns.runId == id)
        .order(RunCountryResultRecord.Columns.country).fetchAll(db)
      let years = try RunYearResultRecord.filter(RunYearResultRecord.Columns.runId == id)
        .order(RunYearResultRecord.Columns.country, RunYearResultRecord.Columns.year).fetchAll(db)
      let sweepWalls = try RunSweepWallRecord.filter(RunSweepWallRecord.Columns.runId == id)
        .order(RunSweepWallRecord.Columns.country, RunSweepWallRecord.Columns.wall).fetchAll(db)
      let drivers = try RunSweepDriverRecord.filter(RunSweepDriverRecord.Columns.runId == id)
        .order(
          RunSweepDriverRecord.Columns.country, RunSweepDriverRecord.Columns.wall, RunSweepDriverRecord.Columns.rank
        )
        .fetchAll(db)
      let planYears = try RunPlanYearRecord.filter(RunPlanYearRecord.Columns.runId == id)
        .order(RunPlanYearRecord.Columns.year).fetchAll(db)
      var summary = RunSummary(
        kind: RunSummary.Kind(rawValue: record.kind) ?? .walls, scenario: record.scenario,
        overrides: inputs.map { RunSummary.Override(path: $0.path, value: $0.value) },
        dataHash: record.dataHash, solverName: record.solverName, solverVersion: record.solverVersion,
        createdAt: record.createdAt, objective: record.objective, demandCase: record.demandCase,
        wallThreshold: record.wallThreshold,
        countries: countries.map {
          RunSummary.CountryResult(
            country: $0.country, powerWallYear: $0.powerWallYear, chipWallYear: $0.chipWallYear,
            firstShortYear: $0.firstShortYear, bindingWall: RunSummary.BindingWall(rawValue: $0.bindingWall) ?? .none,
            cost: $0.costMusd.map { Money(baseValue: $0 * 1e6) })
        },
        years: years.map {
          RunSummary.YearResult(
            country: $0.country, year: $0.year, demand: H100Equivalents($0.demandH100e),
            trainingServedShare: $0.trainingServedShare, inferenceServedShare: $0.inferenceServedShare,
            demandPower: Power(baseValue: $0.demandGw * 1e9),
            powerAvailable: Power(baseValue: $0.powerAvailableGw * 1e9),
            powerUsed: Power(baseValue: $0.powerUsedGw * 1e9),
            chipsObtainable: H100Equivalents($0.chipsObtainableH100e),
            fleet: H100Equivalents($0.fleetH100e), gap: H100Equivalents($0.gapH100e),
            powerGap: Power(baseValue: $0.powerGapGw * 1e9), chipGap: H100Equivalents($0.chipGapH100e),
            binding: RunSummary.BindingWall(rawValue: $0.binding) ?? .none, powerShadow: $0.powerShadowH100ePerMw,
            chipShadow: $0.chipShadowH100ePer1000, chipShadowKind: $0.chipShadowKind)
        }, site: record.siteId, sampleCount: record.sampleCount)
      summary.sweepWalls = sweepWalls.compactMap { row in
        RunSummary.SweepWall.Wall(rawValue: row.wall).map {
          RunSummary.SweepWall(
            country: row.country, wall: $0, p5: row.p5Year, p50: row.p50Year, p95: row.p95Year,
            noneShare: row.noneShare)
        }
      }
      summary.drivers = drivers.compactMap { row in
        RunSummary.SweepWall.Wall(rawValue: row.wall).map {
          RunSummary.Driver(
            country: row.country, wall: $0, rank: row.rank, input: row.input, measure: row.measure, value: row.value)
        }
      }
      summary.planYears = planYears.map {
        RunSummary.PlanYear(
          year: $0.year, systemsBought: $0.systemsBought, accelerators: $0.accelerators,
          itPowerUsed: Power(baseValue: $0.itPowerUsedMw * 1e6),
          itPowerAvailable: Power(baseValue: $0.itPowerAvailableMw * 1e6),
          racksUsed: $0.racksUsed, capex: Money(baseValue: $0.capexMusd * 1e6),
          energyCost: Money(baseValue: $0.energyMusd * 1e6), servedShare: $0.servedShare, binding: $0.binding)
      }
      return StoredRun(id: id, summary: summary)
    }
  }

  /// What changed from run `a` to run `b`: wall years first, then inputs, then the objective.
  ///
  /// - Throws: ``StoreError/unknownRun(id:path:)`` when either id is not saved.
  public func diff(_ a: Int64, _ b: Int64) throws(StoreError) -> RunDiff {
    guard let first = try run(id: a) else { throw StoreError.unknownRun(id: a, path: path) }
    guard let second = try run(id: b) else { throw StoreError.unknownRun(id: b, path: path) }
    var diff = RunDiff(from: first, to: second)
    if first.summary.dataHash != second.summary.dataHash {
      let (before, after) = try read { db in
        (try Self.dataFields(db, first.summary.dataHash), try Self.dataFields(db, second.summary.dataHash))
      }
      diff.dataFields = RunDiff.dataFieldChanges(before, after)
    }
    return diff
  }

  /// The recorded field hashes of a data version (`file` → `field` → hash); nil when none were saved.
  static func dataFields(_ db: Database, _ dataHash: String) throws -> [String: [String: String]]? {
    let rows = try Row.fetchAll(
      db, sql: "SELECT file, field, value_hash FROM data_fields WHERE data_hash = ?", arguments: [dataHash])
    guard !rows.isEmpty else { return nil }
    var result: [String: [String: String]] = [:]
    for row in rows { result[row["file"], default: [:]][row["field"]] = row["value_hash"] }
    return result
  }
}
