import GRDB
import HeadroomModel

/// A row of `export_policies`: what a rule set says about shipping one accelerator to one country.
///
/// `decision` is `allowed`, `licensed` or `denied`; `fee_share` is a share of the sale price (0…1);
/// `cap_tpp` a cumulative cap in TPP units between `cap_from_year` and `cap_to_year`;
/// `destination_rule` names the destination rule that decided (NULL: no rule covers it, so allowed).
public struct ExportPolicyRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "export_policies"

  public var ruleId: String
  public var countryId: String
  public var acceleratorId: String
  public var eccn: String
  public var decision: String
  public var review: String?
  public var feeShare: Double?
  public var capTpp: Double?
  public var capFromYear: Int?
  public var capToYear: Int?
  public var destinationRule: String?

  enum CodingKeys: String, CodingKey, CaseIterable {
    case ruleId = "rule_id"
    case countryId = "country_id"
    case acceleratorId = "accelerator_id"
    case eccn, decision
    case review
    case feeShare = "fee_share"
    case capTpp = "cap_tpp"
    case capFromYear = "cap_from_year"
    case capToYear = "cap_to_year"
    case destinationRule = "destination_rule"
  }

  /// The table's columns.
  public enum Columns {
    public static let ruleId = Column(CodingKeys.ruleId)
    public static let countryId = Column(CodingKeys.countryId)
    public static let acceleratorId = Column(CodingKeys.acceleratorId)
    public static let decision = Column(CodingKeys.decision)
  }
}

extension ExportPolicyRecord {
  /// The row for one decision.
  public init(
    rules: String, country: String, accelerator: String, eccn: String, policy: ExportPolicy,
    destinationRule: String?
  ) {
    self.init(
      ruleId: rules, countryId: country, acceleratorId: accelerator, eccn: eccn,
      decision: policy.decision.rawValue, review: policy.review, feeShare: policy.fee,
      capTpp: policy.cap?.tpp, capFromYear: policy.cap?.fromYear, capToYear: policy.cap?.toYear,
      destinationRule: destinationRule)
  }
}

extension ExportPolicyRecord {
  /// Inserts rows through one prepared statement: the table has a row per rule set x country x
  /// accelerator, more than all other catalog tables together, and skipping the per-record encoder
  /// keeps `db build` quick.
  static func insertAll(_ records: some Sequence<ExportPolicyRecord>, into db: Database) throws {
    let columns = CodingKeys.allCases.map(\.stringValue)
    let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
    let statement = try db.cachedStatement(
      sql: "INSERT INTO \(databaseTableName) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))")
    for record in records {
      let values: [(any DatabaseValueConvertible)?] = [
        record.ruleId, record.countryId, record.acceleratorId, record.eccn, record.decision, record.review,
        record.feeShare, record.capTpp, record.capFromYear, record.capToYear, record.destinationRule,
      ]
      try statement.execute(arguments: StatementArguments(values))
    }
  }
}
