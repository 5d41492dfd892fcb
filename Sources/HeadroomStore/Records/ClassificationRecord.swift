import GRDB
import HeadroomModel

/// A row of `classifications`: how one accelerator classifies under one (resolved) rule set.
///
/// `tpp` is the 3A090 total processing performance (TOPS × bits), `tpp_precision` the format that
/// sets it, `pd` the performance density (TPP per mm² of logic die; NULL without a die area). `clause`
/// is the paragraph (`a.1`…) or the exclusion that applied; `undetermined` lists clauses that could
/// not be tested for a missing figure.
public struct ClassificationRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "classifications"

  public var acceleratorId: String
  public var ruleId: String
  public var tpp: Double
  public var tppPrecision: String?
  public var pd: Double?
  public var eccn: String
  public var clause: String?
  public var undetermined: String?

  enum CodingKeys: String, CodingKey {
    case acceleratorId = "accelerator_id"
    case ruleId = "rule_id"
    case tpp
    case tppPrecision = "tpp_precision"
    case pd, eccn, clause, undetermined
  }

  /// The table's columns.
  public enum Columns {
    public static let acceleratorId = Column(CodingKeys.acceleratorId)
    public static let ruleId = Column(CodingKeys.ruleId)
    public static let tpp = Column(CodingKeys.tpp)
    public static let eccn = Column(CodingKeys.eccn)
  }
}

extension ClassificationRecord {
  /// The row for a computed classification.
  public init(accelerator: String, _ result: ExportClassification) {
    self.init(
      acceleratorId: accelerator, ruleId: result.rules, tpp: result.tpp.value,
      tppPrecision: result.tpp.precision?.rawValue, pd: result.performanceDensity, eccn: result.eccn,
      clause: result.clause,
      undetermined: result.undetermined.isEmpty ? nil : result.undetermined.joined(separator: "; "))
  }
}
