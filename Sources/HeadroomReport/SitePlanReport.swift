import HeadroomModel
import HeadroomPlanner

/// The `plan` command's tables and JSON: a site plan, its time to power and what bridges it.
public struct SitePlanReport {
  public var plan: SitePlan
  public var problem: SitePlanProblem
  public var workloads: Workloads
  public var overrides: [ScenarioOverride]
  public var solver: String
  public var seconds: Double
  public var timeLimit: Double
  public var gapTarget: Double

  public init(
    plan: SitePlan, problem: SitePlanProblem, workloads: Workloads, overrides: [ScenarioOverride], solver: String,
    seconds: Double, timeLimit: Double, gapTarget: Double
  ) {
    self.plan = plan
    self.problem = problem
    self.workloads = workloads
    self.overrides = overrides
    self.solver = solver
    self.seconds = seconds
    self.timeLimit = timeLimit
    self.gapTarget = gapTarget
  }

  static func money(_ millions: Double) -> String { NumberText.plain(millions, 4) }
  static func mw(_ value: Double) -> String { NumberText.plain(value, 4) }
  static func amount(_ value: Double) -> String { NumberText.plain(value, 4) }
  static func percent(_ share: Double) -> String { NumberText.plain(share * 100, 3) + " %" }

  /// Tables for people and one JSON document.
  public func report() -> Report {
    Report(
      tables: [
        summaryTable(), timeToPowerTable(), generationTable(), buildTable(), workloadTable(), costTable(),
        shortfallTable(), candidateTable(),
      ]
      .compactMap { $0 },
      json: json(), data: dataTables())
  }

  /// When the grid phases energise and what held them (sites with a grid request or equipment order).
  func timeToPowerTable() -> Table? {
    guard let ttp = plan.timeToPower else { return nil }
    var title = "Time to power: "
    if let first = ttp.firstGridYear {
      title += ttp.isDelayed ? "no grid power before \(first)" : "the grid phases energise as stated"
    }
    var table = Table(
      title: title,
      columns: [
        .init("phase", .right), .init("grid supply", .right), .init("counts from", .right), .init("held by"),
      ])
    for phase in ttp.phases {
      table.append([
        "\(phase.statedYear)", phase.power.formatted(), "\(phase.firstYear)",
        phase.heldBy.isEmpty ? ReportText.absent : phase.heldBy.map(\.rawValue).joined(separator: ", "),
      ])
    }
    if let requested = ttp.gridRequested, let ready = ttp.queueReady {
      table.notes.append(
        "Queue: requested \(requested) + \(ReportText.years(ttp.timeToEnergise)) to energise in \(ttp.region ?? plan.country)"
          + (ttp.queueDelayYears > 0 ? " + \(ttp.queueDelayYears) year(s) of queue rules" : "") + " = \(ready).")
    }
    if let ordered = ttp.equipmentOrdered {
      table.notes.append(
        "Equipment ordered \(ordered): "
          + ttp.deliveries.map { "\($0.equipment) \(ReportText.years($0.leadTime)) -> \($0.arrives)" }.joined(
            separator: "; ")
          + ".")
    }
    table.notes.append("A phase counts from the first 1 January after the queue and the equipment both allow it.")
    return table
  }

  /// Behind-the-meter capacity built, its output, cost and CO2, by year.
  func generationTable() -> Table? {
    guard !problem.generation.isEmpty else { return nil }
    var table = Table(
      title: "Behind the meter: what bridges the grid",
      columns: [
        .init("year", .right), .init("option"), .init("nameplate MW", .right), .init("built MW", .right),
        .init("IT MW", .right), .init("output MW", .right), .init("capex $M", .right), .init("fuel+O&M $M", .right),
        .init("t CO2", .right),
      ])
    for entry in plan.generation {
      table.append([
        "\(entry.year)", entry.option, Self.mw(entry.nameplateMegawatts), Self.mw(entry.builtMegawatts),
        Self.mw(entry.itMegawatts), Self.mw(entry.outputMegawatts), Self.money(entry.capexMillions),
        Self.money(entry.operatingMillions), ReportText.grouped(entry.tonnesCO2),
      ])
    }
    if plan.generation.isEmpty { table.notes.append("Nothing is built behind the meter.") }
    for option in problem.generation { table.notes.append("\(option.id): \(option.note)") }
    if let permit = problem.airPermitMegawatts {
      table.notes.append("Air permit: \(Self.mw(permit)) MW of combustion nameplate.")
    }
    return table
  }

  var years: String { "\(plan.years.first ?? 0)-\(plan.years.last ?? 0)" }

