import Foundation
import HeadroomCatalog
import HeadroomModel
import HeadroomPlanner
import HeadroomTestSupport

/// Sizing fixtures on the repository's catalog (``Repository/catalog``).
enum SizingTestData {
  static var catalog: Catalog { Repository.catalog }

  /// A facility with a PUE and nothing else, for tests that do not look at cost or CO2.
  static let bareFacility = Facility(name: "test", pue: 1.2)

  static func part(_ id: String) throws -> Accelerator { try catalog.accelerator(id) }

  static func power(_ part: Accelerator) -> PowerModel? { PowerModel(accelerator: part, systems: catalog.systems) }

  /// Sizes a run on a given count with an explicit MFU.
  static func train(
    parameters: Double, activeParameters: Double? = nil, tokens: Double, on id: String, count: Int,
    precision: Precision, mfu: Double
  ) throws -> TrainingEstimate {
    let accelerator = try part(id)
    let job = TrainingJob(
      parameters: parameters, activeParameters: activeParameters, tokens: tokens, accelerator: accelerator,
      precision: precision, mfu: mfu, size: .accelerators(count))
    return try job.estimate(power: power(accelerator), facility: bareFacility, unitPrice: nil)
  }

  /// Relative error of `observed` against `published`.
  static func error(_ observed: Double, _ published: Double) -> Double { (observed - published) / published }
}

extension Double {
  func isWithin(_ tolerance: Double, of other: Double) -> Bool {
    abs(self - other) <= tolerance * abs(other)
  }
}
