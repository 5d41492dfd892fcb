import HeadroomModel
import HeadroomSolver

/// Turns a solution of a ``SitePlanProgram`` into a ``SitePlan``.
struct SitePlanReader {
  let problem: SitePlanProblem
  let program: SitePlanProgram
  let solution: Solution

  /// Installed systems per year, hall and system, in whole systems: the last year's as placed, an
  /// earlier year's fleet filled into the halls in site order up to the last year's placement (it
  /// always fits, because the fleet only grows).
  var counts: [[[Int]]] {
    let years = problem.years.indices
    let halls = problem.halls.indices
    let systems = problem.systems.indices
    // Counts are bounded by the program (racks, supply caps), so they are whole numbers in Int's range.
    func whole(_ variable: Variable?) -> Int {
      variable.map { max(0, Int(representing: solution.primal[$0.index]) ?? 0) } ?? 0
    }
    var result = years.map { _ in halls.map { _ in systems.map { _ in 0 } } }
    for s in systems {
      let capacity = halls.map { whole(program.placed[$0][s]) }
      for y in years {
        var remaining = whole(program.installed[y][s])
        for h in halls {
          let here = min(capacity[h], remaining)
          result[y][h][s] = here
          remaining -= here
        }
      }
    }
    return result
  }

  /// A shortfall, or 0 when it is below ``SitePlanner/shortfallTolerance`` of the requirement.
  func significant(_ amount: Double, of requirement: Double) -> Double {
    requirement > 0 && amount / requirement > SitePlanner.shortfallTolerance ? amount : 0
  }

  func value(_ variable: Variable?) -> Double {
    variable.map { max(0, solution.primal[$0.index]) } ?? 0
  }

