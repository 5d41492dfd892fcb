import Foundation
import GRDB
import HeadroomCatalog
import HeadroomModel
import HeadroomTestSupport
import Testing

@testable import HeadroomStore

@Suite struct CatalogImportTests {
  @Test func importedRowCountsEqualTheCatalog() throws {
    // Given the repository's catalog and an empty in-memory database
    let catalog = Repository.catalog
    let database = try HeadroomDatabase.inMemory()

    // When the catalog is imported
    let counts = Dictionary(uniqueKeysWithValues: try database.importCatalog(catalog).map { ($0.table, $0.rows) })

    // Then every table holds one row per catalog item
    let years = HeadroomDatabase.defaultSupplyYears.count
    #expect(counts["accelerators"] == catalog.accelerators.count)
    #expect(counts["systems"] == catalog.systems.count)
    #expect(counts["export_rules"] == catalog.exportRules.all.count)
    #expect(counts["classifications"] == catalog.accelerators.count * catalog.exportRules.all.count)
    #expect(
      counts["export_policies"]
        == catalog.accelerators.count * catalog.exportRules.all.count * catalog.countries.count)
    #expect(counts["countries"] == catalog.countries.count)
    #expect(counts["country_supply"] == catalog.countries.count * years)
    #expect(counts["country_limits"] == catalog.countries.map(\.limits.count).reduce(0, +))
    #expect(counts["sites"] == catalog.sites.count)
    #expect(counts["halls"] == catalog.sites.map(\.halls.count).reduce(0, +))
    #expect(counts["models"] == catalog.models.count)
    let sourceCount =
      catalog.accelerators.map(\.provenance.sources.count).reduce(0, +)
      + catalog.systems.map(\.provenance.sources.count).reduce(0, +)
      + catalog.exportRules.all.map(\.provenance.sources.count).reduce(0, +)
      + catalog.countries.map(\.provenance.sources.count).reduce(0, +)
      + catalog.sites.map(\.provenance.sources.count).reduce(0, +)
      + catalog.models.map(\.provenance.sources.count).reduce(0, +)
      + catalog.mfu.provenance.sources.count
    #expect(counts["sources"] == sourceCount)
    #expect((counts["source_fields"] ?? 0) > 0)
  }

  @Test func figuresAreStoredInTheUnitsTheColumnsName() throws {
    // Given the repository's catalog imported
    let database = try HeadroomDatabase.inMemory()
    try database.importCatalog(Repository.catalog)
    let h100 = try Repository.catalog.accelerator("h100-sxm")

    // When the H100 SXM row is read back
    let row = try #require(try database.reader.read { try AcceleratorRecord.fetchOne($0, key: "h100-sxm") })

    // Then TDP is in watts, memory in bytes and BF16 in FLOP/s, as in the catalog
    #expect(row.tdpW == h100.tdp?.watts)
    #expect(row.tdpW == 700)
    #expect(row.memoryBytes == h100.memory.map { Int64($0.bytes) })
    #expect(row.bf16Flops == h100.compute[.bf16]?.flopsPerSecond)
    let tpp = try database.reader.read {
      try Double.fetchOne($0, sql: "SELECT tpp FROM classifications WHERE accelerator_id = 'h100-sxm' LIMIT 1")
    }
    #expect(tpp.map { abs($0 - h100.totalProcessingPerformance.value) < 1e-6 } == true)
  }

  @Test func countrySupplyMatchesTheModel() throws {
    // Given the repository's catalog imported
    let database = try HeadroomDatabase.inMemory()
    try database.importCatalog(Repository.catalog)
    let us = try Repository.catalog.country("US")

    // When US supply in 2030 is read
    let stored = try database.reader.read {
      try Double.fetchOne($0, sql: "SELECT power_mw FROM country_supply WHERE country_id = 'US' AND year = 2030")
    }

    // Then it is Country.dataCentrePower(in:) in MW
    let expected = us.dataCentrePower(in: 2030).megawatts
    #expect(stored.map { abs($0 - expected) <= 1e-9 * expected } == true)
  }

  @Test func reimportReplacesTheCatalogAndKeepsRuns() throws {
    // Given an imported catalog and a saved run
    let database = try HeadroomDatabase.inMemory()
    try database.importCatalog(Repository.catalog)
    let id = try database.saveRun(StoreTestSupport.run())

    // When the catalog is imported again
    let counts = Dictionary(
      uniqueKeysWithValues: try database.importCatalog(Repository.catalog).map { ($0.table, $0.rows) })

    // Then the catalog is not duplicated and the run is still there
    #expect(counts["accelerators"] == Repository.catalog.accelerators.count)
    #expect(try database.run(id: id) != nil)
  }

  @Test func aFailedImportRollsBackToThePreviousCatalog() throws {
    // Given an imported catalog
    let database = try HeadroomDatabase.inMemory()
    try database.importCatalog(Repository.catalog)
    let before = try database.tableCounts().map { "\($0.table)=\($0.rows)" }

    // When importing a catalog whose second accelerator repeats the first's id (a primary-key clash
    // after some rows are already written)
    var broken = Catalog()
    let part = try Repository.catalog.accelerator("h100-sxm")
    broken.accelerators = [part, part]
    #expect(throws: StoreError.self) { try database.importCatalog(broken) }

    // Then every table holds what it held before
    #expect(try database.tableCounts().map { "\($0.table)=\($0.rows)" } == before)
  }

  @Test func sourcesRecordWhichFieldsTheySupport() throws {
    // Given the repository's catalog imported
    let database = try HeadroomDatabase.inMemory()
    try database.importCatalog(Repository.catalog)

    // When asking which sources support the H100's TDP
    let urls = try database.reader.read {
      try String.fetchAll(
        $0,
        sql: """
          SELECT s.url FROM sources s JOIN source_fields f ON f.source_id = s.id
          WHERE s.item_kind = 'accelerator' AND s.item_id = 'h100-sxm' AND f.field = 'tdp'
          """)
    }

    // Then they are the catalog's sources for that field
    let expected = try Repository.catalog.accelerator("h100-sxm").provenance.sources
      .filter { $0.supports.contains("tdp") }.map(\.url)
    #expect(!urls.isEmpty)
    #expect(Set(urls) == Set(expected))
  }
}
