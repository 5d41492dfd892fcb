import HeadroomModel
import HeadroomPlanner

extension SweepReport {
  /// The data tables of a random sweep: walls (percentiles), drivers (Spearman), binding shares, and the samples.
  func dataTables(_ summary: SweepSummary) -> [DataTable] {
    let none = samples.lastYear + 1
    func year(_ value: Int) -> JSONValue { value >= none ? .null : .number(Double(value)) }
    var walls = DataTable(
      name: "walls",
      rowMeaning:
        "one row per country and wall (powerWall, chipWall, firstShort): p5, p50, p95 of its year (empty: none within the horizon)",
      columns: ["country", "wall", "p5Year", "p50Year", "p95Year", "noneShare"])
    var drivers = DataTable(
      name: "drivers", rowMeaning: "one row per country, wall and input: Spearman rank correlation with the wall year",
      columns: ["country", "wall", "input", "spearman"])
    var binding = DataTable(
      name: "binding", rowMeaning: "one row per country and binding wall: share of the samples",
      columns: ["country", "bindingWall", "samplesShare"])
    for country in summary.countries {
      let entries: [(String, SweepSummary.Percentiles, [SweepSummary.Influence])] = [
        ("powerWall", country.powerWall, country.powerDrivers),
        ("chipWall", country.chipWall, country.chipDrivers),
        ("firstShort", country.firstShort, country.drivers),
      ]
      for (wall, percentiles, influences) in entries {
        walls.append([
          ("country", .string(country.country)), ("wall", .string(wall)), ("p5Year", year(percentiles.p5)),
          ("p50Year", year(percentiles.p50)), ("p95Year", year(percentiles.p95)),
          ("noneShare", .number(samples.samples.isEmpty ? nil : JSONValue.rounded(percentiles.noneShare, 6))),
        ])
        for influence in influences {
          drivers.append([
            ("country", .string(country.country)), ("wall", .string(wall)), ("input", .string(influence.input)),
            ("spearman", .number(JSONValue.rounded(influence.correlation, 6))),
          ])
        }
      }
      for (kind, share) in country.binding.sorted(by: { $0.key < $1.key }) {
        binding.append([
          ("country", .string(country.country)), ("bindingWall", .string(kind)),
          ("samplesShare", .number(JSONValue.rounded(share, 6))),
        ])
      }
    }
    return [walls, drivers, binding] + Self.sampleTables(samples)
  }

  /// Every sample's walls per country, and every sample's drawn inputs.
  static func sampleTables(_ samples: SweepSamples) -> [DataTable] {
    var rows = DataTable(
      name: "samples",
      rowMeaning: "one row per sample and country: its walls (empty: none within the horizon) and gap share",
      columns: ["sample", "country", "powerWallYear", "chipWallYear", "firstShortYear", "bindingWall", "gapShare"])
    var inputs = DataTable(
      name: "inputs", rowMeaning: "one row per sample and varied input: the value drawn",
      columns: ["sample", "input", "value"])
    for sample in samples.samples.sorted(by: { $0.index < $1.index }) {
      for (country, walls) in sample.walls.sorted(by: { $0.key < $1.key }) {
        rows.append([
          ("sample", .number(Double(sample.index))), ("country", .string(country)),
          ("powerWallYear", WallsReport.year(walls.powerWall)), ("chipWallYear", WallsReport.year(walls.chipWall)),
          ("firstShortYear", WallsReport.year(walls.firstShort)), ("bindingWall", .string(walls.binding)),
          ("gapShare", .number(JSONValue.rounded(walls.gapShare, 6))),
        ])
      }
      for (range, value) in zip(samples.ranges, sample.inputs) {
        inputs.append([
          ("sample", .number(Double(sample.index))), ("input", .string(range.path)), ("value", .number(value)),
        ])
      }
    }
    return [rows, inputs]
  }
}