  func plan(
    diagnoses: [SitePlan.Diagnosis], removedBy: [[SitePlanProgram.Relaxation]]
  ) -> SitePlan {
    let years = problem.years
    let counts = self.counts
    let energyPerMWYear = problem.energyMillionsPerITMegawattYear

    // Builds, bought systems and what was paid.
    var builds: [SitePlan.Build] = []
    var bought = years.map { _ in problem.systems.map { _ in 0 } }
    for (y, year) in years.enumerated() {
      for (h, hall) in problem.halls.enumerated() {
        for (s, system) in problem.systems.enumerated() {
          let now = counts[y][h][s]
          let new = now - (y > 0 ? counts[y - 1][h][s] : 0)
          bought[y][s] += max(0, new)
          guard now > 0, let placement = system.placements[h] else { continue }
          builds.append(
            SitePlan.Build(
              year: year, hall: hall.id, system: system.id, installed: now, bought: max(0, new),
              accelerators: now * system.accelerators, racks: placement.racks(for: now),
              itMegawatts: Double(now) * system.megawatts))
        }
      }
    }
    var paid = problem.systems.map { _ in 0.0 }
    var capexByYear = years.map { _ in 0.0 }
    var capexPresent = 0.0
    var fees = 0.0
    for y in years.indices {
      for (s, system) in problem.systems.enumerated() where bought[y][s] > 0 {
        let amount = Double(bought[y][s]) * system.price(inYear: y)
        paid[s] += amount
        capexByYear[y] += amount
        capexPresent += amount * problem.discount(y)
        fees += amount - Double(bought[y][s]) * system.priceMillions
      }
    }
    let totalBought = problem.systems.indices.map { s in bought.map { $0[s] }.reduce(0, +) }
    // Cost of one system-year of use: capex amortised straight-line plus energy.
    let perSystemYear = problem.systems.enumerated().map { s, system in
      let price = totalBought[s] > 0 ? paid[s] / Double(totalBought[s]) : system.priceMillions
      return price / SitePlan.amortisationYears + system.megawatts * energyPerMWYear
    }

    // Use of systems by workload.
    var assignments: [SitePlan.Assignment] = []
    var energyByYear = years.map { _ in 0.0 }
    var energyPresent = 0.0
    var training: [SitePlan.TrainingResult] = []
    for (j, run) in problem.training.enumerated() {
      var served = 0.0
      var cost = 0.0
      var energy = 0.0
      var finish: Int?
      for (y, year) in years.enumerated() {
        for (s, system) in problem.systems.enumerated() {
          let use = value(program.trainingUse[j][y][s])
          guard use > 1e-9 else { continue }
          let delivered = use * run.yottaflopPerSystemYear[s]
          served += delivered
          cost += use * perSystemYear[s]
          let spent = use * system.megawatts * energyPerMWYear
          energy += spent
          energyByYear[y] += spent
          energyPresent += spent * problem.discount(y)
          finish = year
          assignments.append(
            .init(workload: run.id, year: year, system: system.id, systemYears: use, delivered: delivered))
        }
      }
      training.append(
        SitePlan.TrainingResult(
          id: run.id, start: run.start, deadline: run.deadline, requiredYottaflop: run.computeYottaflop,
          servedYottaflop: served,
          shortYottaflop: significant(solution.shortfall(of: program.trainingDemand[j]), of: run.computeYottaflop),
          finishYear: finish, costMillions: cost, energyMillions: energy))
    }
    var services: [SitePlan.ServiceResult] = []
    for (i, service) in problem.inference.enumerated() {
      var serviceYears: [SitePlan.ServiceYear] = []
      var cost = 0.0
      var tokens = 0.0
      for (y, year) in years.enumerated() {
        var served = 0.0
        for (s, system) in problem.systems.enumerated() {
          let use = value(program.inferenceUse[i][y][s])
          guard use > 1e-9 else { continue }
          let delivered = use * service.millionTokensPerSecondPerSystem[s]
          served += delivered
          cost += use * perSystemYear[s]
          let spent = use * system.megawatts * energyPerMWYear
          energyByYear[y] += spent
          energyPresent += spent * problem.discount(y)
          assignments.append(
            .init(workload: service.id, year: year, system: system.id, systemYears: use, delivered: delivered))
        }
        let demanded = service.millionTokensPerSecond[y]
        let short = significant(
          program.inferenceDemand[i][y].map { solution.shortfall(of: $0) } ?? 0, of: service.millionTokensPerSecond[y])
        // Serve no more than demanded in the report (the LP may overshoot by its tolerance).
        let counted = min(served, demanded)
        tokens += counted * TimeSpan.year.seconds
        serviceYears.append(
          .init(
            year: year, demandedMillionTokensPerSecond: demanded, servedMillionTokensPerSecond: served,
            shortMillionTokensPerSecond: short))
      }
      services.append(
        .init(
          id: service.id, model: service.model, years: serviceYears, costMillions: cost, millionTokensServed: tokens))
    }

    // Behind the meter: capacity, output, costs and CO2; output displaces grid energy.
    var generation: [SitePlan.GenerationYear] = []
    var btmIT = years.map { _ in 0.0 }
    var generationCapexPresent = 0.0
    var generationCapex = 0.0
    var generationOperatingPresent = 0.0
    var generationOperating = 0.0
    var generationTonnes = 0.0
    for (o, option) in problem.generation.enumerated() {
      var previous = 0.0
      for (y, year) in years.enumerated() {
        let nameplate = value(program.generationCapacity[y][o])
        let built = max(0, nameplate - previous)
        previous = max(previous, nameplate)
        let output = value(program.generationOutput[y][o])
        let it = nameplate * option.availability * problem.itPerSupplyMegawatt
        btmIT[y] += it
        let capex = built * option.capexMillionsPerMW
        let operating = output * option.operatingMillionsPerMWYear
        let displaced = output * problem.gridMillionsPerMWYear
        energyByYear[y] -= displaced
        energyPresent -= displaced * problem.discount(y)
        generationCapex += capex
        generationCapexPresent += capex * problem.discount(y)
        generationOperating += operating
        generationOperatingPresent += operating * problem.discount(y)
        generationTonnes += output * option.tonnesCO2PerMWYear
        guard nameplate > 1e-6 else { continue }
        generation.append(
          .init(
            year: year, option: option.id, nameplateMegawatts: nameplate, builtMegawatts: built, itMegawatts: it,
            outputMegawatts: output, capexMillions: capex, operatingMillions: operating,
            tonnesCO2: output * option.tonnesCO2PerMWYear))
      }
    }

    // Solver round-off: energy displaced to the last cent of a whole year is zero, not 1e-14.
    energyByYear = energyByYear.map { abs($0) < 1e-9 ? 0 : $0 }
    if abs(energyPresent) < 1e-9 { energyPresent = 0 }

    // Halls and years, with the limits at capacity.
    var hallYears: [SitePlan.HallYear] = []
    var summaries: [SitePlan.Year] = []
    for (y, year) in years.enumerated() {
      let candidates = problem.systems.indices.filter {
        problem.systems[$0].isObtainable(inYear: y) && problem.isUseful($0)
      }
      var racksUsed = 0
      var usable = 0
      var itUsed = 0.0
      var fullHalls: [(String, Bool)] = []
      var openHalls = 0
      for (h, hall) in problem.halls.enumerated() {
        var used = 0
        var megawatts = 0.0
        for (s, system) in problem.systems.enumerated() {
          guard let placement = system.placements[h] else { continue }
          used += placement.racks(for: counts[y][h][s])
          megawatts += Double(counts[y][h][s]) * system.megawatts
        }
        let free = hall.usableRacks - used
        let takers = candidates.filter { problem.systems[$0].placements[h] != nil }
        let full =
          !takers.isEmpty
          && (Double(used) >= Double(hall.usableRacks) * Self.capacityShare
            || takers.allSatisfy { s in
              let placement = problem.systems[s].placements[h]!
              let extra =
                placement.racksPerSystem > 1
                ? placement.racksPerSystem : (counts[y][h][s] % placement.systemsPerRack != 0 ? 0 : 1)
              return extra > free
            })
        if !takers.isEmpty {
          openHalls += 1
          if full { fullHalls.append((hall.id, hall.floorLimited)) }
        }
        hallYears.append(
          .init(
            year: year, hall: hall.id, racksUsed: used, usableRacks: hall.usableRacks, itMegawatts: megawatts,
            isFull: full))
        racksUsed += used
        usable += hall.usableRacks
        itUsed += megawatts
      }
      var binding: [SitePlan.Limit] = []
      var words: [String] = []
      let available = problem.itMegawatts[y] + btmIT[y]
      let freeMegawatts = available - itUsed
      if !candidates.isEmpty,
        itUsed >= available * Self.capacityShare
          || candidates.allSatisfy({ problem.systems[$0].megawatts > freeMegawatts + 1e-9 })
      {
        if problem.isWaitingForPower(y) {
          binding.append(.timeToPower)
          words.append(
            "time to power (grid \(NumberText.plain(problem.itMegawatts[y], 3)) of \(NumberText.plain(problem.statedITMegawatts[y], 3)) MW)"
          )
        } else {
          binding.append(.sitePower)
          words.append("site power")
        }
      }
      if openHalls > 0 && fullHalls.count == openHalls {
        let limit: SitePlan.Limit = fullHalls.allSatisfy(\.1) ? .floorSpace : .racks
        binding.append(limit)
        words.append("\(limit.rawValue) (all halls full)")
      } else if !fullHalls.isEmpty {
        words.append("full: " + fullHalls.map(\.0).joined(separator: ", "))
      }
      for (s, system) in problem.systems.enumerated() {
        if let cap = problem.supplyCaps[y][s], cap > 0, Double(bought[y][s]) >= cap - 1e-9 {
          if !binding.contains(.supply) { binding.append(.supply) }
          words.append("supply cap of \(system.id)")
        }
      }
      let accelerators = problem.systems.indices.map { s in
        problem.halls.indices.map { counts[y][$0][s] }.reduce(0, +) * problem.systems[s].accelerators
      }.reduce(0, +)
      summaries.append(
        SitePlan.Year(
          year: year, itAvailableMegawatts: available, gridITMegawatts: problem.itMegawatts[y], itUsedMegawatts: itUsed,
          facilityMegawatts: itUsed * problem.pue, racksUsed: racksUsed, usableRacks: usable,
          systemsBought: bought[y].reduce(0, +), acceleratorsInstalled: accelerators, capexMillions: capexByYear[y],
          energyMillions: energyByYear[y], binding: binding,
          bindingText: words.isEmpty ? "none (cost decides)" : words.joined(separator: "; ")))
    }

    // Shortfalls, with their diagnosis.
    var shortfalls: [SitePlan.Shortfall] = []
    let together = diagnoses.first { $0.relaxations.count > 1 }
    for (k, (row, requirement)) in program.demandRows.enumerated() {
      let amount = solution.shortfall(of: row)
      guard requirement > 0, amount / requirement > SitePlanner.shortfallTolerance else { continue }
      let name = program.program.name(of: row) ?? ""
      let parts = name.split(separator: ".").map(String.init)
      let isTraining = parts.first == "train"
      let workload = isTraining ? String(name.dropFirst(6)) : parts.dropFirst().dropLast().joined(separator: ".")
      let year = isTraining ? nil : Int(parts.last ?? "")
      let removers = k < removedBy.count ? removedBy[k] : []
      // The needs that bear on this shortfall: in its year or before (a run's: by its deadline).
      let lastYear = year ?? problem.training.first { "train.\($0.id)" == name }?.deadline.year ?? Int.max
      func relevant(_ needs: [SitePlan.Need]) -> [SitePlan.Need] { needs.filter { ($0.year ?? Int.min) <= lastYear } }
      var explanation: String
      if !removers.isEmpty {
        explanation = removers.map { relaxation in
          let needs = relevant(diagnoses.first { $0.relaxations == [relaxation] }?.needs ?? [])
          return "relaxing \(Self.words(relaxation)) alone removes it"
            + (needs.isEmpty ? "" : " (" + Self.describe(needs) + ")")
        }.joined(separator: "; ")
        // Power short in a year the grid is still waiting for its queue or equipment: time to power.
        let waiting = (relevant(diagnoses.first { $0.relaxations == [.power] }?.needs ?? [])).compactMap(\.year)
          .filter { year in problem.years.firstIndex(of: year).map(problem.isWaitingForPower) ?? false }
        if removers.contains(.power), !waiting.isEmpty {
          explanation = "time to power: " + Self.waitingWords(problem, years: waiting) + "; " + explanation
        }
      } else if let together, together.removesAll {
        explanation =
          "only relaxing " + together.relaxations.map(Self.words).joined(separator: " and ")
          + " together removes it (" + Self.describe(relevant(together.needs)) + ")"
      } else if diagnoses.isEmpty {
        explanation = "not diagnosed"
      } else {
        explanation =
          "no relaxed limit removes it: the window is too short for any candidate system, or none can run it"
      }
      shortfalls.append(
        SitePlan.Shortfall(
          workload: workload, year: year, amount: amount, unit: isTraining ? "YFLOP" : "M tokens/s",
          share: amount / requirement, removedBy: removers, explanation: explanation))
    }

    var costs = SitePlan.Costs(
      capexPresent: capexPresent, energyPresent: energyPresent, capex: capexByYear.reduce(0, +),
      energy: energyByYear.reduce(0, +), licenceFees: fees)
    costs.generationCapexPresent = generationCapexPresent
    costs.generationCapex = generationCapex
    costs.generationOperatingPresent = generationOperatingPresent
    costs.generationOperating = generationOperating
    costs.generationTonnesCO2 = generationTonnes

    let candidates = problem.systems.enumerated().map { s, system in
      SitePlan.Candidate(
        system: system.id, accelerator: system.accelerator, accelerators: system.accelerators,
        megawatts: system.megawatts,
        priceMillions: system.priceMillions, priceBasis: system.priceBasis,
        policy: system.policyNotes,
        halls: problem.halls.enumerated().compactMap { system.placements[$0.offset] == nil ? nil : $0.element.id },
        bought: totalBought[s])
    }
    return SitePlan(
      site: problem.site, country: problem.country, years: years, status: solution.status, gap: solution.gap,
      objective: program.program.objectiveValue(at: solution.primal), bestBound: solution.bestBound,
      builds: builds, hallYears: hallYears,
      yearSummaries: summaries, assignments: assignments, training: training, services: services,
      shortfalls: shortfalls, diagnoses: diagnoses,
      costs: costs, generation: generation, timeToPower: problem.timeToPower,
      candidates: candidates, notes: problem.notes + Self.standingNotes)
  }

