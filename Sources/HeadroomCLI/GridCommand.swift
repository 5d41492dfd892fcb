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
      let data = try options.loadData()
      options.emit(
        GridReport.list(data.catalog.countries, year: year), data: data, uses: Set(data.catalog.countries.map(\.id)))
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

    @Option(help: "Write a self-contained HTML report (summary, supply charts, tables, sources) that opens offline.")
    var html: String?

    func validate() throws {
      if let html { try OutputPath.check(html, option: "--html") }
      guard from <= to else {
        throw ValidationError("--from \(from) is after --to \(to): the series must start before it ends.")
      }
      guard (1990...2100).contains(from), (1990...2100).contains(to) else {
        throw ValidationError("--from and --to must be years between 1990 and 2100.")
      }
    }

    func run() throws {
      let data = try options.loadData()
      let outlook = try GridOutlook(catalog: data.catalog, country: country, from: from, to: to)
      let output = options.rendered(options.noted(GridReport.show(outlook), data: data, uses: [outlook.country.id]))
      if let html {
        var context = HTMLOutput.context(data: data, overrides: [])
        context.dataFiles = [data.catalog.files[outlook.country.id]].compactMap { $0 }
        try HTMLOutput.write(GridReport.html(outlook, context: context), to: html)
      }
      print(output, terminator: "")
    }
  }
}
