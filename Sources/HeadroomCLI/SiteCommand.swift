import ArgumentParser
import Foundation
import HeadroomCatalog
import HeadroomModel
import HeadroomReport

/// `headroom site`: the sites of the data folders, and templates for new ones.
struct SiteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "site",
    abstract: "List sites, or write a template for a site of your own.",
    subcommands: [List.self, New.self],
    defaultSubcommand: List.self
  )

  /// `headroom site list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Every site, with its country, power and halls.")

    @OptionGroup var options: CommonOptions

    func run() throws {
      let data = try options.loadData()
      var table = Table(
        title: "Sites (\(data.catalog.sites.count))",
        columns: [
          .init("site"), .init("country"), .init("grid first", .right), .init("grid last", .right),
          .init("PUE", .right), .init("halls", .right), .init("racks", .right), .init("file"),
        ])
      var items: [JSONValue] = []
      for site in data.catalog.sites {
        let years = site.interconnect.keys.sorted()
        let first = years.first.map { "\(site.interconnect[$0]?.formatted() ?? "") (\($0))" } ?? Cells.absent
        let last = years.last.map { "\(site.interconnect[$0]?.formatted() ?? "") (\($0))" } ?? Cells.absent
        let file = data.catalog.files[site.id] ?? Cells.absent
        table.append([
          site.id, site.country, first, last, NumberText.plain(site.pue, 3), "\(site.halls.count)",
          Cells.grouped(Double(site.racks)), file,
        ])
        items.append(
          .object([
            ("id", .string(site.id)), ("name", .string(site.name)), ("country", .string(site.country)),
            ("halls", .number(Double(site.halls.count))), ("racks", .number(Double(site.racks))),
            ("file", .string(file)),
          ]))
      }
      table.notes = ["'headroom site new <id> --country XX' writes a template for a site of your own."]
      options.emit(Report(tables: [table], json: .object([("sites", .array(items))])), data: data, uses: [])
    }
  }

  /// `headroom site new <id> --country XX`.
  struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a commented site template with every required field into your data folder.",
      discussion: """
        The file goes to the last --data folder, else the user data folder ($XDG_DATA_HOME/headroom, else \
        ~/.local/share/headroom), which every command reads above the bundled data. Example:
          headroom site new my-campus --country US
        """)

    @OptionGroup var options: CommonOptions

    @Argument(help: "The new site's id (lower-case letters, digits and '-'); it names the file.")
    var id: String

    @Option(help: "The site's country (ISO code, e.g. US).", completion: IDCompletion.of(.country))
    var country: String

    func run() throws {
      let data = try options.loadData(writing: true)
      let country: Country
      do throws(CatalogError) {
        country = try data.catalog.country(self.country)
      } catch let error {
        throw CommandError("--country \(self.country): \(error.expected)")
      }
      let template = try DataTemplate.site(id: id, country: country.id)
      let existing = data.catalog.sites.contains { $0.id == id } ? data.catalog.files[id] ?? id : nil
      options.emit(try TemplateOutput.write(template, existing: existing, data: data))
    }
  }
}