  /// A limit used to this share or more counts as at capacity.
  static let capacityShare = 0.995

  static let standingNotes = [
    "systems are installed at the start of a year and never removed; capex is paid in the year bought, discounted to the first year",
    "energy is charged for the system-years a workload uses, at the systems' maximum wall power x PUE; idle systems draw nothing",
    "per-workload costs amortise capex straight-line over \(Int(SitePlan.amortisationYears)) years (an assumption) and are undiscounted",
    "binding = at capacity: at least 99.5 % used, or no further candidate system fits under that limit that year",
  ]

  static func words(_ relaxation: SitePlanProgram.Relaxation) -> String {
    switch relaxation {
    case .power: "site power"
    case .racks: "racks"
    case .supply: "the supply caps"
    case .rules: "the export rules"
    }
  }

  /// Why the grid is not there in the given years: the phases the queue or the equipment hold back, and what
  /// behind the meter could (or may not) do.
  static func waitingWords(_ problem: SitePlanProblem, years: [Int]) -> String {
    let span = years.count == 1 ? "\(years[0])" : "\(years.min() ?? 0)-\(years.max() ?? 0)"
    var text = "the grid gives \(span) less than its stated phases"
    if let ttp = problem.timeToPower {
      var reasons: [String] = []
      if let ready = ttp.queueReady, let requested = ttp.gridRequested {
        let time = ttp.timeToEnergise.map { NumberText.plain($0.years, 3) + " years" } ?? "?"
        reasons.append(
          "requested \(requested) + \(time)"
            + (ttp.queueDelayYears > 0 ? " + \(ttp.queueDelayYears) year(s) of queue rules" : "")
            + " in \(ttp.region ?? problem.country) = \(ready)")
      }
      if let ready = ttp.equipmentReady { reasons.append("equipment arrives \(ready)") }
      if let first = ttp.firstGridYear { text = "no grid power before \(first)" }
      if !reasons.isEmpty { text += " (" + reasons.joined(separator: "; ") + ")" }
    }
    text +=
      problem.generation.isEmpty
      ? "; no behind-the-meter generation is allowed at the site"
      : "; the behind-the-meter options allowed cannot arrive in time or are at their limits"
    return text
  }

  /// Needs in words: "+12.5 MW in 2028", "+40 racks in hall-1", "+300 hgx-h200 in 2027".
  static func describe(_ needs: [SitePlan.Need]) -> String {
    needs.map { need in
      let whole = need.unit == "MW" ? nil : Int(representing: need.amount, rounding: .up)
      let amount = whole.map(String.init) ?? NumberText.plain(need.amount, 4)
      switch need.relaxation {
      case .power: return "+\(amount) MW in \(need.year.map(String.init) ?? "?")"
      case .racks: return "+\(amount) racks in \(need.subject ?? "?")"
      case .supply: return "+\(amount) \(need.subject ?? "?") over the cap in \(need.year.map(String.init) ?? "?")"
      case .rules: return "\(amount) \(need.subject ?? "?") the rules deny in \(need.year.map(String.init) ?? "?")"
      }
    }.joined(separator: ", ")
  }
}
