/// A note that takes items out of control, e.g. Note 2 to 3A090 for parts not made for data centres.
public struct Exclusion: Sendable, Hashable {
  /// How the rule text names it, e.g. "Note 2 to 3A090".
  public var name: String
  /// Items meeting every threshold are excluded.
  public var criteria: ItemCriteria

  public init(name: String, criteria: ItemCriteria) {
    self.name = name
    self.criteria = criteria
  }
}
