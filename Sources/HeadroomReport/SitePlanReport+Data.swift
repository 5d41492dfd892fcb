import HeadroomModel
import HeadroomPlanner

extension SitePlanReport {
  static func yearRecord(_ year: SitePlan.Year) -> [(String, JSONValue)] {
    [
      ("year", .number(Double(year.year))), ("itPowerAvailableMW", .number(year.itAvailableMegawatts)),
      ("gridITPowerMW", .number(year.gridITMegawatts)), ("itPowerUsedMW", .number(year.itUsedMegawatts)),
      ("facilityPowerMW", .number(year.facilityMegawatts)), ("racksUsed", .number(Double(year.racksUsed))),
      ("usableRacks", .number(Double(year.usableRacks))), ("systemsBought", .number(Double(year.systemsBought))),
      ("acceleratorsInstalled", .number(Double(year.acceleratorsInstalled))),
      ("capexMUSD", .number(year.capexMillions)), ("energyMUSD", .number(year.energyMillions)),
      ("binding", .array(year.binding.map { .string($0.rawValue) })), ("bindingText", .string(year.bindingText)),
    ]
  }

  static func buildRecord(_ build: SitePlan.Build) -> [(String, JSONValue)] {
    [
      ("year", .number(Double(build.year))), ("hall", .string(build.hall)), ("system", .string(build.system)),
      ("bought", .number(Double(build.bought))), ("installed", .number(Double(build.installed))),
      ("accelerators", .number(Double(build.accelerators))), ("racks", .number(Double(build.racks))),
      ("itPowerMW", .number(build.itMegawatts)),
    ]
  }

  static func hallRecord(_ hall: SitePlan.HallYear) -> [(String, JSONValue)] {
    [
      ("year", .number(Double(hall.year))), ("hall", .string(hall.hall)),
      ("racksUsed", .number(Double(hall.racksUsed))),
      ("usableRacks", .number(Double(hall.usableRacks))), ("itPowerMW", .number(hall.itMegawatts)),
      ("full", .bool(hall.isFull)),
    ]
  }

  static func trainingRecord(_ run: SitePlan.TrainingResult) -> [(String, JSONValue)] {
    [
      ("id", .string(run.id)), ("startOn", .string(run.start.description)),
      ("deadlineOn", .string(run.deadline.description)), ("requiredYFLOP", .number(run.requiredYottaflop)),
      ("servedYFLOP", .number(run.servedYottaflop)), ("shortYFLOP", .number(run.shortYottaflop)),
      ("finishYear", .number(run.finishYear.map(Double.init))), ("costPerRunMUSD", .number(run.costMillions)),
      ("energyMUSD", .number(run.energyMillions)),
    ]
  }

  static func generationRecord(_ entry: SitePlan.GenerationYear) -> [(String, JSONValue)] {
    [
      ("year", .number(Double(entry.year))), ("option", .string(entry.option)),
      ("nameplateMW", .number(entry.nameplateMegawatts)), ("builtMW", .number(entry.builtMegawatts)),
      ("itPowerMW", .number(entry.itMegawatts)), ("outputMW", .number(entry.outputMegawatts)),
      ("capexMUSD", .number(entry.capexMillions)), ("operatingMUSD", .number(entry.operatingMillions)),
      ("co2Tonnes", .number(entry.tonnesCO2)),
    ]
  }

  static func shortfallRecord(_ shortfall: SitePlan.Shortfall) -> [(String, JSONValue)] {
    [
      ("workload", .string(shortfall.workload)), ("year", .number(shortfall.year.map(Double.init))),
      ("amount", .number(shortfall.amount)), ("unit", .string(shortfall.unit)),
      ("shortShare", .number(shortfall.share)),
      ("removedBy", .array(shortfall.removedBy.map { .string($0.rawValue) })),
      ("explanation", .string(shortfall.explanation)),
    ]
  }

  static func candidateRecord(_ candidate: SitePlan.Candidate) -> [(String, JSONValue)] {
    [
      ("system", .string(candidate.system)), ("accelerator", .string(candidate.accelerator)),
      ("accelerators", .number(Double(candidate.accelerators))), ("powerKW", .number(candidate.megawatts * 1000)),
      ("priceMUSD", .number(candidate.priceMillions)), ("priceBasis", .string(candidate.priceBasis.rawValue)),
      ("halls", .array(candidate.halls.map { .string($0) })), ("policy", .array(candidate.policy.map { .string($0) })),
      ("bought", .number(Double(candidate.bought))),
    ]
  }

  static func phaseRecord(_ phase: TimeToPower.Phase) -> [(String, JSONValue)] {
    [
      ("statedYear", .number(Double(phase.statedYear))), ("gridMW", .number(phase.power.megawatts)),
      ("firstYear", .number(Double(phase.firstYear))), ("heldBy", .array(phase.heldBy.map { .string($0.rawValue) })),
    ]
  }

