import HeadroomModel

/// What an HTML report says about the run behind it: the run id and data hash, the command and its overrides,
/// the assumptions and sources of the inputs, and the data files the result was computed from.
public struct ReportContext: Sendable {
  /// One cited source of one input item.
  public struct SourceEntry: Sendable, Hashable {
    /// The item it backs (`scenario baseline`, `demand case trend`, `country US`).
    public var item: String
    public var url: String
    public var supports: [String]
    public var confidence: String
    public var note: String?
  }

  /// A figure marked in a data file as an estimate or a modelling assumption.
  public struct Assumption: Sendable, Hashable {
    public var item: String
    public var field: String
    public var kind: String
    public var note: String
  }

  /// The run's id in the run history, when it was saved.
  public var runID: Int64?
  /// The hash of the data folder the run read.
  public var dataHash: String?
  /// The data folder, for the data files' links.
  public var dataRoot: String?
  /// The command line as run.
  public var command: String?
  /// The `--set` overrides, as written.
  public var overrides: [String]
  public var sources: [SourceEntry]
  public var assumptions: [Assumption]
  /// Data files behind the result, relative to ``dataRoot``.
  public var dataFiles: [String]

  public init(
    runID: Int64? = nil, dataHash: String? = nil, dataRoot: String? = nil, command: String? = nil,
    overrides: [String] = []
  ) {
    self.runID = runID
    self.dataHash = dataHash
    self.dataRoot = dataRoot
    self.command = command
    self.overrides = overrides
    self.sources = []
    self.assumptions = []
    self.dataFiles = []
  }

  /// Adds an item's sources, its marked estimates and assumptions, and its data file.
  public mutating func add(_ provenance: Provenance, item: String, file: String? = nil) {
    for source in provenance.sources {
      sources.append(
        SourceEntry(
          item: item, url: source.url, supports: source.supports, confidence: source.confidence.rawValue,
          note: source.note))
    }
    for (field, mark) in provenance.marks.sorted(by: { $0.key < $1.key }) {
      assumptions.append(Assumption(item: item, field: field, kind: mark.kind.rawValue, note: mark.note))
    }
    if let file = file ?? provenance.file, !dataFiles.contains(file) { dataFiles.append(file) }
  }

  /// The context of a walls, what-if or sweep run: the scenario's and its demand case's sources and assumptions,
  /// and the files of the countries it models, each country's grid sources included.
  public mutating func add(scenario: Scenario, catalog: Catalog) {
    add(scenario.provenance, item: "scenario \(scenario.id)", file: catalog.files[scenario.id])
    add(scenario.demand.provenance, item: "demand case \(scenario.demand.id)")
    let modelled = Set(scenario.countries.map(\.country))
    for country in catalog.countries where modelled.contains(country.id) {
      add(country.provenance, item: "country \(country.id)", file: catalog.files[country.id])
    }
  }
}
