import Foundation
import GRDB

/// A row of `runs`: one saved run of `walls`, `whatif`, `sweep`, `plan` or `batch`.
///
/// `data_hash` is the ``DataHash`` of the data folders the run read; `objective` the solver's
/// objective value (NULL when the run has none).
public struct RunRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "runs"

  /// Assigned by SQLite on insert (never reused: AUTOINCREMENT).
  public var id: Int64?
  public var kind: String
  public var scenario: String?
  public var dataHash: String
  public var solverName: String
  public var solverVersion: String
  public var createdAt: Date
  public var objective: Double?
  /// The demand case and wall threshold of a walls run (schema v2; NULL for older runs and other kinds).
  public var demandCase: String?
  public var wallThreshold: Double?
  /// The site of a plan run, and the sample count of a sweep (schema v4; NULL otherwise).
  public var siteId: String?
  public var sampleCount: Int?

  enum CodingKeys: String, CodingKey {
    case id, kind, scenario
    case dataHash = "data_hash"
    case solverName = "solver_name"
    case solverVersion = "solver_version"
    case createdAt = "created_at"
    case objective
    case demandCase = "demand_case"
    case wallThreshold = "wall_threshold"
    case siteId = "site_id"
    case sampleCount = "sample_count"
  }

  /// The table's columns.
  public enum Columns {
    public static let id = Column(CodingKeys.id)
    public static let kind = Column(CodingKeys.kind)
    public static let createdAt = Column(CodingKeys.createdAt)
  }

  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
