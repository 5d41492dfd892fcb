/// A run read back from the history: its id and everything saved with it.
public struct StoredRun: Sendable, Hashable, Identifiable {
  public var id: Int64
  public var summary: RunSummary

  public init(id: Int64, summary: RunSummary) {
    self.id = id
    self.summary = summary
  }
}
