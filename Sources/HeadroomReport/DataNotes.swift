import HeadroomModel

/// What a report says under it about the data it read: the folders above the bundled data and the
/// items they added or replaced, the private figures the result rests on, and what was ignored.
///
/// For example, with a user folder holding a new site and a private accelerator price:
/// ```
/// Data: /repo (bundled), then /home/me/headroom.
/// From /home/me/headroom: site my-campus (new), accelerator my-chip (new).
/// Rests on 1 private figure: /home/me/headroom/Hardware/accelerators/me/my-chip.yaml price.amount (our quote).
/// Ignored: --set lifetime=5 is the scenario's value already.
/// ```
public struct DataNotes: Sendable, Hashable {
  public var layering: DataLayering
  /// How each folder is named, lowest first (e.g. `/repo (bundled)`).
  public var labels: [String]
  public var privateFigures: [Catalog.PrivateFigure]
  /// One line each: inputs the command did not use, or that change nothing.
  public var ignored: [String]

  public init(
    layering: DataLayering, labels: [String], privateFigures: [Catalog.PrivateFigure], ignored: [String] = []
  ) {
    self.layering = layering
    self.labels = labels
    self.privateFigures = privateFigures
    self.ignored = ignored
  }

  /// Items listed per folder before the rest is counted.
  static let listed = 12

  /// The lines, empty when there is nothing to say (one folder, no private figure, nothing ignored).
  public var lines: [String] {
    var lines: [String] = []
    if layering.isLayered {
      lines.append("Data: " + labels.joined(separator: ", then ") + ".")
      for folder in layering.folders.dropFirst() {
        let items = layering.items.filter { $0.folder == folder }
        guard !items.isEmpty else { continue }
        let described = items.prefix(Self.listed).map { item in
          "\(item.kind) \(item.id) (" + (item.replaces.map { "replaces \($0)" } ?? "new") + ")"
        }
        let more = items.count > Self.listed ? ", and \(items.count - Self.listed) more" : ""
        lines.append("From \(folder): " + described.joined(separator: ", ") + more + ".")
      }
    }
    if !privateFigures.isEmpty {
      // One group per file and note: `file: field, field (note)`.
      var groups: [(key: String, fields: [String])] = []
      for figure in privateFigures {
        let key = "\(figure.file)\u{0}\(figure.note)"
        if let index = groups.firstIndex(where: { $0.key == key }) {
          groups[index].fields.append(figure.field)
        } else {
          groups.append((key, [figure.field]))
        }
      }
      let shown = groups.prefix(Self.listed).map { group in
        let parts = group.key.split(separator: "\u{0}", maxSplits: 1).map(String.init)
        return "\(parts[0]): \(group.fields.joined(separator: ", ")) (\(parts.count > 1 ? parts[1] : ""))"
      }
      let more = groups.count > Self.listed ? "; and \(groups.count - Self.listed) more files" : ""
      lines.append(
        "Rests on \(privateFigures.count) private figure\(privateFigures.count == 1 ? "" : "s") (no public source): "
          + shown.joined(separator: "; ") + more + ".")
    }
    lines += layering.identical.map { "Ignored: \($0) is byte for byte the file below it (it changes nothing)." }
    lines += ignored.map { "Ignored: \($0)" }
    return lines
  }

  /// The same as JSON: `folders`, `items`, `privateFigures`, `ignored`.
  public var json: JSONValue {
    .object([
      ("folders", .array(labels.map { .string($0) })),
      (
        "items",
        .array(
          layering.items.map {
            .object([
              ("kind", .string($0.kind)), ("id", .string($0.id)), ("folder", .string($0.folder)),
              ("file", .string($0.file)), ("replaces", .string($0.replaces)),
            ])
          })
      ),
      (
        "privateFigures",
        .array(
          privateFigures.map {
            .object([("file", .string($0.file)), ("field", .string($0.field)), ("note", .string($0.note))])
          })
      ),
      (
        "ignored",
        .array((layering.identical.map { "\($0): identical to the file below it" } + ignored).map { .string($0) })
      ),
    ])
  }
}

extension Report {
  /// The report with the data notes under its last table and, when there is anything to say, a `data`
  /// key in its JSON object.
  public func addingDataNotes(_ notes: DataNotes) -> Report {
    let lines = notes.lines
    guard !lines.isEmpty else { return self }
    var report = self
    if !report.tables.isEmpty {
      report.tables[report.tables.count - 1].notes +=
        (report.tables[report.tables.count - 1].notes.isEmpty ? [] : [""]) + lines
    }
    if case .object(let pairs) = report.json { report.json = .object(pairs + [("data", notes.json)]) }
    return report
  }

  /// The report with one `Ignored: …` line per item under its last table (and an `ignored` JSON key).
  public func addingNotes(ignored: [String]) -> Report {
    addingDataNotes(DataNotes(layering: DataLayering(), labels: [], privateFigures: [], ignored: ignored))
  }
}
