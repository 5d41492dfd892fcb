import HeadroomSolver

/// The site plan's MIP, with handles to read its solution.
///
/// Indices: years y, halls h, candidate systems s, training runs j, inference services i.
///
/// Variables:
/// - `n[y,s]` integer ≥ 0: systems of kind s installed at the site in year y (the cumulative fleet);
/// - `placed[h,s]` integer ≥ 0: how many of the last year's fleet of kind s stand in hall h, only
///   where hall h takes s (cooling, rack power);
/// - `packed[h,s]` integer ≥ 0: racks that servers of kind s fill in hall h (servers that share
///   racks: placed ≤ systems per rack × packed);
/// - `use[j,y,s]`, `use[i,y,s]` ≥ 0: system-years of kind s given to a workload in year y;
/// - the slack of every demand row (elastic, priced at ``demandPenalty`` per whole workload).
///
/// Systems per hall per year are integers by construction: racks bind only at the largest fleet,
/// the last year's, and because the fleet only grows an earlier year's fleet always fits inside the
/// last year's placement (filled hall by hall in site order, see ``SitePlan/builds``). Keeping one
/// integer per system and year (not per hall) removes the halls' symmetry from the branch and
/// bound, which is what lets a 10-hall site solve in seconds.
///
/// Rows:
/// - `grow[y,s]`: n[y,s] − n[y−1,s] ≥ 0 (no removal; what is bought in y is the difference);
/// - `buy[y,s]`: n[y,s] − n[y−1,s] ≤ 0 in a year the export rules deny s, or ≤ the file's supply cap;
/// - `place[s]`: Σ_h placed[h,s] = n[last,s];
/// - `power[y]`: Σ_s MW_s · n[y,s] ≤ IT MW in year y (supply × derating / redundancy / PUE);
/// - `racks[h]`: Σ_s racks of s ≤ usable racks: `packed[h,s]` for shared racks, racks per system ×
///   placed for rack-scale systems; `pack[h,s]`: systems per rack × packed[h,s] ≥ placed[h,s];
/// - `fleet[y,s]`: Σ_w use[w,y,s] − n[y,s] ≤ 0;
/// - `window[j,y,s]`: use[j,y,s] ≤ share of year y in run j's window × n[y,s] (partial years);
/// - `train[j]`: Σ_{y,s} YFLOP per system-year · use[j,y,s] ≥ C_j (soft);
/// - `serve[i,y]`: Σ_s M tokens/s per system · use[i,y,s] ≥ rate_i(y) (soft).
///
/// Behind the meter, per option o (continuous, MW):
/// - `cap[y,o]` ≥ 0: nameplate installed by year y, 0 before the option's first year; `gen[y,o]` ≥ 0: its
///   output in MW-years;
/// - `growgen[y,o]`: cap[y,o] − cap[y−1,o] ≥ 0; `build[y,o]`: cap[y,o] − cap[y−1,o] ≤ the year's supply limit;
/// - `permit`: Σ over combustion options of cap[last,o] ≤ the air permit;
/// - the power row becomes Σ_s MW_s · n[y,s] − Σ_o availability_o · IT per supply MW · cap[y,o] ≤ IT MW in y;
/// - `output[y,o]`: gen[y,o] − availability_o · cap[y,o] ≤ 0; `load[y]`: Σ_o gen[y,o] − PUE · Σ MW · use ≤ 0
///   (nothing exported); `grid[y]`: PUE · Σ MW · use − Σ_o gen[y,o] ≤ PUE · IT MW in y (the grid's energy
///   within its capacity; dropped when site power is relaxed).
///
/// Objective (millions of USD, discounted at the problem's rate to the first year):
/// Σ_{y,s} d_y · price_{y,s} · (n[y,s] − n[y−1,s]) (written on n by telescoping) + Σ d_y · energy
/// per system-year · use (IT MW × PUE × 8,766 h × USD/MWh) + penalties on the demand slacks.
///
/// A ``Relaxation`` makes a limit's rows soft at ``limitPenalty`` per unit (MW, rack or system),
/// which is how a shortfall is explained: solve with one limit relaxed and read how far past it
/// the plan goes.
public struct SitePlanProgram: Sendable {
  /// A limit that can be relaxed to explain a shortfall.
  public enum Relaxation: String, Sendable, Hashable, CaseIterable, Comparable {
    /// More site power (MW) in every year.
    case power
    /// More racks in every hall.
    case racks
    /// No cap on the systems bought each year.
    case supply
    /// Systems the export rules deny may be bought.
    case rules

