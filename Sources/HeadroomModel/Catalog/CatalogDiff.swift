/// What changed between two versions of the data folders (Hardware/, Grids/, Scenarios/): items added
/// and removed, and fields changed with their old and new values and the sources that back each.
///
/// Items are data files, named by kind (from the folder) and id; fields are dotted paths as `sources`
/// entries name them (`tdp`, `compute.bf16`, `halls.hall-1.rack_power`, `limits.0.until`,
/// `domestic_production.ascend-910c.2025`). A long-form value is the field itself (`tdp`) plus its mark
/// (`tdp.estimate`, `tdp.note`); a source entry is one field, `sources[<url>]` (confidence, supports, note). Built by
/// `CatalogDiff.compare(base:target:)` in HeadroomCatalog.
public struct CatalogDiff: Sendable, Hashable, Codable {
  /// The kind of item a data file holds, from its folder.
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    case accelerator, system
    case rules = "export-rules"
    case country, site, model, workloads, scenario
    /// A YAML file elsewhere under the data folders.
    case other

    /// The kind of the file at a path relative to the data folder.
    public init(file: String) {
      switch true {
      case file.hasPrefix("Hardware/accelerators/"): self = .accelerator
      case file.hasPrefix("Hardware/systems/"): self = .system
      case file.hasPrefix("Hardware/export-rules/"): self = .rules
      case file.hasPrefix("Grids/countries/"): self = .country
      case file.hasPrefix("Grids/sites/"): self = .site
      case file.hasPrefix("Scenarios/models/"): self = .model
      case file.hasPrefix("Scenarios/workloads/"): self = .workloads
      case file.hasPrefix("Scenarios/"): self = .scenario
      default: self = .other
      }
    }
  }

  /// An item (a data file) present on one side only.
  public struct Item: Sendable, Hashable, Codable {
    public var kind: Kind
    public var id: String
    /// Path relative to the data folder.
    public var file: String

    public init(kind: Kind, id: String, file: String) {
      self.kind = kind
      self.id = id
      self.file = file
    }
  }

  /// A source as the diff reports it.
  public struct SourceRef: Sendable, Hashable, Codable {
    public var url: String
    public var confidence: String

    public init(url: String, confidence: String) {
      self.url = url
      self.confidence = confidence
    }
  }

  /// A field whose value differs (or that exists on one side only) in an item present on both sides.
  public struct FieldChange: Sendable, Hashable, Codable {
    public var kind: Kind
    public var id: String
    public var file: String
    /// Dotted field path.
    public var field: String
    /// The value before (nil: the field was added).
    public var old: String?
    /// The value after (nil: the field was removed).
    public var new: String?
    /// Line of the field in the old and new files.
    public var oldLine: Int?
    public var newLine: Int?
    /// Sources whose `supports` cover the field, before and after.
    public var oldSources: [SourceRef]
    public var newSources: [SourceRef]

    public init(
      kind: Kind, id: String, file: String, field: String, old: String?, new: String?, oldLine: Int? = nil,
      newLine: Int? = nil, oldSources: [SourceRef] = [], newSources: [SourceRef] = []
    ) {
      self.kind = kind
      self.id = id
      self.file = file
      self.field = field
      self.old = old
      self.new = new
      self.oldLine = oldLine
      self.newLine = newLine
      self.oldSources = oldSources
      self.newSources = newSources
    }
  }

  /// How the base (old) side was named: a folder or a git revision.
  public var base: String
  /// How the target (new) side was named.
  public var target: String
  /// Items only in the target, by file.
  public var added: [Item]
  /// Items only in the base, by file.
  public var removed: [Item]
  /// Field changes in items on both sides, by file then field.
  public var changed: [FieldChange]

  public init(base: String, target: String, added: [Item], removed: [Item], changed: [FieldChange]) {
    self.base = base
    self.target = target
    self.added = added
    self.removed = removed
    self.changed = changed
  }

  /// True when the two sides hold the same data.
  public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }
}
