import ArgumentParser
import HeadroomCatalog
import HeadroomModel
import HeadroomPlanner
import HeadroomReport

/// `headroom fit`: how many systems of a kind fit a site in a year, and which limit binds.
struct FitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fit",
    abstract: "How many systems fit a site in a year, which limit binds and the headroom on the others.",
    discussion: """
      Example: headroom fit --site dublin-colo-hall --system hgx-h200
      A system that cannot go in at all (a liquid-cooled rack in an air-cooled hall, a rack limit below one
      rack-scale system) is an error naming the site file, line, field and value.
      """
  )

  @OptionGroup var options: CommonOptions

  @Option(help: "Site id (see Grids/sites).") var site: String
  @Option(help: "System id (see 'headroom catalog list').") var system: String
  @Option(parsing: .unconditional, help: "Year (default: the site's last phase).") var year: Int?

  func run() throws {
    try reportingErrors {
      let catalog = try options.loadCatalog()
      let site = try catalog.site(site)
      let system = try catalog.system(system)
      let year = year ?? site.phaseYears.last!
      let fit: SiteFit
      do throws(SiteFitter.Refusal) {
        fit = try SiteFitter().fit(system, into: site, in: year)
      } catch {
        throw CommandError(error.description)
      }
      options.emit(Self.report(fit, site: site, system: system))
    }
  }

  static func report(_ fit: SiteFit, site: Site, system: AcceleratorSystem) -> Report {
    var summary = Table(
      title:
        "\(Cells.grouped(Double(fit.systems))) x \(system.id) (\(Cells.grouped(Double(fit.accelerators))) accelerators) fit \(site.id) in \(fit.year); \(fit.binding.rawValue) binds",
      columns: [.init("limit"), .init("systems allowed", .right), .init("headroom", .right), .init("basis")])
    let supply = site.supply(in: fit.year) ?? .zero
    for limit in SiteFit.Limit.allCases {
      guard let capacity = fit.capacityByLimit[limit] else { continue }
      let basis: String
      switch limit {
      case .sitePower:
        basis =
          "\(supply.formatted()) x \(NumberText.plain(site.derating, 3)) derating / \(NumberText.plain(site.redundancy.factor, 3)) (\(site.redundancy)) / PUE \(NumberText.plain(site.pue, 3)) = \(fit.itPower.formatted()) IT; \(system.power.formatted()) per system"
      case .rackPower, .rackCount, .floorSpace:
        basis = "\(fit.racksAvailable) usable racks in compatible halls"
      case .cooling: basis = ""
      }
      let headroom = limit == fit.binding ? "binds" : "+\(max(0, capacity - fit.systems))"
      summary.append([limit.rawValue, "\(capacity)", headroom, basis])
    }
    summary.notes = [
      "IT power used \(fit.itPowerUsed.formatted()) of \(fit.itPower.formatted()) (\(NumberText.plain(fit.itPowerUsed / fit.itPower * 100, 3)) %); facility power \(fit.facilityPowerUsed.formatted()).",
      "Racks used \(fit.racksUsed) of \(fit.racksAvailable).",
    ]
    var hallTable = Table(
      title: "Halls",
      columns: [
        .init("hall"), .init("cooling"), .init("rack power", .right), .init("racks", .right),
        .init("usable racks", .right), .init("per rack", .right), .init("systems", .right), .init("limit / reason"),
      ])
    for (hall, detail) in zip(site.halls, fit.halls) {
      let perRack = detail.racksPerSystem > 1 ? "1 per \(detail.racksPerSystem) racks" : "\(detail.systemsPerRack)"
      hallTable.append([
        hall.id, hall.cooling.rawValue, hall.rackPower.formatted(), "\(hall.racks)", "\(detail.usableRacks)",
        detail.excluded == nil ? perRack : "—", "\(detail.systems)",
        detail.excluded.map { "cannot: \($0)" } ?? (detail.binding?.rawValue ?? ""),
      ])
    }
    let json = JSONValue.object([
      ("site", .string(fit.site)), ("system", .string(fit.system)), ("year", .number(Double(fit.year))),
      ("systems", .number(Double(fit.systems))), ("accelerators", .number(Double(fit.accelerators))),
      ("binding", .string(fit.binding.rawValue)),
      (
        "capacity",
        .object(
          fit.capacityByLimit.sorted { $0.key.rawValue < $1.key.rawValue }.map {
            ($0.key.rawValue, .number(Double($0.value)))
          })
      ),
      ("itPowerMW", .number(fit.itPower.megawatts)), ("itPowerUsedMW", .number(fit.itPowerUsed.megawatts)),
      ("facilityPowerUsedMW", .number(fit.facilityPowerUsed.megawatts)),
      ("racksUsed", .number(Double(fit.racksUsed))), ("racksAvailable", .number(Double(fit.racksAvailable))),
      (
        "halls",
        .array(
          fit.halls.map {
            .object([
              ("hall", .string($0.hall)), ("systems", .number(Double($0.systems))),
              ("usableRacks", .number(Double($0.usableRacks))),
              ("excluded", .string($0.excluded)), ("binding", .string($0.binding?.rawValue)),
            ])
          })
      ),
    ])
    return Report(tables: [summary, hallTable], json: json)
  }
}
