import ArgumentParser
import Foundation
import HeadroomCatalog
import HeadroomModel
import HeadroomReport

/// `headroom accelerator`: the accelerators of the data folders, and templates for new ones.
struct AcceleratorCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "accelerator",
    abstract: "List accelerators and their files, or write a template for one of your own.",
    discussion: "'headroom catalog list' compares them by their figures; this lists where each comes from.",
    subcommands: [List.self, New.self],
    defaultSubcommand: List.self
  )

  /// `headroom accelerator list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Every accelerator with its vendor, year and file.")

    @OptionGroup var options: CommonOptions

    func run() throws {
      let data = try options.loadData()
      var table = Table(
        title: "Accelerators (\(data.catalog.accelerators.count))",
        columns: [.init("accelerator"), .init("vendor"), .init("year", .right), .init("origin"), .init("file")])
      var items: [JSONValue] = []
      for part in data.catalog.accelerators {
        let file = data.catalog.files[part.id] ?? Cells.absent
        table.append([part.id, part.vendor, "\(part.year)", part.origin, file])
        items.append(
          .object([
            ("id", .string(part.id)), ("name", .string(part.name)), ("vendor", .string(part.vendor)),
            ("year", .number(Double(part.year))), ("file", .string(file)),
          ]))
      }
      table.notes = ["'headroom accelerator new <id> --vendor <vendor>' writes a template for one of your own."]
      options.emit(Report(tables: [table], json: .object([("accelerators", .array(items))])), data: data, uses: [])
    }
  }

  /// `headroom accelerator new <id>`.
  struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a commented accelerator template with every required field into your data folder.",
      discussion: """
        The file goes to the last --data folder, else the user data folder ($XDG_DATA_HOME/headroom, else \
        ~/.local/share/headroom). The walls model uses the part once a scenario gives it production or \
        installed units ('headroom scenario new'). Example:
          headroom accelerator new my-chip --vendor acme
        """)

    @OptionGroup var options: CommonOptions

    @Argument(help: "The new accelerator's id (lower-case letters, digits and '-'); it names the file.")
    var id: String

    @Option(help: "The vendor: the folder under Hardware/accelerators (e.g. nvidia, acme).")
    var vendor = "own"

    func run() throws {
      let data = try options.loadData(writing: true)
      let template = try DataTemplate.accelerator(id: id, vendor: vendor)
      let existing = data.catalog.accelerators.contains { $0.id == id } ? data.catalog.files[id] ?? id : nil
      options.emit(try TemplateOutput.write(template, existing: existing, data: data))
    }
  }
}
