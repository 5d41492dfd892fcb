import ArgumentParser
import HeadroomCatalog
import HeadroomModel
import HeadroomPlanner
import HeadroomReport

/// `headroom grid`: what each country can give data centres, with sources.
struct GridCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "grid",
    abstract: "Country power supply for data centres: all countries side by side, or one country's series.",
    subcommands: [List.self, Show.self],
    defaultSubcommand: List.self
  )

  /// `headroom grid list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "All countries side by side.")

    @OptionGroup var options: CommonOptions

    @Option(help: "Year for the 'available' column.")
    var year = 2030

    func run() throws {
      try reportingErrors {
        let data = try options.loadData()
        let catalog = data.catalog
        var table = Table(
          title: "Countries: data-centre power (average load) and prices",
          columns: [
            .init("country"), .init("name"), .init("base load", .right), .init("base year", .right),
            .init("additions \(year)", .right), .init("DC share", .right), .init("DC added \(year)", .right),
            .init("available \(year)", .right), .init("price", .right), .init("carbon", .right),
            .init("PUE", .right), .init("groups"), .init("tier", .right),
          ])
        var items: [JSONValue] = []
        for country in catalog.countries {
          let entry = country.dataCentrePower(from: year, to: year)[0]
          let growth = entry.added
          let available = entry.available
          table.append([
            country.id, country.name, country.dcLoad.power.formatted(), "\(country.dcLoad.year)",
            country.additions(in: year).formatted(), NumberText.plain(country.dcShareOfAdditions, 2),
            growth.formatted(), available.formatted(), Cells.quantity(country.electricityPrice),
            Cells.quantity(country.carbonIntensity), NumberText.plain(country.pue, 3),
            country.exportGroups.isEmpty ? "—" : country.exportGroups.joined(separator: " "),
            country.diffusionTier.map(String.init) ?? "—",
          ])
          items.append(CountryJSON.summary(country, year: year))
        }
        table.notes = [
          "Available(y) = base load + sum of additions(t - L) x DC share x (1 - blocked share) over the years after the base,",
          "held under caps; L = the country's time to energise in years (0 without one; see 'headroom grid show <iso>').",
          "DC share is a modelling assumption in every file (see 'headroom grid show <iso>' for the reasoning).",
        ]
        options.emit(
          Report(tables: [table], json: .object([("year", .number(Double(year))), ("countries", .array(items))])),
          data: data, uses: Set(catalog.countries.map(\.id)))
      }
    }
  }

  /// `headroom grid show <iso>`.
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "One country's supply series after queues and limits, its regions, build rates, behind-the-meter options and sources."
    )

    @OptionGroup var options: CommonOptions

    @Argument(help: "Country ISO code (e.g. US, CN, IE) or EU27.", completion: IDCompletion.of(.country))
    var country: String

    @Option(help: "First year.") var from = 2025
    @Option(help: "Last year.") var to = 2035

    func validate() throws {
      guard from <= to else {
        throw ValidationError("--from \(from) is after --to \(to): the series must start before it ends.")
      }
      guard (1990...2100).contains(from), (1990...2100).contains(to) else {
        throw ValidationError("--from and --to must be years between 1990 and 2100.")
      }
    }

    func run() throws {
      try reportingErrors {
        let data = try options.loadData()
        let outlook = try GridOutlook(catalog: data.catalog, country: country, from: from, to: to)
        options.emit(GridReport.show(outlook), data: data, uses: [outlook.country.id])
      }
    }
  }
}

/// JSON for a country's inputs, with units in the key names.
enum CountryJSON {
  static func summary(_ country: Country, year: Int) -> JSONValue {
    .object([
      ("country", .string(country.id)), ("name", .string(country.name)),
      ("exportGroups", .array(country.exportGroups.map { .string($0) })),
      ("diffusionTier", country.diffusionTier.map { .number(Double($0)) } ?? .null),
      ("dcLoadMW", .number(country.dcLoad.power.megawatts)), ("dcLoadYear", .number(Double(country.dcLoad.year))),
      ("additionsMWPerYear", .number(country.additions(in: year).megawatts)),
      ("dcShareOfAdditions", .number(country.dcShareOfAdditions)),
      ("availableMW", .number(country.dataCentrePower(in: year).megawatts)), ("availableYear", .number(Double(year))),
      ("electricityPriceUSDPerMWh", .number(country.electricityPrice?.baseValue)),
      ("carbonIntensityGPerKWh", .number(country.carbonIntensity?.baseValue)), ("pue", .number(country.pue)),
    ])
  }
}
