import ArgumentParser
import HeadroomCatalog
import HeadroomModel
import HeadroomReport

extension CatalogCommand {
  /// `headroom catalog diff --against <dir|revision>`: what a data update changed.
  struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "What changed between two catalogs: items added or removed, fields changed with their sources.",
      discussion: """
        Compares the data folder (--data, default the repository's) with another data folder or a git
        revision of the repository that holds it (read with git archive into a temporary folder).

        Examples:
          headroom catalog diff --against HEAD~1
          headroom catalog diff --against /path/to/old-data --format json
        """
    )

    @OptionGroup var options: CommonOptions

    @Option(help: "The old side: a data folder (holding Hardware/) or a git revision (commit, tag, HEAD~1).")
    var against: String

    func run() throws {
      let folders = try options.dataFolders()
      let root = folders.explicitCount > 0 ? folders.top : folders.base
      options.emit(Self.report(try CatalogDiff.compare(against: against, target: root)))
    }

    /// Text cut to a width for a table cell (JSON keeps the whole value).
    static func cut(_ text: String?, _ width: Int = 20) -> String {
      guard let text else { return "(absent)" }
      let line = text.replacingOccurrences(of: "\n", with: " ")
      return line.count <= width ? line : String(line.prefix(width - 1)) + "…"
    }

    /// The strongest source as `host (confidence)`, with the count of others.
    static func sources(_ refs: [CatalogDiff.SourceRef]) -> String {
      guard let first = refs.first else { return Cells.absent }
      let more = refs.count > 1 ? " +\(refs.count - 1)" : ""
      var host = first.url
      if let range = host.range(of: "://") { host = String(host[range.upperBound...]) }
      host = String(host.prefix { $0 != "/" })
      if host.hasPrefix("www.") { host.removeFirst(4) }
      return "\(cut(host, 18)) (\(first.confidence.prefix(3)))\(more)"
    }

    static func report(_ diff: CatalogDiff) -> Report {
      var items = Table(
        title: "Items added and removed (\(diff.base) -> \(diff.target))",
        columns: [.init("change"), .init("kind"), .init("id"), .init("file")])
      for item in diff.added { items.append(["added", item.kind.rawValue, item.id, item.file]) }
      for item in diff.removed { items.append(["removed", item.kind.rawValue, item.id, item.file]) }
      if diff.added.isEmpty && diff.removed.isEmpty { items.notes = ["No item added or removed."] }
      var fields = Table(
        title: "Fields changed",
        columns: [.init("id"), .init("field"), .init("old"), .init("new"), .init("source (new)")])
      for change in diff.changed {
        let sourceChanged = change.oldSources != change.newSources
        fields.append([
          cut(change.id, 18), cut(change.field, 34), cut(change.old), cut(change.new),
          sources(change.newSources) + (sourceChanged ? " *" : ""),
        ])
      }
      fields.notes =
        diff.changed.isEmpty
        ? ["No field changed."]
        : [
          "\(diff.changed.count) field(s) changed in \(Set(diff.changed.map(\.file)).count) file(s); * = the "
            + "sources backing the field changed too. Whole values, files, lines and every source: --format json."
        ]
      func item(_ item: CatalogDiff.Item) -> JSONValue {
        .object([("kind", .string(item.kind.rawValue)), ("id", .string(item.id)), ("file", .string(item.file))])
      }
      func refs(_ refs: [CatalogDiff.SourceRef]) -> JSONValue {
        .array(refs.map { .object([("url", .string($0.url)), ("confidence", .string($0.confidence))]) })
      }
      let json = JSONValue.object([
        ("base", .string(diff.base)), ("target", .string(diff.target)),
        ("added", .array(diff.added.map(item))), ("removed", .array(diff.removed.map(item))),
        (
          "changed",
          .array(
            diff.changed.map { change in
              .object([
                ("kind", .string(change.kind.rawValue)), ("id", .string(change.id)), ("file", .string(change.file)),
                ("field", .string(change.field)), ("old", .string(change.old)), ("new", .string(change.new)),
                ("oldLine", .number(change.oldLine.map(Double.init))),
                ("newLine", .number(change.newLine.map(Double.init))),
                ("oldSources", refs(change.oldSources)), ("newSources", refs(change.newSources)),
              ])
            })
        ),
      ])
      var changes = DataTable(
        name: "changes", rowMeaning: "one row per item added or removed, or field changed",
        columns: ["change", "kind", "id", "file", "field", "old", "new", "oldLine", "newLine", "newSources"])
      for (change, list) in [("added", diff.added), ("removed", diff.removed)] {
        for item in list {
          changes.append([
            ("change", .string(change)), ("kind", .string(item.kind.rawValue)), ("id", .string(item.id)),
            ("file", .string(item.file)), ("field", .null), ("old", .null), ("new", .null), ("oldLine", .null),
            ("newLine", .null), ("newSources", .null),
          ])
        }
      }
      for change in diff.changed {
        changes.append([
          ("change", "changed"), ("kind", .string(change.kind.rawValue)), ("id", .string(change.id)),
          ("file", .string(change.file)), ("field", .string(change.field)), ("old", .string(change.old)),
          ("new", .string(change.new)), ("oldLine", .number(change.oldLine.map(Double.init))),
          ("newLine", .number(change.newLine.map(Double.init))),
          ("newSources", .array(change.newSources.map { .string($0.url) })),
        ])
      }
      return Report(tables: [items, fields], json: json, data: [changes])
    }
  }
}
