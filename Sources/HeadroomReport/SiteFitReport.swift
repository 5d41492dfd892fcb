import HeadroomModel
import HeadroomPlanner

/// The `fit` command's tables and JSON: systems that fit a site in a year, its time to power, and what bridges it.
public enum SiteFitReport {
  /// The report for a study.
  public static func report(_ study: SiteFitStudy) -> Report {
    var tables: [Table] = []
    var json: [(String, JSONValue)] = []
    if let fit = study.fit {
      let base = fitReport(fit, site: study.site.energised(study.timeToPower))
      tables += base.tables
      if case .object(let pairs) = base.json { json = pairs }
    } else {
      var table = Table(
        title:
          "0 systems fit \(study.site.id) in \(study.year): time to power (no grid power counts before \(study.timeToPower.firstGridYear.map(String.init) ?? "?"))",
        columns: [.init("limit"), .init("basis")])
      table.append([
        "time to power",
        "stated IT \(study.statedITPower.formatted()), energised \(study.energisedITPower.formatted())",
      ])
      tables.append(table)
      json = [
        ("site", .string(study.site.id)), ("year", .number(Double(study.year))), ("systems", .number(0)),
        ("binding", .string("time to power")),
      ]
    }
    if let table = timeToPower(study) { tables.append(table) }
    if let table = bridges(study) { tables.append(table) }
    json.append(("statedITPowerMW", .number(study.statedITPower.megawatts)))
    json.append(("energisedITPowerMW", .number(study.energisedITPower.megawatts)))
    json.append(("firstGridYear", .number(study.timeToPower.firstGridYear.map(Double.init))))
    json.append(
      ("bridges", .array(study.bridges.map { .object(bridgeRecord($0)) })))
    return Report(tables: tables, json: .object(json), data: dataTables(study))
  }

  static func timeToPower(_ study: SiteFitStudy) -> Table? {
    let ttp = study.timeToPower
    guard ttp.gridRequested != nil || ttp.equipmentOrdered != nil else { return nil }
    var table = Table(
      title: "Time to power: "
        + (ttp.isDelayed ? "no grid power before \(ttp.firstGridYear.map(String.init) ?? "?")" : "as stated"),
      columns: [.init("phase", .right), .init("grid supply", .right), .init("counts from", .right), .init("held by")])
    for phase in ttp.phases {
      table.append([
        "\(phase.statedYear)", phase.power.formatted(), "\(phase.firstYear)",
        phase.heldBy.isEmpty ? ReportText.absent : phase.heldBy.map(\.rawValue).joined(separator: ", "),
      ])
    }
    if let requested = ttp.gridRequested, let ready = ttp.queueReady {
      table.notes.append(
        "Queue: requested \(requested) + \(ReportText.years(ttp.timeToEnergise)) in \(ttp.region ?? study.site.country)"
          + (ttp.queueDelayYears > 0 ? " + \(ttp.queueDelayYears) year(s) of queue rules" : "") + " = \(ready).")
    }
    if let ordered = ttp.equipmentOrdered {
      table.notes.append(
        "Equipment ordered \(ordered): "
          + ttp.deliveries.map { "\($0.equipment) \(ReportText.years($0.leadTime)) -> \($0.arrives)" }.joined(
            separator: "; ") + ".")
    }
    return table
  }

  static func bridges(_ study: SiteFitStudy) -> Table? {
    guard study.statedITPower > study.energisedITPower || !study.bridges.isEmpty else { return nil }
    var table = Table(
      title:
        "What bridges the \((study.statedITPower - study.energisedITPower).formatted()) of IT power the grid does not give in \(study.year)",
      columns: [
        .init("option"), .init("counts from", .right), .init("nameplate", .right), .init("capex", .right),
        .init("fuel+O&M a year", .right), .init("CO2 a year", .right), .init("air permit"),
      ])
    for bridge in study.bridges {
      table.append([
        bridge.option, "\(bridge.firstYear)", bridge.nameplate.formatted(), bridge.capex.formatted(),
        bridge.operatingPerYear.formatted(), bridge.co2PerYear.formatted(),
        bridge.withinAirPermit.map { $0 ? "within" : "exceeds" } ?? (bridge.combustion ? "none stated" : "n/a"),
      ])
    }
    if let note = study.bridgeNote { table.notes.append(note) }
    table.notes.append(
      "Nameplate = IT gap / (availability x derating / redundancy / PUE); a year at firm output; options ordered on the site's behind_the_meter.ordered day."
    )
    return table
  }

