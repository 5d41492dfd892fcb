/// The sources of an item's figures and the figures marked as estimates or assumptions.
public struct Provenance: Sendable, Hashable, Codable {
  /// A figure marked in its data file as an estimate, a modelling assumption or a private figure (the
  /// user's own, with no public source: a quote, a contract), with the reason.
  public struct Mark: Sendable, Hashable, Codable {
    /// Whether the mark says estimate, assumption or private.
    public enum Kind: String, Sendable, Hashable, Codable { case estimate, assumption, `private` }
    public var kind: Kind
    /// Why the value is what it is.
    public var note: String

    public init(kind: Kind, note: String) {
      self.kind = kind
      self.note = note
    }
  }

  /// Every source entry of the item.
  public var sources: [Source]
  /// Field path → estimate or assumption mark, for values written in long form.
  public var marks: [String: Mark]
  /// Paths of the numeric fields the item's data file gives, in file order.
  public var numericFields: [String]
  /// Paths of every field the item's data file gives, numeric or not.
  public var presentFields: Set<String>
  /// The file and the line of each field, for messages that point at the data (`halls.hall-1.rack_power`).
  public var file: String?
  public var lines: [String: Int]

  public init(
    sources: [Source] = [], marks: [String: Mark] = [:], numericFields: [String] = [],
    presentFields: Set<String> = [], file: String? = nil, lines: [String: Int] = [:]
  ) {
    self.file = file
    self.lines = lines
    self.sources = sources
    self.marks = marks
    self.numericFields = numericFields
    self.presentFields = presentFields.union(numericFields)
  }

  /// `file:line` of a field, or the file alone when the line is unknown.
  public func location(of field: String) -> String {
    let name = file ?? "?"
    return lines[field].map { "\(name):\($0)" } ?? name
  }

  /// Source `supports` paths that name no field of the item (likely typos).
  public var danglingSupports: [String] {
    sources.flatMap(\.supports).filter { path in
      !presentFields.contains { $0 == path || $0.hasPrefix(path + ".") }
    }
  }

  /// The numeric fields backed by a private mark (`private: true`) rather than a public source.
  public var privateFields: [String] { numericFields.filter { marks[$0]?.kind == .private } }

  /// The numeric fields neither backed by a source nor marked as an estimate or assumption.
  public var uncoveredFields: [String] { numericFields.filter { !covers($0) } }

  /// The sources that support a field path, strongest first.
  ///
  /// A source supporting `compute` covers `compute.bf16`; one supporting `halls` covers
  /// `halls.hall-1.racks`.
  public func sources(for field: String) -> [Source] {
    sources.filter { source in
      source.supports.contains { field == $0 || field.hasPrefix($0 + ".") }
    }.sorted { $0.confidence < $1.confidence }
  }

  /// Whether a field is backed by a source or marked as an estimate or assumption.
  public func covers(_ field: String) -> Bool {
    marks[field] != nil || !sources(for: field).isEmpty
  }
}
