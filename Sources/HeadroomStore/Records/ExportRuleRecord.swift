import GRDB
import HeadroomModel

/// A row of `export_rules`: a rule set with its dates (`YYYY-MM-DD`) and the set it amends.
public struct ExportRuleRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "export_rules"

  public var id: String
  public var name: String
  public var citation: String?
  public var effective: String
  public var rescinded: String?
  /// False for counterfactual rules kept for what-if runs (never in force).
  public var enforced: Bool
  public var parentId: String?
  public var file: String?

  enum CodingKeys: String, CodingKey {
    case id, name, citation, effective, rescinded, enforced
    case parentId = "parent_id"
    case file
  }

  /// The table's columns.
  public enum Columns {
    public static let id = Column(CodingKeys.id)
    public static let effective = Column(CodingKeys.effective)
    public static let enforced = Column(CodingKeys.enforced)
  }
}

extension ExportRuleRecord {
  /// The row for a rule set as written in its file (unresolved).
  public init(_ rules: ExportRuleSet, file: String?) {
    self.init(
      id: rules.id, name: rules.name, citation: rules.citation, effective: rules.effective.description,
      rescinded: rules.rescinded?.description, enforced: rules.enforced, parentId: rules.parent,
      file: file)
  }
}