  /// The plan as one JSON document.
  func json() -> JSONValue {
    .object([
      ("site", .string(plan.site)), ("country", .string(plan.country)), ("workloads", .string(workloads.id)),
      ("years", .array(plan.years.map { .number(Double($0)) })),
      ("status", .string(plan.status.rawValue)), ("statusText", .string(plan.statusText)),
      ("mipGapShare", .number(plan.gap)), ("objectiveMUSD", .number(plan.objective)),
      ("bestBoundMUSD", .number(plan.bestBound)), ("solver", .string(solver)), ("solveSeconds", .number(seconds)),
      ("overrides", .array(overrides.map { .string($0.description) })),
      ("yearSummaries", .array(plan.yearSummaries.map { .object(Self.yearRecord($0)) })),
      ("builds", .array(plan.builds.map { .object(Self.buildRecord($0)) })),
      ("halls", .array(plan.hallYears.map { .object(Self.hallRecord($0)) })),
      ("training", .array(plan.training.map { .object(Self.trainingRecord($0)) })),
      (
        "inference",
        .array(
          plan.services.map { service in
            .object([
              ("id", .string(service.id)), ("model", .string(service.model)),
              ("costMUSD", .number(service.costMillions)),
              ("servedMTokens", .number(service.millionTokensServed)),
              ("costUSDPerMTokens", .number(service.costPerMillionTokens)),
              (
                "years",
                .array(
                  service.years.map {
                    .object([
                      ("year", .number(Double($0.year))),
                      ("demandedMTokensPerSecond", .number($0.demandedMillionTokensPerSecond)),
                      ("servedMTokensPerSecond", .number($0.servedMillionTokensPerSecond)),
                      ("shortMTokensPerSecond", .number($0.shortMillionTokensPerSecond)),
                    ])
                  })
              ),
            ])
          })
      ),
      (
        "assignments",
        .array(
          plan.assignments.map {
            .object([
              ("workload", .string($0.workload)), ("year", .number(Double($0.year))), ("system", .string($0.system)),
              ("systemYears", .number($0.systemYears)), ("delivered", .number($0.delivered)),
            ])
          })
      ),
      (
        "costs",
        .object([
          ("capexPresentMUSD", .number(plan.costs.capexPresent)),
          ("energyPresentMUSD", .number(plan.costs.energyPresent)),
          ("totalPresentMUSD", .number(plan.costs.totalPresent)), ("capexMUSD", .number(plan.costs.capex)),
          ("energyMUSD", .number(plan.costs.energy)), ("licenceFeesMUSD", .number(plan.costs.licenceFees)),
          ("discountRate", .number(problem.discountRate)),
          ("electricityUSDPerMWh", .number(problem.electricityUSDPerMWh)),
          ("generationCapexPresentMUSD", .number(plan.costs.generationCapexPresent)),
          ("generationCapexMUSD", .number(plan.costs.generationCapex)),
          ("generationOperatingPresentMUSD", .number(plan.costs.generationOperatingPresent)),
          ("generationOperatingMUSD", .number(plan.costs.generationOperating)),
          ("generationCO2Tonnes", .number(plan.costs.generationTonnesCO2)),
        ])
      ),
      ("behindTheMeter", .array(plan.generation.map { .object(Self.generationRecord($0)) })),
      (
        "timeToPower",
        plan.timeToPower.map { ttp in
          .object([
            ("region", .string(ttp.region)), ("gridRequestedOn", .string(ttp.gridRequested?.description)),
            ("timeToEnergiseYears", .number(ttp.timeToEnergise?.years)),
            ("queueDelayYears", .number(Double(ttp.queueDelayYears))),
            ("queueReadyOn", .string(ttp.queueReady?.description)),
            ("equipmentOrderedOn", .string(ttp.equipmentOrdered?.description)),
            ("equipmentReadyOn", .string(ttp.equipmentReady?.description)),
            ("firstGridYear", .number(ttp.firstGridYear.map(Double.init))),
            ("phases", .array(ttp.phases.map { .object(Self.phaseRecord($0)) })),
          ])
        } ?? .null
      ),
      ("shortfalls", .array(plan.shortfalls.map { .object(Self.shortfallRecord($0)) })),
      (
        "diagnoses",
        .array(
          plan.diagnoses.map {
            .object([
              ("relaxed", .array($0.relaxations.map { .string($0.rawValue) })),
              ("shortShareBefore", .number($0.shortShareBefore)), ("shortShareAfter", .number($0.shortShareAfter)),
              ("removesAll", .bool($0.removesAll)),
              (
                "needs",
                .array(
                  $0.needs.map {
                    .object([
                      ("limit", .string($0.relaxation.rawValue)), ("year", .number($0.year.map(Double.init))),
                      ("subject", .string($0.subject)), ("amount", .number($0.amount)), ("unit", .string($0.unit)),
                    ])
                  })
              ),
            ])
          })
      ),
      ("candidates", .array(plan.candidates.map { .object(Self.candidateRecord($0)) })),
      ("notes", .array(plan.notes.map { .string($0) })),
    ])
  }