  func summaryTable() -> Table {
    let short =
      plan.shortfalls.isEmpty
      ? "all workloads met" : "\(plan.shortfalls.count) shortfall\(plan.shortfalls.count == 1 ? "" : "s")"
    var table = Table(
      title:
        "Site plan: \(plan.site) (\(plan.country)), \(years), workloads '\(workloads.id)': \(plan.statusText); \(short)",
      columns: [
        .init("year"), .init("bought", .right), .init("accelerators", .right), .init("IT MW used", .right),
        .init("IT MW available", .right), .init("racks used", .right), .init("usable racks", .right),
        .init("capex $M", .right), .init("energy $M", .right), .init("binding"),
      ])
    for year in plan.yearSummaries {
      table.append([
        "\(year.year)", ReportText.grouped(Double(year.systemsBought)),
        ReportText.grouped(Double(year.acceleratorsInstalled)),
        Self.mw(year.itUsedMegawatts), Self.mw(year.itAvailableMegawatts), ReportText.grouped(Double(year.racksUsed)),
        ReportText.grouped(Double(year.usableRacks)), Self.money(year.capexMillions), Self.money(year.energyMillions),
        year.bindingText,
      ])
    }
    table.notes = [
      "Solver: \(solver), \(NumberText.plain(seconds, 3)) s (limit \(NumberText.plain(timeLimit, 3)) s, target gap \(Self.percent(gapTarget))); MIP objective \(Money(dollars: plan.objective * 1e6).formatted()) (discounted costs"
        + (plan.shortfalls.isEmpty ? ")" : " plus shortfall penalties)")
        + (plan.gap.map { ", gap \(Self.percent($0)) on the cost" } ?? "") + ".",
      "IT power available = supply x derating / redundancy / PUE; binding = at capacity (99.5 % used, or no further candidate fits).",
    ]
    if !overrides.isEmpty { table.notes.append("Overrides: " + overrides.map(\.description).joined(separator: ", ")) }
    return table
  }

  func buildTable() -> Table {
    var table = Table(
      title: "Build plan by year and hall",
      columns: [
        .init("year"), .init("hall"), .init("system"), .init("bought", .right), .init("installed", .right),
        .init("accelerators", .right), .init("racks", .right), .init("IT MW", .right),
      ])
    for build in plan.builds {
      table.append([
        "\(build.year)", build.hall, build.system, ReportText.grouped(Double(build.bought)),
        ReportText.grouped(Double(build.installed)),
        ReportText.grouped(Double(build.accelerators)), ReportText.grouped(Double(build.racks)),
        Self.mw(build.itMegawatts),
      ])
    }
    if plan.builds.isEmpty { table.notes = ["Nothing is built."] }
    let full = plan.years.map { year in
      let halls = plan.hallYears.filter { $0.year == year && $0.isFull }.map(\.hall)
      return halls.isEmpty
        ? "none" : halls.count == Set(plan.hallYears.map(\.hall)).count ? "all" : halls.joined(separator: ", ")
    }
    if full.contains(where: { $0 != "none" }) {
      let spans = Self.compress(full, years: plan.years).components(separatedBy: "; ").filter {
        !$0.hasSuffix(": none")
      }
      table.notes.append("Full halls (no further candidate fits): " + spans.joined(separator: "; ") + ".")
    }
    return table
  }

  func workloadTable() -> Table {
    var table = Table(
      title: "Workloads",
      columns: [
        .init("workload"), .init("kind"), .init("when"), .init("required", .right), .init("served", .right),
        .init("short", .right), .init("unit"), .init("on"), .init("cost"),
      ])
    for run in plan.training {
      let on = systemsUsed(run.id)
      table.append([
        run.id, "training", "\(run.start) to \(run.deadline)" + (run.finishYear.map { ", done \($0)" } ?? ""),
        Self.amount(run.requiredYottaflop), Self.amount(run.servedYottaflop), Self.amount(run.shortYottaflop), "YFLOP",
        on, "\(Self.money(run.costMillions)) $M per run",
      ])
    }
    for service in plan.services {
      for year in service.years where year.demandedMillionTokensPerSecond > 0 || year.servedMillionTokensPerSecond > 0 {
        table.append([
          service.id, "inference (\(service.model))", "\(year.year)", Self.amount(year.demandedMillionTokensPerSecond),
          Self.amount(year.servedMillionTokensPerSecond), Self.amount(year.shortMillionTokensPerSecond), "M tokens/s",
          systemsUsed(service.id, year: year.year),
          service.costPerMillionTokens.map { "\(NumberText.plain($0, 3)) $/M tokens" } ?? ReportText.absent,
        ])
      }
    }
    table.notes = [
      "1 YFLOP = 10^24 FLOP; a training run needs 6 x active parameters x tokens. 'on' lists system-years used.",
      "Per-run and per-token costs: energy of the system-years used plus capex amortised over \(Int(SitePlan.amortisationYears)) years, undiscounted.",
    ]
    return table
  }

  func systemsUsed(_ workload: String, year: Int? = nil) -> String {
    var byYearSystem: [(String, Double)] = []
    for assignment in plan.assignments where assignment.workload == workload && (year == nil || assignment.year == year)
    {
      let key = year == nil ? "\(assignment.system) \(assignment.year)" : assignment.system
      byYearSystem.append((key, assignment.systemYears))
    }
    if byYearSystem.isEmpty { return ReportText.absent }
    return byYearSystem.map { "\($0.0): \(NumberText.plain($0.1, 4))" }.joined(separator: ", ")
  }