  static func fitReport(_ fit: SiteFit, site: Site) -> Report {
    var summary = Table(
      title:
        "\(ReportText.grouped(Double(fit.systems))) x \(fit.system) (\(ReportText.grouped(Double(fit.accelerators))) accelerators) fit \(site.id) in \(fit.year); \(fit.binding.rawValue) binds",
      columns: [.init("limit"), .init("systems allowed", .right), .init("headroom", .right), .init("basis")])
    let supply = site.supply(in: fit.year) ?? .zero
    for limit in SiteFit.Limit.allCases {
      guard let capacity = fit.capacityByLimit[limit] else { continue }
      let basis: String
      switch limit {
      case .sitePower:
        basis =
          "\(supply.formatted()) x \(NumberText.plain(site.derating, 3)) derating / \(NumberText.plain(site.redundancy.factor, 3)) (\(site.redundancy)) / PUE \(NumberText.plain(site.pue, 3)) = \(fit.itPower.formatted()) IT; \(fit.systemPower.formatted()) per system"
      case .rackPower, .rackCount, .floorSpace:
        basis = "\(Cells.grouped(Double(fit.racksAvailable))) usable racks in compatible halls"
      case .cooling: basis = ""
      }
      let headroom = limit == fit.binding ? "binds" : "+" + Cells.grouped(Double(max(0, capacity - fit.systems)))
      summary.append([limit.rawValue, "\(capacity)", headroom, basis])
    }
    summary.notes = [
      "IT power used \(fit.itPowerUsed.formatted()) of \(fit.itPower.formatted()) (\(NumberText.plain(fit.itPowerUsed / fit.itPower * 100, 3)) %); facility power \(fit.facilityPowerUsed.formatted()).",
      "Racks used \(Cells.grouped(Double(fit.racksUsed))) of \(Cells.grouped(Double(fit.racksAvailable))).",
    ]
    var hallTable = Table(
      title: "Halls: what each could hold on its own (site power is shared and applied above)",
      columns: [
        .init("hall"), .init("cooling"), .init("rack power", .right), .init("racks", .right),
        .init("usable racks", .right), .init("per rack", .right), .init("capacity (systems)", .right),
        .init("hall limit / reason"),
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
      ("limits", .array(limitRecords(fit).map { .object($0) })),
      ("itPowerAvailableMW", .number(fit.itPower.megawatts)), ("itPowerUsedMW", .number(fit.itPowerUsed.megawatts)),
      ("facilityPowerUsedMW", .number(fit.facilityPowerUsed.megawatts)),
      ("racksUsed", .number(Double(fit.racksUsed))), ("racksAvailable", .number(Double(fit.racksAvailable))),
      ("halls", .array(fit.halls.map { .object(hallRecord($0)) })),
    ])
    return Report(tables: [summary, hallTable], json: json)
  }

  /// What each limit allows and the headroom it leaves.
  static func limitRecords(_ fit: SiteFit) -> [[(String, JSONValue)]] {
    SiteFit.Limit.allCases.compactMap { limit in
      guard let capacity = fit.capacityByLimit[limit] else { return nil }
      return [
        ("limit", .string(limit.rawValue)), ("systemsAllowed", .number(Double(capacity))),
        ("headroomSystems", .number(Double(max(0, capacity - fit.systems)))), ("binds", .bool(limit == fit.binding)),
      ]
    }
  }

  static func hallRecord(_ hall: SiteFit.HallFit) -> [(String, JSONValue)] {
    [
      ("hall", .string(hall.hall)), ("systems", .number(Double(hall.systems))),
      ("usableRacks", .number(Double(hall.usableRacks))), ("excluded", .string(hall.excluded)),
      ("binding", .string(hall.binding?.rawValue)),
    ]
  }

  static func bridgeRecord(_ bridge: SiteFitStudy.Bridge) -> [(String, JSONValue)] {
    [
      ("option", .string(bridge.option)), ("firstYear", .number(Double(bridge.firstYear))),
      ("orderedOn", .string(bridge.orderedOn.description)), ("nameplateMW", .number(bridge.nameplate.megawatts)),
      ("capexUSD", .number(bridge.capex.dollars)), ("operatingUSDPerYear", .number(bridge.operatingPerYear.dollars)),
      ("co2TonnesPerYear", .number(bridge.co2PerYear.tonnes)),
      ("withinAirPermit", bridge.withinAirPermit.map { .bool($0) } ?? .null),
    ]
  }

  /// The data tables: limits (main), halls, phases, bridges.
  static func dataTables(_ study: SiteFitStudy) -> [DataTable] {
    var limits = DataTable(
      name: "limits", rowMeaning: "one row per limit: systems it allows and the headroom it leaves",
      columns: ["site", "system", "year", "limit", "systemsAllowed", "headroomSystems", "binds"])
    if let fit = study.fit {
      for record in limitRecords(fit) {
        limits.append(
          [("site", .string(study.site.id)), ("system", .string(fit.system)), ("year", .number(Double(fit.year)))]
            + record)
      }
    } else {
      limits.append([
        ("site", .string(study.site.id)), ("system", .null), ("year", .number(Double(study.year))),
        ("limit", .string("time to power")), ("systemsAllowed", .number(0)), ("headroomSystems", .number(0)),
        ("binds", .bool(true)),
      ])
    }
    return [
      limits,
      DataTable(
        name: "halls", rowMeaning: "one row per hall: systems placed, usable racks, what limits it",
        columns: ["hall", "systems", "usableRacks", "excluded", "binding"],
        records: (study.fit?.halls ?? []).map(hallRecord)),
      DataTable(
        name: "phases", rowMeaning: "one row per grid phase: stated year, power, first year it counts, what held it",
        columns: ["statedYear", "gridMW", "firstYear", "heldBy"],
        records: study.timeToPower.phases.map(SitePlanReport.phaseRecord)),
      DataTable(
        name: "bridges", rowMeaning: "one row per behind-the-meter option that could bridge the grid's wait",
        columns: [
          "option", "firstYear", "orderedOn", "nameplateMW", "capexUSD", "operatingUSDPerYear", "co2TonnesPerYear",
          "withinAirPermit",
        ], records: study.bridges.map(bridgeRecord)),
    ]
  }
}
