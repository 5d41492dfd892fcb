extension Catalog {
  /// A figure marked `private: true` in the user's own data: a quote or a contract with no public source.
  public struct PrivateFigure: Sendable, Hashable, Codable {
    /// The item's data file.
    public var file: String
    /// The dotted field path, e.g. `price.amount`.
    public var field: String
    /// Where the figure comes from, in the user's words.
    public var note: String

    public init(file: String, field: String, note: String) {
      self.file = file
      self.field = field
      self.note = note
    }
  }

  /// Every item's provenance with its id, over all kinds of item.
  public var provenances: [(id: String, provenance: Provenance)] {
    accelerators.map { ($0.id, $0.provenance) } + systems.map { ($0.id, $0.provenance) }
      + exportRules.all.map { ($0.id, $0.provenance) } + countries.map { ($0.id, $0.provenance) }
      + sites.map { ($0.id, $0.provenance) } + models.map { ($0.id, $0.provenance) }
      + production.map { ($0.id, $0.provenance) } + supplyLimits.map { ($0.id, $0.provenance) }
      + generation.map { ($0.id, $0.provenance) } + equipment.map { ($0.id, $0.provenance) }
      + [
        ("mfu", mfu.provenance), ("inference-profiles", profiles.provenance), ("calibration", measurements.provenance),
      ]
  }

  /// The private figures of the items with the given ids (all items when nil), by file then field.
  public func privateFigures(of ids: Set<String>? = nil) -> [PrivateFigure] {
    provenances.filter { ids?.contains($0.id) ?? true }.flatMap { item in
      item.provenance.privateFields.map { field in
        PrivateFigure(
          file: item.provenance.file ?? files[item.id] ?? item.id, field: field,
          note: item.provenance.marks[field]?.note ?? "")
      }
    }.sorted { ($0.file, $0.field) < ($1.file, $1.field) }
  }
}