  /// The data tables: years (main), builds, halls, training, inference, shortfalls, candidates, generation, phases.
  func dataTables() -> [DataTable] {
    let yearColumns = [
      "year", "itPowerAvailableMW", "gridITPowerMW", "itPowerUsedMW", "facilityPowerMW", "racksUsed", "usableRacks",
      "systemsBought", "acceleratorsInstalled", "capexMUSD", "energyMUSD", "binding", "bindingText",
    ]
    let inferenceColumns = [
      "workload", "model", "year", "demandedMTokensPerSecond", "servedMTokensPerSecond", "shortMTokensPerSecond",
    ]
    var inference = DataTable(
      name: "inference", rowMeaning: "one row per inference service and year: demanded, served and short",
      columns: inferenceColumns)
    for service in plan.services {
      for year in service.years {
        inference.append([
          ("workload", .string(service.id)), ("model", .string(service.model)), ("year", .number(Double(year.year))),
          ("demandedMTokensPerSecond", .number(year.demandedMillionTokensPerSecond)),
          ("servedMTokensPerSecond", .number(year.servedMillionTokensPerSecond)),
          ("shortMTokensPerSecond", .number(year.shortMillionTokensPerSecond)),
        ])
      }
    }
    var costs = DataTable(
      name: "costs", rowMeaning: "one row per cost item: present value and as paid (undiscounted)",
      columns: ["item", "presentValueMUSD", "asPaidMUSD"])
    let items: [(String, Double, Double)] = [
      ("capex", plan.costs.capexPresent, plan.costs.capex), ("energy", plan.costs.energyPresent, plan.costs.energy),
      ("behindTheMeterCapex", plan.costs.generationCapexPresent, plan.costs.generationCapex),
      ("behindTheMeterOperating", plan.costs.generationOperatingPresent, plan.costs.generationOperating),
      ("total", plan.costs.totalPresent, plan.costs.total),
    ]
    for (item, present, paid) in items {
      costs.append([("item", .string(item)), ("presentValueMUSD", .number(present)), ("asPaidMUSD", .number(paid))])
    }
    return [
      DataTable(
        name: "years",
        rowMeaning: "one row per year: IT power available and used, racks, purchases, costs, binding limits",
        columns: yearColumns, records: plan.yearSummaries.map(Self.yearRecord)),
      DataTable(
        name: "builds", rowMeaning: "one row per year, hall and system: bought, installed, racks, IT power",
        columns: ["year", "hall", "system", "bought", "installed", "accelerators", "racks", "itPowerMW"],
        records: plan.builds.map(Self.buildRecord)),
      DataTable(
        name: "halls", rowMeaning: "one row per year and hall: racks and IT power used, whether full",
        columns: ["year", "hall", "racksUsed", "usableRacks", "itPowerMW", "full"],
        records: plan.hallYears.map(Self.hallRecord)),
      DataTable(
        name: "training", rowMeaning: "one row per training run: required, served and short compute, cost",
        columns: [
          "id", "startOn", "deadlineOn", "requiredYFLOP", "servedYFLOP", "shortYFLOP", "finishYear", "costPerRunMUSD",
          "energyMUSD",
        ], records: plan.training.map(Self.trainingRecord)),
      inference,
      DataTable(
        name: "shortfalls", rowMeaning: "one row per shortfall (year empty: the run's whole window)",
        columns: ["workload", "year", "amount", "unit", "shortShare", "removedBy", "explanation"],
        records: plan.shortfalls.map(Self.shortfallRecord)),
      DataTable(
        name: "candidates", rowMeaning: "one row per candidate system: size, power, price, units bought",
        columns: [
          "system", "accelerator", "accelerators", "powerKW", "priceMUSD", "priceBasis", "halls", "policy", "bought",
        ], records: plan.candidates.map(Self.candidateRecord)),
      DataTable(
        name: "generation", rowMeaning: "one row per year and behind-the-meter option built",
        columns: [
          "year", "option", "nameplateMW", "builtMW", "itPowerMW", "outputMW", "capexMUSD", "operatingMUSD",
          "co2Tonnes",
        ], records: plan.generation.map(Self.generationRecord)),
      DataTable(
        name: "phases", rowMeaning: "one row per grid phase: stated year, power, first year it counts, what held it",
        columns: ["statedYear", "gridMW", "firstYear", "heldBy"],
        records: (plan.timeToPower?.phases ?? []).map(Self.phaseRecord)),
      costs,
    ]
  }
}