    public static func < (lhs: Self, rhs: Self) -> Bool {
      allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
  }

  /// Why a `buy` row exists.
  public enum PurchaseLimit: Sendable, Hashable {
    /// The export rules deny the system that year.
    case rules
    /// The workloads file caps purchases that year.
    case supply
  }

  /// Penalty of leaving a whole workload unserved (a training run, or a service's rate for a year),
  /// in millions of USD: far above any cost, so demand is met whenever the limits allow.
  public static let demandPenalty = 1e7
  /// Penalty per MW, rack or system beyond a relaxed limit, in millions of USD: above the cost of
  /// anything a MW, a rack or a system buys, below what the workloads are worth.
  public static let limitPenalty = 100.0

  public var program: LinearProgram
  public let problem: SitePlanProblem
  public let relaxations: Set<Relaxation>
  /// [year][system]: systems installed at the site, nil for a system no hall takes or that runs
  /// no workload.
  public let installed: [[Variable?]]
  /// [hall][system]: the last year's systems in each hall, nil where the hall cannot take them.
  public let placed: [[Variable?]]
  /// [hall][system]: racks filled by shared-rack servers in the last year.
  public let packed: [[Variable?]]
  /// [run][year][system]
  public let trainingUse: [[[Variable?]]]
  /// [service][year][system]
  public let inferenceUse: [[[Variable?]]]
  /// [year]
  public let power: [Constraint]
  /// [hall], nil for a hall that takes no candidate.
  public let racks: [Constraint?]
  /// [year][system], with why each exists.
  public let purchases: [[(row: Constraint, limit: PurchaseLimit)?]]
  /// [run]
  public let trainingDemand: [Constraint]
  /// [service][year], nil when nothing is demanded that year.
  public let inferenceDemand: [[Constraint?]]
  /// [year][option]: behind-the-meter nameplate installed, nil before the option can arrive.
  public let generationCapacity: [[Variable?]]
  /// [year][option]: behind-the-meter output in MW-years.
  public let generationOutput: [[Variable?]]

