import ArgumentParser
import Foundation
import HeadroomCatalog
import HeadroomModel
import HeadroomReport

/// `headroom model list`: the reference models sizing and plans use.
struct ModelCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "model",
    abstract: "List the reference models (Scenarios/models) that sizing, plans and the walls model use.",
    subcommands: [List.self],
    defaultSubcommand: List.self
  )

  /// `headroom model list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Every reference model with its size and file.")

    @OptionGroup var options: CommonOptions

    func run() throws {
      let data = try options.loadData()
      var table = Table(
        title: "Reference models (\(data.catalog.models.count))",
        columns: [
          .init("model"), .init("parameters", .right), .init("active", .right), .init("name"), .init("file"),
        ])
      var items: [JSONValue] = []
      for model in data.catalog.models {
        let file = data.catalog.files[model.id] ?? Cells.absent
        table.append([
          model.id, CountText.format(model.parameters), CountText.format(model.activeParameters), model.name, file,
        ])
        items.append(
          .object([
            ("id", .string(model.id)), ("name", .string(model.name)), ("parameters", .number(model.parameters)),
            ("activeParameters", .number(model.activeParameters)), ("file", .string(file)),
          ]))
      }
      options.emit(Report(tables: [table], json: .object([("models", .array(items))])), data: data, uses: [])
    }
  }
}