  func costTable() -> Table {
    var table = Table(
      title: "Costs (millions of USD)",
      columns: [.init("item"), .init("present value", .right), .init("as paid", .right), .init("basis")])
    let rate = NumberText.plain(problem.discountRate * 100, 3)
    table.append([
      "capex", Self.money(plan.costs.capexPresent), Self.money(plan.costs.capex),
      "systems bought, discounted at \(rate) % a year",
    ])
    if plan.costs.licenceFees > 0 {
      table.append([
        "  of which licence fees", ReportText.absent, Self.money(plan.costs.licenceFees),
        "fee or tariff on licensed parts",
      ])
    }
    table.append([
      "energy", Self.money(plan.costs.energyPresent), Self.money(plan.costs.energy),
      "\(NumberText.plain(problem.electricityUSDPerMWh, 4)) USD/MWh (\(problem.country)) x PUE \(NumberText.plain(problem.pue, 3))",
    ])
    if !problem.generation.isEmpty {
      table.append([
        "behind-the-meter capex", Self.money(plan.costs.generationCapexPresent), Self.money(plan.costs.generationCapex),
        "nameplate x USD/kW (Grids/generation)",
      ])
      table.append([
        "behind-the-meter fuel+O&M", Self.money(plan.costs.generationOperatingPresent),
        Self.money(plan.costs.generationOperating),
        "\(ReportText.grouped(plan.costs.generationTonnesCO2)) t CO2; output replaces grid energy",
      ])
    }
    table.append(["total", Self.money(plan.costs.totalPresent), Self.money(plan.costs.total), ""])
    for run in plan.training {
      table.append([
        "per training run: \(run.id)", ReportText.absent, Self.money(run.costMillions),
        "energy \(Self.money(run.energyMillions)) + amortised capex",
      ])
    }
    for service in plan.services {
      table.append([
        "per million tokens: \(service.id)", ReportText.absent, ReportText.absent,
        service.costPerMillionTokens.map {
          "\(NumberText.plain($0, 4)) USD per million output tokens (\(Self.money(service.costMillions)) $M over \(NumberText.plain(service.millionTokensServed / 1e6, 4)) trillion tokens)"
        } ?? "nothing served",
      ])
    }
    return table
  }

  func shortfallTable() -> Table? {
    var table = Table(
      title: "Shortfalls",
      columns: [
        .init("workload"), .init("year"), .init("short", .right), .init("unit"), .init("share", .right), .init("why"),
      ])
    for shortfall in plan.shortfalls {
      table.append([
        shortfall.workload, shortfall.year.map(String.init) ?? "window", Self.amount(shortfall.amount), shortfall.unit,
        Self.percent(shortfall.share), shortfall.explanation,
      ])
    }
    if plan.shortfalls.isEmpty { return nil }
    for diagnosis in plan.diagnoses {
      table.notes.append(
        "Relaxing \(diagnosis.relaxations.map(\.rawValue).joined(separator: " + ")): shortfall share \(NumberText.plain(diagnosis.shortShareBefore, 4)) -> \(NumberText.plain(diagnosis.shortShareAfter, 4))"
      )
    }
    return table
  }

  func candidateTable() -> Table {
    var table = Table(
      title: "Candidate systems",
      columns: [
        .init("system"), .init("accelerators", .right), .init("kW", .right), .init("price $M", .right),
        .init("price basis"),
        .init("halls"), .init("export decision by year"), .init("bought", .right),
      ])
    for candidate in plan.candidates {
      table.append([
        candidate.system, "\(candidate.accelerators) x \(candidate.accelerator)",
        NumberText.plain(candidate.megawatts * 1000, 4),
        Self.money(candidate.priceMillions), candidate.priceBasis.rawValue,
        candidate.halls.count == problem.halls.count && problem.halls.count > 2
          ? "all \(problem.halls.count)" : candidate.halls.joined(separator: ", "),
        Self.compress(candidate.policy, years: plan.years), ReportText.grouped(Double(candidate.bought)),
      ])
    }
    table.notes = plan.notes
    if !problem.excludedSystems.isEmpty {
      table.notes.append(
        "Left out, no hall takes them: "
          + problem.excludedSystems.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(separator: "; ")
      )
    }
    return table
  }

  /// Per-year texts grouped into runs of equal years: "2026-2027: denied …; 2028-2030: licensed …".
  static func compress(_ texts: [String], years: [Int]) -> String {
    var parts: [String] = []
    var start = 0
    for index in texts.indices where index == texts.count - 1 || texts[index + 1] != texts[index] {
      let span = start == index ? "\(years[start])" : "\(years[start])-\(years[index])"
      parts.append(
        texts.count == 1 || (start == 0 && index == texts.count - 1) ? texts[index] : "\(span): \(texts[index])")
      start = index + 1
    }
    return parts.joined(separator: "; ")
  }
}
