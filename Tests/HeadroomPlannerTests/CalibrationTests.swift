import HeadroomCatalog
import HeadroomModel
import HeadroomPlanner
import HeadroomTestSupport
import Testing

/// The calibration: every published training run and MLPerf Inference result in the data, sized by
/// Headroom with its defaults, within the stated tolerances.
@Suite struct CalibrationTests {
  static let calibration: Calibration = {
    do {
      return try Calibration(catalog: Repository.catalog)
    } catch {
      fatalError("the repository's calibration does not size: \(error)")
    }
  }()

  @Test func probe() throws {
    let c = Self.calibration
    for t in c.training {
      print("T", t.id, t.accelerator, t.role.rawValue, t.metric, t.published, (t.headroom * 1000).rounded() / 1000, (t.error * 1000).rounded() / 10, t.leaveOneOutError.map { ($0 * 1000).rounded() / 10 } as Any, t.mfu.mfu)
    }
    for i in c.inference {
      print("I", i.id, i.role.rawValue, i.published.rounded(), i.headroom.rounded(), (i.error * 1000).rounded() / 10, i.efficiency.compute, i.replica, i.batch)
    }
    for o in c.orderings { print("O", o.numerator, o.denominator, o.published, o.headroom) }
    print("fallback", c.fallback)
  }
}
