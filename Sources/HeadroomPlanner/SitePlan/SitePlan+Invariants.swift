import HeadroomModel

extension SitePlan {
  /// Every way the plan breaks the problem's hard limits, in words; empty for a sound plan.
  ///
  /// Checked: per hall and year, each system's cooling and rack power suit the hall and the racks
  /// used are within the usable racks; per year, the installed IT power is within the site's IT
  /// power (supply × derating / redundancy / PUE); no system is bought in a year the export rules
  /// deny it; the fleet never shrinks; workloads use no more systems than are installed; each
  /// workload is served only inside its window and is either met or reported short.
  ///
  /// - Parameter tolerance: relative slack allowed on power and demand (solver tolerances).
  public func invariantViolations(against problem: SitePlanProblem, tolerance: Double = 1e-6) -> [String] {
    var problems: [String] = []
    let systemIndex = Dictionary(uniqueKeysWithValues: problem.systems.enumerated().map { ($1.id, $0) })
    let hallIndex = Dictionary(uniqueKeysWithValues: problem.halls.enumerated().map { ($1.id, $0) })
    for build in builds {
      guard let s = systemIndex[build.system], let h = hallIndex[build.hall] else {
        problems.append("\(build.year) \(build.hall): unknown system \(build.system)")
        continue
      }
      let system = problem.systems[s]
      let hall = problem.halls[h]
      guard let placement = system.placements[h] else {
        problems.append("\(build.year) \(hall.id): \(system.id) is placed in a hall that cannot take it")
        continue
      }
      if system.cooling == .liquid && hall.cooling == .air {
        problems.append("\(build.year) \(hall.id): liquid-cooled \(system.id) in an air-cooled hall")
      }
      let perRack =
        placement.racksPerSystem > 1
        ? system.megawatts / Double(placement.racksPerSystem) : system.megawatts * Double(placement.systemsPerRack)
      if perRack * 1000 > hall.rackKilowatts * (1 + tolerance) {
        problems.append(
          "\(build.year) \(hall.id): \(system.id) draws \(perRack * 1000) kW per rack, above the hall's \(hall.rackKilowatts) kW"
        )
      }
    }
    for hallYear in hallYears where hallYear.racksUsed > hallYear.usableRacks {
      problems.append(
        "\(hallYear.year) \(hallYear.hall): \(hallYear.racksUsed) racks used of \(hallYear.usableRacks) usable")
    }
    let optionIndex = Dictionary(uniqueKeysWithValues: problem.generation.enumerated().map { ($1.id, $0) })
    for (y, summary) in yearSummaries.enumerated() {
      // Behind the meter adds its firm share, converted to IT power as the grid's supply is.
      var behind = 0.0
      for entry in generation where entry.year == summary.year {
        guard let o = optionIndex[entry.option] else {
          problems.append("\(entry.year): unknown generation option \(entry.option)")
          continue
        }
        let option = problem.generation[o]
        behind += entry.nameplateMegawatts * option.availability * problem.itPerSupplyMegawatt
        if option.firstYearIndex.map({ y < $0 }) ?? true {
          problems.append("\(entry.year): \(entry.option) has capacity before it can arrive")
        }
        if let limit = option.newMegawattsLimit[y], entry.builtMegawatts > limit * (1 + tolerance) + 1e-6 {
          problems.append(
            "\(entry.year): \(entry.builtMegawatts) MW of \(entry.option) built, above the limit \(limit)")
        }
        if entry.outputMegawatts > entry.nameplateMegawatts * option.availability * (1 + tolerance) + 1e-6 {
          problems.append("\(entry.year): \(entry.option) makes more than its firm capacity")
        }
      }
      let available = problem.itMegawatts[y] + behind
      if summary.itUsedMegawatts > available * (1 + tolerance) + 1e-9 {
        problems.append(
          "\(summary.year): \(summary.itUsedMegawatts) MW of IT installed, above the site's \(available) MW")
      }
    }
    if let permit = problem.airPermitMegawatts, let last = years.last {
      let combustion = generation.filter { entry in
        entry.year == last && optionIndex[entry.option].map { problem.generation[$0].combustion } == true
      }.map(\.nameplateMegawatts).reduce(0, +)
      if combustion > permit * (1 + tolerance) + 1e-6 {
        problems.append("\(last): \(combustion) MW of combustion generation, above the air permit \(permit) MW")
      }
    }
    for build in builds where build.bought > 0 {
      guard let s = systemIndex[build.system], let y = problem.years.firstIndex(of: build.year) else { continue }
      if !problem.systems[s].isObtainable(inYear: y) {
        problems.append(
          "\(build.year) \(build.hall): \(build.bought) x \(build.system) bought in a year the rules deny it")
      }
    }
    var previous: [String: Int] = [:]
    for year in years {
      var now: [String: Int] = [:]
      for build in builds where build.year == year { now["\(build.hall)/\(build.system)"] = build.installed }
      for (key, count) in previous where (now[key] ?? 0) < count {
        problems.append("\(year) \(key): the fleet shrinks from \(count) to \(now[key] ?? 0)")
      }
      previous = now
    }
    var used: [String: Double] = [:]
    for assignment in assignments {
      used["\(assignment.year)/\(assignment.system)", default: 0] += assignment.systemYears
    }
    var owned: [String: Int] = [:]
    for build in builds { owned["\(build.year)/\(build.system)", default: 0] += build.installed }
    for (key, systemYears) in used where systemYears > Double(owned[key] ?? 0) * (1 + tolerance) + 1e-6 {
      problems.append("\(key): workloads use \(systemYears) system-years of \(owned[key] ?? 0) systems installed")
    }
    for run in training {
      if run.servedYottaflop + run.shortYottaflop < run.requiredYottaflop * (1 - tolerance) - 1e-9 {
        problems.append(
          "\(run.id): \(run.servedYottaflop) YFLOP served and \(run.shortYottaflop) reported short of \(run.requiredYottaflop)"
        )
      }
      guard let j = problem.training.firstIndex(where: { $0.id == run.id }) else { continue }
      for assignment in assignments where assignment.workload == run.id {
        guard let y = problem.years.firstIndex(of: assignment.year) else { continue }
        if problem.training[j].windowShares[y] <= 0 {
          problems.append("\(run.id): runs in \(assignment.year), outside its window \(run.start) to \(run.deadline)")
        }
      }
    }
    for service in services {
      for year in service.years
      where year.servedMillionTokensPerSecond + year.shortMillionTokensPerSecond
        < year.demandedMillionTokensPerSecond * (1 - tolerance) - 1e-9
      {
        problems.append("\(service.id) \(year.year): served plus short is below the demanded rate")
      }
    }
    return problems
  }
}
