import Foundation
import GRDB
import HeadroomModel

extension HeadroomDatabase {
  /// The years `country_supply` covers unless told otherwise.
  public static let defaultSupplyYears = 2024...2035

  /// Replaces the catalog tables with a catalog, in one write transaction.
  ///
  /// Every catalog row is deleted, then every item inserted, with classifications and export policies
  /// computed under each (resolved) rule set and each country's supply series for `supplyYears`. Any
  /// failure rolls the whole transaction back, so the database holds either the old catalog or the new
  /// one, never half of each. The run history is left alone.
  ///
  /// - Parameters:
  ///   - catalog: The loaded catalog.
  ///   - dataHash: ``DataHash`` of the data folders, recorded in `headroom_meta`.
  ///   - dataRoot: The data folder, recorded in `headroom_meta`.
  ///   - supplyYears: The years of `country_supply`.
  /// - Returns: Rows per catalog table, parents first.
  @discardableResult
  public func importCatalog(
    _ catalog: Catalog, dataHash: String? = nil, dataRoot: String? = nil,
    supplyYears: ClosedRange<Int> = HeadroomDatabase.defaultSupplyYears
  ) throws(StoreError) -> [(table: String, rows: Int)] {
    try write { db in
      for table in Schema.catalogTables { try db.execute(sql: "DELETE FROM \(table)") }
      try Self.insert(catalog, supplyYears: supplyYears, into: db)
      let facts: [(String, String?)] = [
        ("catalog_data_hash", dataHash), ("catalog_data_root", dataRoot),
        ("catalog_built_at", Self.timestamp(Date())),
      ]
      for (key, value) in facts {
        if let value { try MetaRecord(key: key, value: value).save(db) }
      }
      return try Schema.catalogTables.reversed().map { table in
        (table, try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0)
      }
    }
  }

  /// Checks that every catalog item becomes a row (a memory beyond a 64-bit count of bytes does not),
  /// before any file is opened, so that a refused import creates and changes nothing.
  ///
  /// - Throws: ``StoreError/database(path:message:)`` naming the item, the field and the value.
  public static func checkImportable(_ catalog: Catalog, path: String? = nil) throws(StoreError) {
    for part in catalog.accelerators {
      do {
        _ = try AcceleratorRecord(part, file: nil)
      } catch {
        throw StoreError.database(path: path, message: "cannot import \(error)")
      }
    }
  }

  /// Inserts every catalog row (the tables are empty).
  private static func insert(_ catalog: Catalog, supplyYears: ClosedRange<Int>, into db: Database) throws {
    func file(_ provenance: Provenance, _ id: String) -> String? { provenance.file ?? catalog.files[id] }

    for part in catalog.accelerators {
      try AcceleratorRecord(part, file: file(part.provenance, part.id)).insert(db)
      try insertProvenance(part.provenance, kind: "accelerator", item: part.id, into: db)
    }
    for system in catalog.systems {
      try SystemRecord(system, file: file(system.provenance, system.id)).insert(db)
      try insertProvenance(system.provenance, kind: "system", item: system.id, into: db)
    }
    for rules in catalog.exportRules.all {
      try ExportRuleRecord(rules, file: file(rules.provenance, rules.id)).insert(db)
      try insertProvenance(rules.provenance, kind: "export_rule", item: rules.id, into: db)
    }
    for country in catalog.countries {
      try CountryRecord(country, file: file(country.provenance, country.id)).insert(db)
      try insertProvenance(country.provenance, kind: "country", item: country.id, into: db)
      for entry in country.dataCentrePower(from: supplyYears.lowerBound, to: supplyYears.upperBound) {
        try CountrySupplyRecord(country: country.id, entry).insert(db)
      }
      for (position, limit) in country.limits.enumerated() {
        try CountryLimitRecord(country: country.id, position: position, limit).insert(db)
      }
    }
    // Production placed in a country by the data itself: captive fleets by deployment, parts designed
    // outside the US to their designer's country (merchant parts go by a scenario's allocation).
    let plan = try catalog.productionPlan(through: supplyYears.upperBound)
    for kind in plan.units.keys.sorted() {
      guard let placement = catalog.placement(of: kind) else { continue }
      for (country, share) in placement.sorted(by: { $0.key < $1.key })
      where catalog.countries.contains(where: { $0.id == country }) {
        for (year, units) in (plan.units[kind] ?? [:]).sorted(by: { $0.key < $1.key }) where units * share > 0 {
          try CountryProductionRecord(countryId: country, acceleratorId: kind, year: year, units: units * share).insert(
            db)
        }
      }
    }
    var policies: [ExportPolicyRecord] = []
    for rulesID in catalog.exportRules.all.map(\.id) {
      guard let rules = catalog.exportRules.resolved(rulesID) else { continue }
      for part in catalog.accelerators {
        let item = ExportItem(part)
        let classification = rules.classify(item)
        try ClassificationRecord(accelerator: part.id, classification).insert(db)
        for country in catalog.countries {
          let (policy, rule) = rules.policy(
            for: item, classifiedAs: classification.eccn, to: country.destination)
          policies.append(
            ExportPolicyRecord(
              rules: rules.id, country: country.id, accelerator: part.id, eccn: classification.eccn,
              policy: policy, destinationRule: rule))
        }
      }
    }
    try ExportPolicyRecord.insertAll(policies, into: db)
    for site in catalog.sites {
      try SiteRecord(site, file: file(site.provenance, site.id)).insert(db)
      try insertProvenance(site.provenance, kind: "site", item: site.id, into: db)
      for phase in SitePhaseRecord.phases(of: site) { try phase.insert(db) }
      for hall in site.halls { try HallRecord(site: site.id, hall).insert(db) }
    }
    for model in catalog.models {
      try ModelRecord(model, file: file(model.provenance, model.id)).insert(db)
      try insertProvenance(model.provenance, kind: "model", item: model.id, into: db)
    }
    for (accelerator, values) in catalog.mfu.byAccelerator.sorted(by: { $0.key < $1.key }) {
      for (precision, mfu) in values.sorted(by: { $0.key < $1.key }) {
        try DefaultMFURecord(acceleratorId: accelerator, precision: precision.rawValue, mfu: mfu).insert(db)
      }
    }
    for (precision, mfu) in catalog.mfu.fallback.sorted(by: { $0.key < $1.key }) {
      try DefaultMFURecord(acceleratorId: nil, precision: precision.rawValue, mfu: mfu).insert(db)
    }
    try insertProvenance(catalog.mfu.provenance, kind: "mfu", item: "default", into: db)
  }

  /// Inserts an item's sources, the fields each supports, and its estimate or assumption marks.
  private static func insertProvenance(
    _ provenance: Provenance, kind: String, item: String, into db: Database
  ) throws {
    for (position, source) in provenance.sources.enumerated() {
      var record = SourceRecord(kind: kind, item: item, position: position, source)
      try record.insert(db)
      guard let id = record.id else { continue }
      for field in Set(source.supports).sorted() {
        try SourceFieldRecord(sourceId: id, field: field).insert(db)
      }
    }
    for (field, mark) in provenance.marks.sorted(by: { $0.key < $1.key }) {
      try FieldMarkRecord(itemKind: kind, itemId: item, field: field, kind: mark.kind.rawValue, note: mark.note)
        .insert(db)
    }
  }

  /// A UTC timestamp as GRDB stores dates: `YYYY-MM-DD HH:MM:SS.SSS`.
  static func timestamp(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss.SSS"
    return formatter.string(from: date)
  }
}
