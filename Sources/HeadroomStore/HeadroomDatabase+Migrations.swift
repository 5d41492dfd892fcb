import GRDB

/// The database schema: its version, its tables and the migrations that build them.
///
/// Units are in column names, in the base unit of the figure: `tdp_w` (watts), `memory_bytes`,
/// `bf16_flops` (FLOP/s, dense), `int8_ops` (operations per second), `memory_bandwidth_bytes_per_s`,
/// `die_area_mm2`, `power_mw` (megawatts), `rack_power_kw`, `floor_area_m2`, `price_usd`,
/// `electricity_price_usd_per_mwh`, `carbon_intensity_g_per_kwh`; shares are 0…1 and named `_share`.
/// Dates are `YYYY-MM-DD` text; timestamps are GRDB's UTC `YYYY-MM-DD HH:MM:SS.SSS`.
///
/// Catalog tables (replaced as a whole by ``HeadroomDatabase/importCatalog(_:dataHash:dataRoot:supplyYears:)``):
///
/// | table | one row per | key |
/// | --- | --- | --- |
/// | `accelerators` | accelerator | `id` |
/// | `systems` | server or rack system | `id`; `accelerator_id` → accelerators |
/// | `export_rules` | export rule set | `id`; `parent_id` → export_rules |
/// | `classifications` | accelerator × rule set: TPP, PD, ECCN, clause | (`accelerator_id`, `rule_id`) |
/// | `export_policies` | rule set × country × accelerator: decision, fee, cap | (`rule_id`, `country_id`, `accelerator_id`) |
/// | `countries` | country or aggregate | `id` (ISO code) |
/// | `country_supply` | country × year: power available to data centres | (`country_id`, `year`) |
/// | `country_limits` | moratorium, cap, wait or condition | (`country_id`, `position`) |
/// | `country_production` | country × accelerator × year: units placed there by the data (captive deployment, domestic design) | (`country_id`, `accelerator_id`, `year`) |
/// | `sites` | site | `id`; `country_id` → countries |
/// | `site_phases` | site × stated year: interconnect, on-site, IT power | (`site_id`, `year`) |
/// | `halls` | hall of a site | (`site_id`, `id`) |
/// | `models` | reference model shape | `id` |
/// | `default_mfu` | accelerator (or NULL: fallback) × precision | — |
/// | `sources` | source entry of an item | `id`; (`item_kind`, `item_id`) |
/// | `source_fields` | field a source supports | (`source_id`, `field`) |
/// | `field_marks` | field marked as an estimate or assumption | (`item_kind`, `item_id`, `field`) |
/// | `headroom_meta` | fact about the build: data hash, time, data folder | `key` |
///
/// Run history (kept across rebuilds; children are deleted with their run):
///
/// | table | one row per | key |
/// | --- | --- | --- |
/// | `runs` | saved run: kind, scenario, data hash, solver, objective | `id` |
/// | `run_inputs` | `--set path=value` override of a run | (`run_id`, `path`) |
/// | `run_country_results` | country of a run: wall years, binding wall | (`run_id`, `country`) |
/// | `run_year_results` | country × year of a run | (`run_id`, `country`, `year`) |
/// | `data_fields` | data field × data hash: a hash of its value, saved once per data hash (v3) | (`data_hash`, `file`, `field`) |
/// | `run_sweep_walls` | country × wall of a sweep: p5, p50, p95 of the wall year (v4) | (`run_id`, `country`, `wall`) |
/// | `run_sweep_drivers` | country × wall × rank of a sweep: the inputs that move the wall most (v4) | (`run_id`, `country`, `wall`, `rank`) |
/// | `run_plan_years` | year of a site plan: systems, accelerators, IT power, racks, costs (v4) | (`run_id`, `year`) |
///
/// `Sources/HeadroomStore/HeadroomStore.docc/Schema.md` lists every column, with example queries.
enum Schema {
  /// The newest schema version this build knows; stored in `PRAGMA user_version`.
  static let version = 4

  /// Catalog tables, children before parents (the order rows are deleted in).
  static let catalogTables = [
    "source_fields", "sources", "field_marks", "default_mfu", "models", "halls", "site_phases", "sites",
    "country_production", "country_limits", "country_supply", "export_policies", "classifications",
    "countries", "systems", "export_rules", "accelerators",
  ]

