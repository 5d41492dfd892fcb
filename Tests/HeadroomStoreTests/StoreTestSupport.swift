import Foundation
import HeadroomCatalog
import HeadroomModel
import HeadroomStore
import HeadroomTestSupport

/// Scratch files and runs made up for tests (the repository's own data: ``Repository``).
enum StoreTestSupport {
  /// A fresh temporary folder (never the repository's .headroom/).
  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("headroom-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// A path for a database file that does not exist yet, in a fresh temporary folder.
  static func databasePath() throws -> String {
    try temporaryFolder().appendingPathComponent("headroom.sqlite").path
  }

  /// A made-up run: two countries over three years, with walls that move with `shift`.
  static func run(
    shift: Int = 0, overrides: [RunSummary.Override] = [], dataHash: String = "0123456789abcdef",
    objective: Double? = 1_000, createdAt: Date = Date(timeIntervalSince1970: 1_767_225_600)
  ) -> RunSummary {
    let countries = [
      RunSummary.CountryResult(
        country: "CN", powerWallYear: nil, chipWallYear: 2027 + shift, firstShortYear: 2027 + shift,
        bindingWall: .chip, cost: Money(baseValue: 2.5e9)),
      RunSummary.CountryResult(country: "US", powerWallYear: 2029, chipWallYear: nil, bindingWall: .power),
    ]
    var years: [RunSummary.YearResult] = []
    for country in ["CN", "US"] {
      for year in 2026...2028 {
        years.append(
          RunSummary.YearResult(
            country: country, year: year, demand: H100Equivalents(Double(year - 2000) * 1000),
            trainingServedShare: 0.75, inferenceServedShare: 0.75, demandPower: Power(megawatts: 2_000),
            powerAvailable: Power(megawatts: 2_000), powerUsed: Power(megawatts: 1_500),
            chipsObtainable: H100Equivalents(150_000), fleet: H100Equivalents(120_000),
            gap: H100Equivalents(Double(year - 2000) * 250), powerGap: Power(megawatts: 500),
            chipGap: H100Equivalents(country == "CN" ? 5_000 : 0), binding: country == "CN" ? .chip : .power,
            powerShadow: 0.5, chipShadow: country == "CN" ? 0.002 : nil, chipShadowKind: country == "CN" ? "h20" : nil))
      }
    }
    return RunSummary(
      kind: .walls, scenario: "baseline", overrides: overrides, dataHash: dataHash, solverName: "CLP",
      solverVersion: "1.17.9", createdAt: createdAt, objective: objective, countries: countries,
      years: years)
  }
}
