/// Long-lead electrical equipment a grid connection waits for: large power transformers, high-voltage
/// switchgear (`Grids/equipment/<id>.yaml`).
///
/// A site phase cannot energise before every such item, ordered on the site's `equipment_ordered` day, has
/// arrived: order + ``leadTime``.
public struct Equipment: Sendable, Hashable, Identifiable {
  public var id: String
  public var name: String
  /// From order to delivery.
  public var leadTime: TimeSpan
  public var provenance: Provenance

  public init(id: String, name: String, leadTime: TimeSpan, provenance: Provenance = .init()) {
    self.id = id
    self.name = name
    self.leadTime = leadTime
    self.provenance = provenance
  }
}