  /// Run-history tables, children before parents.
  static let runTables = [
    "run_plan_years", "run_sweep_drivers", "run_sweep_walls", "run_year_results", "run_year_results_v1",
    "run_country_results", "run_inputs", "runs",
  ]

  /// Every table, parents first, for listings.
  static let tables =
    Array(catalogTables.reversed()) + Array(runTables.reversed()) + ["data_fields", "headroom_meta"]

  /// The migrations. Each ends by setting `PRAGMA user_version` to its number, inside its transaction.
  static let migrator: DatabaseMigrator = {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try createCatalogTables(db)
      try createRunTables(db)
      try db.create(table: "headroom_meta") { t in
        t.primaryKey("key", .text)
        t.column("value", .text).notNull()
      }
      try db.execute(sql: "PRAGMA user_version = 1")
    }
    migrator.registerMigration("v2") { db in
      // Walls v2 counts demand and supply in H100e and power in GW: year results change units, so the
      // v1 rows are kept, readable, under another name, and the new table takes v2 rows.
      try db.rename(table: "run_year_results", to: "run_year_results_v1")
      try createYearResultsV2(db)
      try db.alter(table: "runs") { t in
        t.add(column: "demand_case", .text)
        t.add(column: "wall_threshold", .double)
      }
      try db.execute(sql: "PRAGMA user_version = 2")
    }
    // v3: the per-field hashes of each data version runs read, so `runs diff` can name changed fields.
    migrator.registerMigration("v3") { db in
      try db.create(table: "data_fields") { t in
        t.column("data_hash", .text).notNull()
        t.column("file", .text).notNull()
        t.column("field", .text).notNull()
        t.column("value_hash", .text).notNull()
        t.primaryKey(["data_hash", "file", "field"])
      }
      try db.execute(sql: "PRAGMA user_version = 3")
    }
    // v4: every planning command is saved: batch runs (a new kind), a sweep's percentiles and drivers, a
    // plan's site and years. SQLite cannot change a CHECK constraint, so `runs` is rebuilt (the 12-step
    // procedure; GRDB defers foreign-key checks to the end of the migration).
    migrator.registerMigration("v4") { db in
      try db.create(table: "runs_v4") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("kind", .text).notNull().check(sql: "kind IN ('walls', 'whatif', 'sweep', 'plan', 'batch')")
        t.column("scenario", .text)
        t.column("data_hash", .text).notNull()
        t.column("solver_name", .text).notNull()
        t.column("solver_version", .text).notNull()
        t.column("created_at", .datetime).notNull()
        t.column("objective", .double)
        t.column("demand_case", .text)
        t.column("wall_threshold", .double)
        t.column("site_id", .text)
        t.column("sample_count", .integer)
      }
      try db.execute(
        sql: """
          INSERT INTO runs_v4 (id, kind, scenario, data_hash, solver_name, solver_version, created_at, objective,
            demand_case, wall_threshold)
          SELECT id, kind, scenario, data_hash, solver_name, solver_version, created_at, objective, demand_case,
            wall_threshold FROM runs
          """)
      let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'runs'")
      try db.drop(table: "runs")
      try db.rename(table: "runs_v4", to: "runs")
      if let sequence {
        try db.execute(sql: "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'runs'", arguments: [sequence])
      }
      try db.create(table: "run_sweep_walls") { t in
        t.column("run_id", .integer).notNull().references("runs", onDelete: .cascade)
        t.column("country", .text).notNull()
        t.column("wall", .text).notNull().check(sql: "wall IN ('power wall', 'chip wall', 'first short')")
        t.column("p5_year", .integer)
        t.column("p50_year", .integer)
        t.column("p95_year", .integer)
        t.column("none_share", .double).notNull()
        t.primaryKey(["run_id", "country", "wall"])
      }
      try db.create(table: "run_sweep_drivers") { t in
        t.column("run_id", .integer).notNull().references("runs", onDelete: .cascade)
        t.column("country", .text).notNull()
        t.column("wall", .text).notNull().check(sql: "wall IN ('power wall', 'chip wall', 'first short')")
        t.column("rank", .integer).notNull()
        t.column("input", .text).notNull()
        t.column("measure", .text).notNull()
        t.column("value", .double).notNull()
        t.primaryKey(["run_id", "country", "wall", "rank"])
      }
      try db.create(table: "run_plan_years") { t in
        t.column("run_id", .integer).notNull().references("runs", onDelete: .cascade)
        t.column("year", .integer).notNull()
        t.column("systems_bought", .integer).notNull()
        t.column("accelerators", .integer).notNull()
        t.column("it_power_used_mw", .double).notNull()
        t.column("it_power_available_mw", .double).notNull()
        t.column("racks_used", .integer).notNull()
        t.column("capex_musd", .double).notNull()
        t.column("energy_musd", .double).notNull()
        t.column("served_share", .double).notNull()
        t.column("binding", .text).notNull()
        t.primaryKey(["run_id", "year"])
      }
      try db.execute(sql: "PRAGMA user_version = 4")
    }
    return migrator
  }()

  // MARK: - v1

  private static func createCatalogTables(_ db: Database) throws {
    // One row per accelerator; compute is dense peak per precision (NULL where no source gives it).
    try db.create(table: "accelerators") { t in
      t.primaryKey("id", .text)
      t.column("name", .text).notNull()
      t.column("vendor", .text).notNull()
      t.column("year", .integer).notNull()
      t.column("process", .text)
      t.column("datacenter", .boolean).notNull()
      t.column("origin", .text).notNull()
      t.column("form", .text)
      for precision in AcceleratorRecord.computeColumns { t.column(precision, .double) }
      t.column("memory_bytes", .integer)
      t.column("memory_bandwidth_bytes_per_s", .double)
      t.column("scale_up_bandwidth_bytes_per_s", .double)
      t.column("tdp_w", .double).check { $0 > 0 }
      t.column("die_area_mm2", .double)
      t.column("price_usd", .double)
      t.column("price_year", .integer)
      t.column("price_kind", .text)
      t.column("file", .text)
    }
    try db.create(table: "systems") { t in
      t.primaryKey("id", .text)
      t.column("name", .text).notNull()
      t.column("vendor", .text).notNull()
      t.column("accelerator_id", .text).notNull().references("accelerators")
      t.column("accelerator_count", .integer).notNull().check { $0 > 0 }
      t.column("power_w", .double).notNull()
      t.column("typical_power_w", .double)
      t.column("rack_units", .integer)
      t.column("racks", .integer)
      t.column("cooling", .text).notNull()
      t.column("price_usd", .double)
      t.column("price_year", .integer)
      t.column("price_kind", .text)
      t.column("file", .text)
    }
    try db.create(table: "export_rules") { t in
      t.primaryKey("id", .text)
      t.column("name", .text).notNull()
      t.column("citation", .text)
      t.column("effective", .text).notNull()
      t.column("rescinded", .text)
      t.column("enforced", .boolean).notNull()
      t.column("parent_id", .text).references("export_rules", deferred: true)
      t.column("file", .text)
    }
    try db.create(table: "classifications") { t in
      t.column("accelerator_id", .text).notNull().references("accelerators", onDelete: .cascade)
      t.column("rule_id", .text).notNull().references("export_rules", onDelete: .cascade)
      t.column("tpp", .double).notNull()
      t.column("tpp_precision", .text)
      t.column("pd", .double)
      t.column("eccn", .text).notNull()
      t.column("clause", .text)
      t.column("undetermined", .text)
      t.primaryKey(["accelerator_id", "rule_id"])
    }
    try db.create(table: "countries") { t in
      t.primaryKey("id", .text)
      t.column("name", .text).notNull()
      t.column("members", .text)
      t.column("export_groups", .text).notNull()
      t.column("diffusion_tier", .integer)
      t.column("dc_load_mw", .double).notNull()
      t.column("dc_load_year", .integer).notNull()
      t.column("generation_capacity_mw", .double)
      t.column("generation_capacity_year", .integer)
      t.column("additions_mw_per_year", .double).notNull()
      t.column("dc_share_of_additions", .double).notNull()
      t.column("electricity_price_usd_per_mwh", .double)
      t.column("carbon_intensity_g_per_kwh", .double)
      t.column("pue", .double).notNull()
      t.column("installed_base_h100e", .double)
      t.column("installed_base_year", .integer)
      t.column("file", .text)
    }
    try db.create(table: "export_policies") { t in
      t.column("rule_id", .text).notNull().references("export_rules", onDelete: .cascade)
      t.column("country_id", .text).notNull().references("countries", onDelete: .cascade)
      t.column("accelerator_id", .text).notNull().references("accelerators", onDelete: .cascade)
      t.column("eccn", .text).notNull()
      t.column("decision", .text).notNull().check(sql: "decision IN ('allowed', 'licensed', 'denied')")
      t.column("review", .text)
      t.column("fee_share", .double)
      t.column("cap_tpp", .double)
      t.column("cap_from_year", .integer)
      t.column("cap_to_year", .integer)
      t.column("destination_rule", .text)
      t.primaryKey(["rule_id", "country_id", "accelerator_id"])
    }
    try db.create(table: "country_supply") { t in
      t.column("country_id", .text).notNull().references("countries", onDelete: .cascade)
      t.column("year", .integer).notNull()
      t.column("power_mw", .double).notNull()
      t.column("added_mw", .double).notNull()
      t.column("limits_in_force", .text)
      t.column("capped_by", .text)
      t.primaryKey(["country_id", "year"])
    }
    try db.create(table: "country_limits") { t in
      t.column("country_id", .text).notNull().references("countries", onDelete: .cascade)
      t.column("position", .integer).notNull()
      t.column("name", .text).notNull()
      t.column("kind", .text).notNull()
      t.column("region", .text)
      t.column("from_date", .text).notNull()
      t.column("until_date", .text)
      t.column("blocked_share", .double)
      t.column("cap_mw", .double)
      t.column("note", .text)
      t.primaryKey(["country_id", "position"])
    }
    try db.create(table: "country_production") { t in
      t.column("country_id", .text).notNull().references("countries", onDelete: .cascade)
      t.column("accelerator_id", .text).notNull().references("accelerators", onDelete: .cascade)
      t.column("year", .integer).notNull()
      t.column("units", .double).notNull()
      t.primaryKey(["country_id", "accelerator_id", "year"])
    }
    try db.create(table: "sites") { t in
      t.primaryKey("id", .text)
      t.column("name", .text).notNull()
      t.column("country_id", .text).notNull().references("countries")
      t.column("pue", .double).notNull()
      t.column("redundancy", .text).notNull()
      t.column("redundancy_factor", .double).notNull()
      t.column("derating", .double).notNull()
      t.column("file", .text)
    }
    try db.create(table: "site_phases") { t in
      t.column("site_id", .text).notNull().references("sites", onDelete: .cascade)
      t.column("year", .integer).notNull()
      t.column("interconnect_mw", .double)
      t.column("onsite_generation_mw", .double)
      t.column("supply_mw", .double)
      t.column("it_power_mw", .double)
      t.primaryKey(["site_id", "year"])
    }
    try db.create(table: "halls") { t in
      t.column("site_id", .text).notNull().references("sites", onDelete: .cascade)
      t.column("id", .text).notNull()
      t.column("racks", .integer).notNull()
      t.column("rack_power_kw", .double).notNull()
      t.column("cooling", .text).notNull()
      t.column("floor_area_m2", .double)
      t.column("area_per_rack_m2", .double)
      t.primaryKey(["site_id", "id"])
    }
    try db.create(table: "models") { t in
      t.primaryKey("id", .text)
      t.column("name", .text).notNull()
      t.column("parameters", .double).notNull()
      t.column("active_parameters", .double).notNull()
      t.column("layers", .integer).notNull()
      t.column("hidden_size", .integer).notNull()
      t.column("attention_heads", .integer).notNull()
      t.column("kv_heads", .integer).notNull()
      t.column("head_dimension", .integer).notNull()
      t.column("attention", .text).notNull()
      t.column("kv_elements_per_token", .integer).notNull()
      t.column("context_tokens", .integer).notNull()
      t.column("max_context_tokens", .integer)
      t.column("file", .text)
    }
    try db.create(table: "default_mfu") { t in
      t.column("accelerator_id", .text).references("accelerators", onDelete: .cascade)
      t.column("precision", .text).notNull()
      t.column("mfu", .double).notNull()
    }
    try db.create(table: "sources") { t in
      t.autoIncrementedPrimaryKey("id")
      t.column("item_kind", .text).notNull()
      t.column("item_id", .text).notNull()
      t.column("position", .integer).notNull()
      t.column("url", .text).notNull()
      t.column("confidence", .text).notNull()
        .check(sql: "confidence IN ('primary', 'secondary', 'estimate')")
      t.column("note", .text)
    }
    try db.create(index: "sources_by_item", on: "sources", columns: ["item_kind", "item_id"])
    try db.create(table: "source_fields") { t in
      t.column("source_id", .integer).notNull().references("sources", onDelete: .cascade)
      t.column("field", .text).notNull()
      t.primaryKey(["source_id", "field"])
    }
    try db.create(index: "source_fields_by_field", on: "source_fields", columns: ["field"])
    try db.create(table: "field_marks") { t in
      t.column("item_kind", .text).notNull()
      t.column("item_id", .text).notNull()
      t.column("field", .text).notNull()
      t.column("kind", .text).notNull().check(sql: "kind IN ('estimate', 'assumption')")
      t.column("note", .text).notNull()
      t.primaryKey(["item_kind", "item_id", "field"])
    }
  }

  private static func createRunTables(_ db: Database) throws {
    try db.create(table: "runs") { t in
      t.autoIncrementedPrimaryKey("id")
      t.column("kind", .text).notNull().check(sql: "kind IN ('walls', 'whatif', 'sweep', 'plan')")
      t.column("scenario", .text)
      t.column("data_hash", .text).notNull()
      t.column("solver_name", .text).notNull()
      t.column("solver_version", .text).notNull()
      t.column("created_at", .datetime).notNull()
      t.column("objective", .double)
    }
    try db.create(table: "run_inputs") { t in
      t.column("run_id", .integer).notNull().references("runs", onDelete: .cascade)
      t.column("position", .integer).notNull()
      t.column("path", .text).notNull()
      t.column("value", .text).notNull()
      t.primaryKey(["run_id", "path"])
    }
    try db.create(table: "run_country_results") { t in
      t.column("run_id", .integer).notNull().references("runs", onDelete: .cascade)
      t.column("country", .text).notNull()
      t.column("power_wall_year", .integer)
      t.column("chip_wall_year", .integer)
      t.column("first_short_year", .integer)
      t.column("binding_wall", .text).notNull()
        .check(sql: "binding_wall IN ('none', 'power', 'chip', 'both')")
      t.column("cost_musd", .double)
      t.primaryKey(["run_id", "country"])
    }
    try db.create(table: "run_year_results") { t in
      t.column("run_id", .integer).notNull().references("runs", onDelete: .cascade)
      t.column("country", .text).notNull()
      t.column("year", .integer).notNull()
      t.column("training_demand_pflops", .double).notNull()
      t.column("training_served_pflops", .double).notNull()
      t.column("inference_demand_mtok_per_s", .double).notNull()
      t.column("inference_served_mtok_per_s", .double).notNull()
      t.column("unmet_share", .double).notNull()
      t.column("power_used_mw", .double).notNull()
      t.column("power_available_mw", .double).notNull()
      t.column("accelerators_running", .double).notNull()
      t.column("accelerators_available", .double).notNull()
      t.column("accelerators_bought", .double)
      t.column("power_shadow_price", .double)
      t.column("chip_shadow_price", .double)
      t.column("chip_shadow_kind", .text)
      t.primaryKey(["run_id", "country", "year"])
    }
  }

  // MARK: - v2

  private static func createYearResultsV2(_ db: Database) throws {
    try db.create(table: "run_year_results") { t in
      t.column("run_id", .integer).notNull().references("runs", onDelete: .cascade)
      t.column("country", .text).notNull()
      t.column("year", .integer).notNull()
      t.column("demand_h100e", .double).notNull()
      t.column("training_served_share", .double).notNull()
      t.column("inference_served_share", .double).notNull()
      t.column("demand_gw", .double).notNull()
      t.column("power_available_gw", .double).notNull()
      t.column("power_used_gw", .double).notNull()
      t.column("chips_obtainable_h100e", .double).notNull()
      t.column("fleet_h100e", .double).notNull()
      t.column("gap_h100e", .double).notNull()
      t.column("power_gap_gw", .double).notNull()
      t.column("chip_gap_h100e", .double).notNull()
      t.column("binding", .text).notNull().check(sql: "binding IN ('none', 'power', 'chip', 'both')")
      t.column("power_shadow_h100e_per_mw", .double)
      t.column("chip_shadow_h100e_per_1000", .double)
      t.column("chip_shadow_kind", .text)
      t.primaryKey(["run_id", "country", "year"])
    }
  }
}
