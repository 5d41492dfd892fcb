import ArgumentParser
import Foundation
import HeadroomCatalog
import HeadroomModel
import HeadroomReport

/// `headroom workloads`: the workloads files of the data folders, and templates for new ones.
struct WorkloadsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "workloads",
    abstract: "List workloads files for 'headroom plan', or write a template for one of your own.",
    subcommands: [List.self, New.self],
    defaultSubcommand: List.self
  )

  /// `headroom workloads list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Every workloads file with its runs and services.")

    @OptionGroup var options: CommonOptions

    func run() throws {
      let data = try options.loadData()
      let loader = data.workloads
      var table = Table(
        title: "Workloads",
        columns: [
          .init("workloads"), .init("horizon"), .init("training", .right), .init("inference", .right),
          .init("name"), .init("file"),
        ])
      var items: [JSONValue] = []
      for id in loader.workloadsIDs {
        let file = loader.folders.display(loader.url(for: id))
        do {
          let workloads = try loader.load(id)
          let horizon = workloads.horizon.map { "\($0.lowerBound)-\($0.upperBound)" } ?? Cells.absent
          table.append([
            id, horizon, "\(workloads.training.count)", "\(workloads.inference.count)", workloads.name, file,
          ])
          items.append(
            .object([
              ("id", .string(id)), ("name", .string(workloads.name)),
              ("trainingRuns", .number(Double(workloads.training.count))),
              ("services", .number(Double(workloads.inference.count))), ("file", .string(file)),
            ]))
        } catch let error {
          table.append([id, Cells.absent, Cells.absent, Cells.absent, "error: \(error)", file])
          items.append(.object([("id", .string(id)), ("file", .string(file)), ("error", .string("\(error)"))]))
        }
      }
      table.notes = ["'headroom workloads new <id>' writes a template; 'headroom plan --site <id> --workloads <id>'."]
      options.emit(Report(tables: [table], json: .object([("workloads", .array(items))])), data: data, uses: [])
    }
  }

  /// `headroom workloads new <id>`.
  struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a commented workloads template into your data folder.",
      discussion: """
        The file goes to the last --data folder, else the user data folder ($XDG_DATA_HOME/headroom, else \
        ~/.local/share/headroom). Example:
          headroom workloads new my-endpoint
        """)

    @OptionGroup var options: CommonOptions

    @Argument(help: "The new workloads file's id (lower-case letters, digits and '-'); it names the file.")
    var id: String

    func run() throws {
      let data = try options.loadData(writing: true)
      let loader = data.workloads
      let template = try DataTemplate.workloads(id: id)
      let existing = loader.workloadsIDs.contains(id) ? loader.folders.display(loader.url(for: id)) : nil
      let report = try TemplateOutput.write(template, existing: existing, data: data) { file in
        _ = try loader.load(file.path)
      }
      options.emit(report)
    }
  }
}