  /// Builds the MIP, with the given limits relaxed.
  ///
  /// - Complexity: O(halls × systems + years × systems × workloads) variables and rows.
  public init(_ problem: SitePlanProblem, relaxing relaxations: Set<Relaxation> = []) {
    self.problem = problem
    self.relaxations = relaxations
    let years = problem.years.indices
    let halls = problem.halls.indices
    let systems = problem.systems.indices
    let last = problem.years.count - 1
    var program = LinearProgram(
      name: "site-plan-\(problem.site)"
        + (relaxations.isEmpty ? "" : "-relaxed-" + relaxations.sorted().map(\.rawValue).joined(separator: "-")),
      sense: .minimize)
    let useful = systems.map { problem.isUseful($0) }
    let rulesRelaxed = relaxations.contains(.rules)
    // Whether s could have been bought in some year up to y.
    var everObtainable = Array(
      repeating: Array(repeating: false, count: problem.systems.count), count: problem.years.count)
    for s in systems {
      var seen = false
      for y in years {
        seen = seen || problem.systems[s].isObtainable(inYear: y) || rulesRelaxed
        everObtainable[y][s] = seen
      }
    }
    let yearTag = problem.years.map(String.init)

    // Installed systems, with capex written on n by telescoping Σ_y p_y d_y (n_y − n_{y−1}).
    let placeable = systems.map { s in useful[s] && halls.contains { problem.systems[s].placements[$0] != nil } }
    var installed: [[Variable?]] = []
    for y in years {
      installed.append(
        systems.map { s -> Variable? in
          let system = problem.systems[s]
          guard placeable[s] else { return nil }
          let paid = system.price(inYear: y) * problem.discount(y)
          let next = y < last ? system.price(inYear: y + 1) * problem.discount(y + 1) : 0
          return program.addVariable(
            "n.\(yearTag[y]).\(system.id)", upperBound: everObtainable[y][s] ? .infinity : 0, objective: paid - next,
            isInteger: true)
        })
    }

    // No removal.
    for y in years.dropFirst() {
      for s in systems {
        guard let now = installed[y][s], let before = installed[y - 1][s], everObtainable[y][s] else { continue }
        program.addConstraint(
          "grow.\(yearTag[y]).\(problem.systems[s].id)", [1 * now, -1 * before], .greaterOrEqual, 0)
      }
    }

    // Purchases: none in a year the rules deny the system; at most the supply cap.
    var purchases: [[(row: Constraint, limit: PurchaseLimit)?]] = []
    for y in years {
      var row: [(row: Constraint, limit: PurchaseLimit)?] = []
      for s in systems {
        let system = problem.systems[s]
        let limit: PurchaseLimit
        let bound: Double
        if !system.isObtainable(inYear: y) {
          limit = .rules
          bound = 0
        } else if let cap = problem.supplyCaps[y][s] {
          limit = .supply
          bound = cap
        } else {
          row.append(nil)
          continue
        }
        let soft = (limit == .rules && rulesRelaxed) || (limit == .supply && relaxations.contains(.supply))
        guard let now = installed[y][s], everObtainable[y][s] || soft else {
          row.append(nil)
          continue
        }
        var terms = [1 * now]
        if y > 0, let before = installed[y - 1][s] { terms.append(-1 * before) }
        let constraint = program.addConstraint(
          "buy.\(yearTag[y]).\(system.id)", terms, .lessOrEqual, bound, soft: soft ? Self.limitPenalty : nil)
        row.append((constraint, limit))
      }
      purchases.append(row)
    }

    // Behind-the-meter capacity, capex telescoped like the systems'.
    let options = problem.generation.indices
    var capacity: [[Variable?]] = []
    for y in years {
      capacity.append(
        options.map { o -> Variable? in
          let option = problem.generation[o]
          guard let first = option.firstYearIndex, y >= first else { return nil }
          let paid = option.capexMillionsPerMW * problem.discount(y)
          let next = y < last ? option.capexMillionsPerMW * problem.discount(y + 1) : 0
          return program.addVariable("cap.\(yearTag[y]).\(option.id)", objective: paid - next)
        })
    }
    for o in options {
      let option = problem.generation[o]
      for y in years {
        guard let now = capacity[y][o] else { continue }
        let before = y > 0 ? capacity[y - 1][o] : nil
        if let before {
          program.addConstraint("growgen.\(yearTag[y]).\(option.id)", [1 * now, -1 * before], .greaterOrEqual, 0)
        }
        if let limit = option.newMegawattsLimit[y] {
          program.addConstraint(
            "build.\(yearTag[y]).\(option.id)", [1 * now] + (before.map { [-1 * $0] } ?? []), .lessOrEqual, limit)
        }
      }
    }
    if let permit = problem.airPermitMegawatts {
      let terms = options.compactMap { o in problem.generation[o].combustion ? capacity[last][o].map { 1 * $0 } : nil }
      if !terms.isEmpty { program.addConstraint("permit", terms, .lessOrEqual, permit) }
    }

    // Site power per year.
    var power: [Constraint] = []
    for y in years {
      var terms: [LinearProgram.Term] = []
      for s in systems { if let n = installed[y][s] { terms.append(problem.systems[s].megawatts * n) } }
      for o in options {
        if let cap = capacity[y][o] {
          terms.append(-problem.generation[o].availability * problem.itPerSupplyMegawatt * cap)
        }
      }
      power.append(
        program.addConstraint(
          "power.\(yearTag[y])", terms, .lessOrEqual, problem.itMegawatts[y],
          soft: relaxations.contains(.power) ? Self.limitPenalty : nil))
    }

    // The last year's fleet placed in halls, and racks per hall.
    var placed: [[Variable?]] = []
    var packed: [[Variable?]] = []
    var rackTerms: [[LinearProgram.Term]] = halls.map { _ in [] }
    var placeTerms: [[LinearProgram.Term]] = systems.map { _ in [] }
    for h in halls {
      var placedRow: [Variable?] = []
      var packedRow: [Variable?] = []
      for s in systems {
        guard installed[last][s] != nil, let placement = problem.systems[s].placements[h] else {
          placedRow.append(nil)
          packedRow.append(nil)
          continue
        }
        let hall = problem.halls[h].id
        let system = problem.systems[s].id
        let here = program.addVariable("placed.\(hall).\(system)", isInteger: true)
        placeTerms[s].append(1 * here)
        placedRow.append(here)
        if placement.racksPerSystem == 1 && placement.systemsPerRack > 1 {
          let racks = program.addVariable("packed.\(hall).\(system)", isInteger: true)
          program.addConstraint(
            "pack.\(hall).\(system)", [Double(placement.systemsPerRack) * racks, -1 * here], .greaterOrEqual, 0)
          rackTerms[h].append(1 * racks)
          packedRow.append(racks)
        } else {
          rackTerms[h].append(Double(placement.racksPerSystem) * here)
          packedRow.append(nil)
        }
      }
      placed.append(placedRow)
      packed.append(packedRow)
    }
    for s in systems {
      guard let n = installed[last][s] else { continue }
      program.addConstraint("place.\(problem.systems[s].id)", placeTerms[s] + [-1 * n], .equal, 0)
    }
    let rackRows = halls.map { h -> Constraint? in
      rackTerms[h].isEmpty
        ? nil
        : program.addConstraint(
          "racks.\(problem.halls[h].id)", rackTerms[h], .lessOrEqual, Double(problem.halls[h].usableRacks),
          soft: relaxations.contains(.racks) ? Self.limitPenalty : nil)
    }

    // Workload use, with energy cost per system-year.
    func energy(_ y: Int, _ s: Int) -> Double {
      problem.systems[s].megawatts * problem.energyMillionsPerITMegawattYear * problem.discount(y)
    }
    var fleetTerms: [[[LinearProgram.Term]]] = years.map { _ in systems.map { _ in [] } }
    var trainingUse: [[[Variable?]]] = []
    var windowRows: [(use: Variable, run: Int, y: Int, s: Int, share: Double)] = []
    for (j, run) in problem.training.enumerated() {
      var byYear: [[Variable?]] = []
      for y in years {
        var row: [Variable?] = []
        for s in systems {
          let share = run.windowShares[y]
          guard share > 0, run.yottaflopPerSystemYear[s] > 0, everObtainable[y][s], installed[y][s] != nil else {
            row.append(nil)
            continue
          }
          let use = program.addVariable("use.\(run.id).\(yearTag[y]).\(problem.systems[s].id)", objective: energy(y, s))
          fleetTerms[y][s].append(1 * use)
          if share < 1 - 1e-12 { windowRows.append((use, j, y, s, share)) }
          row.append(use)
        }
        byYear.append(row)
      }
      trainingUse.append(byYear)
    }
    var inferenceUse: [[[Variable?]]] = []
    for service in problem.inference {
      var byYear: [[Variable?]] = []
      for y in years {
        var row: [Variable?] = []
        for s in systems {
          guard service.millionTokensPerSecond[y] > 0, service.millionTokensPerSecondPerSystem[s] > 0,
            everObtainable[y][s],
            installed[y][s] != nil
          else {
            row.append(nil)
            continue
          }
          let use = program.addVariable(
            "use.\(service.id).\(yearTag[y]).\(problem.systems[s].id)", objective: energy(y, s))
          fleetTerms[y][s].append(1 * use)
          row.append(use)
        }
        byYear.append(row)
      }
      inferenceUse.append(byYear)
    }

    // Fleet: what the workloads use is installed.
    for y in years {
      for s in systems where !fleetTerms[y][s].isEmpty {
        guard let n = installed[y][s] else { continue }
        let terms = fleetTerms[y][s] + [-1 * n]
        program.addConstraint("fleet.\(yearTag[y]).\(problem.systems[s].id)", terms, .lessOrEqual, 0)
      }
    }
    for (use, j, y, s, share) in windowRows {
      guard let n = installed[y][s] else { continue }
      let terms = [1 * use, -share * n]
      program.addConstraint(
        "window.\(problem.training[j].id).\(yearTag[y]).\(problem.systems[s].id)", terms, .lessOrEqual, 0)
    }

    // Behind-the-meter output: within firm capacity and facility load; the grid carries the rest within its own.
    var output: [[Variable?]] = []
    for y in years {
      var row: [Variable?] = []
      for o in options {
        guard let cap = capacity[y][o] else {
          row.append(nil)
          continue
        }
        let option = problem.generation[o]
        let gen = program.addVariable(
          "gen.\(yearTag[y]).\(option.id)",
          objective: (option.operatingMillionsPerMWYear - problem.gridMillionsPerMWYear) * problem.discount(y))
        program.addConstraint(
          "output.\(yearTag[y]).\(option.id)", [1 * gen, -option.availability * cap], .lessOrEqual, 0)
        row.append(gen)
      }
      output.append(row)
      let generated = row.compactMap { $0.map { 1 * $0 } }
      guard !generated.isEmpty else { continue }
      var load: [LinearProgram.Term] = []
      for s in systems {
        for use in fleetTerms[y][s] {
          load.append(problem.pue * problem.systems[s].megawatts * use.coefficient * use.variable)
        }
      }
      program.addConstraint("load.\(yearTag[y])", generated + load.map(Self.negated), .lessOrEqual, 0)
      if !relaxations.contains(.power) {
        program.addConstraint(
          "grid.\(yearTag[y])", load + generated.map(Self.negated), .lessOrEqual, problem.pue * problem.itMegawatts[y])
      }
    }

    // Demand, elastic.
    var trainingDemand: [Constraint] = []
    for (j, run) in problem.training.enumerated() {
      var terms: [LinearProgram.Term] = []
      for y in years {
        for s in systems { if let use = trainingUse[j][y][s] { terms.append(run.yottaflopPerSystemYear[s] * use) } }
      }
      trainingDemand.append(
        program.addConstraint(
          "train.\(run.id)", terms, .greaterOrEqual, run.computeYottaflop,
          soft: Self.demandPenalty / max(run.computeYottaflop, 1e-12)))
    }
    var inferenceDemand: [[Constraint?]] = []
    for (i, service) in problem.inference.enumerated() {
      var byYear: [Constraint?] = []
      for y in years {
        let rate = service.millionTokensPerSecond[y]
        guard rate > 0 else {
          byYear.append(nil)
          continue
        }
        var terms: [LinearProgram.Term] = []
        for s in systems {
          if let use = inferenceUse[i][y][s] { terms.append(service.millionTokensPerSecondPerSystem[s] * use) }
        }
        byYear.append(
          program.addConstraint(
            "serve.\(service.id).\(yearTag[y])", terms, .greaterOrEqual, rate, soft: Self.demandPenalty / rate))
      }
      inferenceDemand.append(byYear)
    }

    self.program = program
    self.installed = installed
    self.placed = placed
    self.packed = packed
    self.trainingUse = trainingUse
    self.inferenceUse = inferenceUse
    self.power = power
    self.racks = rackRows
    self.purchases = purchases
    self.trainingDemand = trainingDemand
    self.inferenceDemand = inferenceDemand
    self.generationCapacity = capacity
    self.generationOutput = output
  }

  /// A term with its sign reversed.
  static func negated(_ term: LinearProgram.Term) -> LinearProgram.Term {
    LinearProgram.Term(term.variable, coefficient: -term.coefficient)
  }

  /// The slack variable of a demand row (its shortfall), if the row is soft.
  public func slack(of constraint: Constraint) -> Variable? {
    program.name(of: constraint).flatMap { program.variable(named: "\($0)#below") }
  }

  /// Every demand row with what it asks for, in the order runs then services by year.
  public var demandRows: [(row: Constraint, requirement: Double)] {
    var rows: [(Constraint, Double)] = []
    for (j, row) in trainingDemand.enumerated() { rows.append((row, problem.training[j].computeYottaflop)) }
    for (i, byYear) in inferenceDemand.enumerated() {
      for (y, row) in byYear.enumerated() {
        if let row { rows.append((row, problem.inference[i].millionTokensPerSecond[y])) }
      }
    }
    return rows
  }
}
