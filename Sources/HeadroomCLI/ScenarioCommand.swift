import ArgumentParser
import Foundation
import HeadroomCatalog
import HeadroomModel
import HeadroomReport

/// `headroom scenario`: the scenarios of the data folders, and templates for new ones.
struct ScenarioCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scenario",
    abstract: "List scenarios, or write a template for one of your own.",
    subcommands: [List.self, New.self],
    defaultSubcommand: List.self
  )

  /// `headroom scenario list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Every scenario with its name, horizon and file.")

    @OptionGroup var options: CommonOptions

    func run() throws {
      let data = try options.loadData()
      let loader = data.scenarios
      var table = Table(
        title: "Scenarios", columns: [.init("scenario"), .init("horizon"), .init("name"), .init("file")])
      var items: [JSONValue] = []
      for id in loader.scenarioIDs {
        let file = loader.folders.display(loader.url(for: id))
        do {
          let scenario = try loader.load(id)
          table.append([id, "\(scenario.firstYear)-\(scenario.lastYear)", scenario.name, file])
          items.append(
            .object([
              ("id", .string(id)), ("name", .string(scenario.name)),
              ("firstYear", .number(Double(scenario.firstYear))), ("lastYear", .number(Double(scenario.lastYear))),
              ("file", .string(file)),
            ]))
        } catch let error {
          table.append([id, Cells.absent, "error: \(error)", file])
          items.append(.object([("id", .string(id)), ("file", .string(file)), ("error", .string("\(error)"))]))
        }
      }
      table.notes = ["'headroom scenario new <id>' writes a template extending the baseline."]
      options.emit(Report(tables: [table], json: .object([("scenarios", .array(items))])), data: data, uses: [])
    }
  }

  /// `headroom scenario new <id>`.
  struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a commented scenario template (extending the baseline) into your data folder.",
      discussion: """
        The file goes to the last --data folder, else the user data folder ($XDG_DATA_HOME/headroom, else \
        ~/.local/share/headroom). Example:
          headroom scenario new my-case --extends china-h200
        """)

    @OptionGroup var options: CommonOptions

    @Argument(help: "The new scenario's id (lower-case letters, digits and '-'); it names the file.")
    var id: String

    @Option(help: "The scenario it extends.", completion: IDCompletion.of(.scenario))
    var extends = "baseline"

    func run() throws {
      let data = try options.loadData(writing: true)
      let loader = data.scenarios
      guard loader.scenarioIDs.contains(extends) else {
        throw CommandError(
          "--extends \(extends): no such scenario" + NearestNames.suggestion(for: extends, among: loader.scenarioIDs))
      }
      let template = try DataTemplate.scenario(id: id, extends: extends)
      let existing = loader.scenarioIDs.contains(id) ? loader.folders.display(loader.url(for: id)) : nil
      let report = try TemplateOutput.write(template, existing: existing, data: data) { file in
        _ = try loader.load(file.path)
      }
      options.emit(report)
    }
  }
}
