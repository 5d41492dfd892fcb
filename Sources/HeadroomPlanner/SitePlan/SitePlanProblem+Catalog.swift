import HeadroomModel

extension SitePlanProblem {
  /// Builds the problem for a site, its workloads and the plan years from the catalog.
  ///
  /// - Candidates: the workloads file's `systems`, else every catalog system, that fits at least
  ///   one hall (``SiteFitter``'s per-hall cooling and rack-power rules). Each year's rules in force
  ///   (on 1 July) decide what the site's country may buy, by the export terms the walls use
  ///   (``ExportRuleSet/terms(for:to:)``: a part designed in the site's country is domestic, a US part
  ///   takes its best route, a part designed elsewhere is not a US export); `licensed` counts as
  ///   obtainable, its fee (with the bands the part falls in) added to the price. The file's `policy`
  ///   replaces the rules' decision.
  /// - Training capability per system-year: accelerators × dense peak at the run's precision × MFU
  ///   (the run's, else the catalog default per accelerator) × goodput × 365.25 days.
  /// - Inference output per system: accelerators × the roofline's tokens/s per accelerator at the
  ///   service's model, precision and latency target (``InferenceService``).
  /// - Power: per year `Site.itPower(in:)` = supply × derating / redundancy / PUE, compared with
  ///   each system's wall power, after moving each grid phase to the year it can energise
  ///   (``Site/timeToPower(country:equipment:)``: the grid request plus the region's queue, the long-lead
  ///   equipment's arrival).
  /// - Behind the meter: the site's `behind_the_meter` options (or `generation` when given: `[]` for none),
  ///   ordered on its `ordered` day or 1 January of the first plan year, arriving after their lead time; capex,
  ///   operating cost and CO2 from `Grids/generation`; per-year supply limits (a global limit applies whole to the
  ///   site: an upper bound); the air permit on combustion.
  ///
  /// - Throws: ``CatalogError`` for ids the catalog lacks; ``SitePlanError`` for a latency target no
  ///   candidate meets, a workload no candidate can run, a window outside the plan years, or a
  ///   site no candidate fits.
  public init(
    catalog: Catalog, site stated: Site, workloads: Workloads, years range: ClosedRange<Int>,
    generation chosen: [String]? = nil
  ) throws {
    guard range.count <= 30 else { throw SitePlanError.invalidYears(from: range.lowerBound, to: range.upperBound) }
    let years = Array(range)
    let country = try catalog.country(stated.country)
    let timeToPower = try stated.timeToPower(country: country, equipment: catalog.equipment)
    let site = stated.energised(timeToPower)
    var notes: [String] = []
    var excluded: [String: String] = [:]

    // Halls, with SiteFitter's usable racks (the least of racks and floor area / area per rack).
    let halls = site.halls.map { hall -> Hall in
      var usable = hall.racks
      if let floor = hall.floorArea, let perRack = hall.areaPerRack, perRack.baseValue > 0 {
        usable = min(usable, Int(representing: floor / perRack, rounding: .down) ?? usable)
      }
      return Hall(
        id: hall.id, cooling: hall.cooling, rackKilowatts: hall.rackPower.watts / 1000, usableRacks: usable,
        floorLimited: usable < hall.racks)
    }

    // Rule sets per year (the rules in force on the walls' rule day, ``Scenario/ruleDay(in:)``).
    let ruleSets = years.map { year in try? catalog.ruleSet(.inForce, year: year) }
    let fitYear = site.phaseYears.last ?? range.upperBound

    var systems: [System] = []
    var accelerators: [Accelerator] = []
    let candidateIDs = workloads.systems ?? catalog.systems.map(\.id).sorted()
    for id in candidateIDs {
      let system = try catalog.system(id)
      let part = try catalog.accelerator(system.accelerator)
      let fit: SiteFit
      do throws(SiteFitter.Refusal) {
        fit = try SiteFitter().fit(system, into: site, in: fitYear)
      } catch {
        excluded[id] = Self.summarise(error.reasons.dropFirst())
        continue
      }
      let placements = fit.halls.map { hall -> Placement? in
        guard hall.excluded == nil else { return nil }
        return Placement(
          systemsPerRack: hall.racksPerSystem > 1 ? 1 : hall.systemsPerRack, racksPerSystem: hall.racksPerSystem)
      }
      // Price: the system's, else accelerators x unit price (imputed as the walls impute it,
      // ``Catalog/price(of:)``); a part the catalog cannot price is not a candidate.
      var price: Double
      var basis: PriceBasis
      if let systemPrice = system.price {
        price = systemPrice.amount.dollars / 1e6
        basis = .system
      } else if let unit = catalog.price(of: part) {
        price = unit.price.dollars * Double(system.acceleratorCount) / 1e6
        basis = unit.imputed ? .imputed : .accelerators
      } else {
        excluded[id] =
          "no price: neither the system, its accelerator nor the reference \(Catalog.referenceAccelerator) has one"
        continue
      }
      var decisions: [ExportPolicy.Decision] = []
      var fees: [Double] = []
      var policyNotes: [String] = []
      for (y, year) in years.enumerated() {
        var (decision, fee, note) =
          ruleSets[y].map {
            Self.decision($0.terms(for: ExportItem(part), to: country.destination), origin: part.origin)
          }
          ?? (.allowed, 0, "allowed (no export rule set in force)")
        if let override = workloads.policy[part.id], year >= (workloads.policyFrom ?? Int.min) {
          decision = override
          fee = 0
          note = "\(override.rawValue) (what-if: policy.\(part.id))"
        }
        decisions.append(decision)
        fees.append(decision == .licensed ? fee : 0)
        policyNotes.append(note)
      }
      systems.append(
        System(
          id: id, accelerator: part.id, accelerators: system.acceleratorCount, megawatts: system.power.megawatts,
          cooling: system.cooling, priceMillions: price, priceBasis: basis, decisions: decisions, fees: fees,
          policyNotes: policyNotes,
          placements: placements))
      accelerators.append(part)
    }
    guard !systems.isEmpty else {
      throw SitePlanError.noCandidateSystems(
        site: site.id, reasons: excluded.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" })
    }

    // Training runs.
    var training: [TrainingRun] = []
    for run in workloads.training {
      let location = workloads.provenance.location(of: "training.\(run.id)")
      let shares = years.map { run.share(ofYear: $0) }
      guard shares.contains(where: { $0 > 0 }) else {
        throw SitePlanError.windowOutsidePlan(
          workload: run.id, location: location, start: run.start, deadline: run.deadline, years: range)
      }
      var capabilities: [Double] = []
      var mfuNotes: [String] = []
      var reasons: [String] = []
      for (system, part) in zip(systems, accelerators) {
        let peak: (precision: Precision, rate: ComputeRate)
        do throws(SizingError) {
          peak = try part.peak(at: run.precision)
        } catch {
          capabilities.append(0)
          mfuNotes.append("cannot: \(error)")
          reasons.append("\(system.id): \(error)")
          continue
        }
        var mfu = run.mfu
        var mfuNote = "MFU \(NumberText.plain(run.mfu ?? 0, 3)) (given)"
        if mfu == nil, let value = try? catalog.trainingMFU(accelerator: part.id, precision: peak.precision) {
          mfu = value.mfu
          let basis =
            value.isFallback
            ? "catalog fallback for \(value.precision.rawValue), an assumption" : "catalog default for \(part.id)"
          mfuNote = "MFU \(NumberText.plain(value.mfu, 3)) (\(basis))"
        }
        guard let mfu else {
          capabilities.append(0)
          mfuNotes.append("cannot: no MFU for \(part.id) at \(peak.precision.rawValue)")
          reasons.append("\(system.id): no default MFU for \(part.id) at \(peak.precision.rawValue); give 'mfu'")
          continue
        }
        let perSystem =
          peak.rate.flopsPerSecond * mfu * run.goodput * Double(system.accelerators) * TimeSpan.year.seconds / 1e24
        capabilities.append(perSystem)
        mfuNotes.append("\(peak.precision.rawValue) peak \(peak.rate.formatted()), \(mfuNote)")
      }
      guard capabilities.contains(where: { $0 > 0 }) else {
        throw SitePlanError.noCapableSystem(workload: run.id, location: location, reasons: reasons)
      }
      training.append(
        TrainingRun(
          id: run.id, computeYottaflop: run.compute.flop / 1e24, windowShares: shares,
          yottaflopPerSystemYear: capabilities, mfuNotes: mfuNotes, start: run.start, deadline: run.deadline))
      if run.goodput < 1 {
        notes.append("\(run.id): goodput \(NumberText.plain(run.goodput, 3)) applied to every system's rate")
      }
    }

    // Inference services.
    var services: [Service] = []
    for service in workloads.inference {
      let model = try catalog.model(service.model)
      let location = workloads.provenance.location(of: "inference.\(service.id).latency")
      var rates: [Double] = []
      var sizingNotes: [String] = []
      var reasons: [String] = []
      var best: (TimeSpan, String)?
      for (system, part) in zip(systems, accelerators) {
        let sizing = InferenceService(
          model: model, accelerator: part, precision: service.precision, context: service.context,
          latency: service.latency, rate: 1)
        do throws(SizingError) {
          let estimate = try sizing.estimate(
            power: nil, facility: Facility(name: site.id, pue: site.pue), unitPrice: nil)
          rates.append(estimate.tokensPerSecondPerAccelerator * Double(system.accelerators) / 1e6)
          sizingNotes.append(
            "\(estimate.precision.rawValue), replica \(estimate.replicaAccelerators), batch \(estimate.batch), \(estimate.decodeBound.rawValue)-bound, \(NumberText.plain(estimate.tokensPerSecondPerAccelerator, 4)) tokens/s per accelerator"
          )
        } catch {
          rates.append(0)
          sizingNotes.append("cannot: \(error)")
          reasons.append("\(system.id): \(error)")
          if case .latencyUnreachable(_, _, _, let achieved, _) = error,
            achieved < (best?.0 ?? TimeSpan(seconds: .infinity))
          {
            best = (achieved, system.id)
          }
        }
      }
      guard rates.contains(where: { $0 > 0 }) else {
        if best != nil || reasons.isEmpty {
          throw SitePlanError.latencyUnreachable(
            service: service.id, location: location, target: service.latency, best: best?.0, bestSystem: best?.1)
        }
        throw SitePlanError.noCapableSystem(
          workload: service.id, location: workloads.provenance.location(of: "inference.\(service.id)"), reasons: reasons
        )
      }
      services.append(
        Service(
          id: service.id, model: model.id, millionTokensPerSecond: years.map { service.rate(in: $0) / 1e6 },
          millionTokensPerSecondPerSystem: rates, sizingNotes: sizingNotes))
    }

    // Supply caps: the latest stated year at or before; none can be bought before the first stated year.
    let caps = years.map { year in
      systems.map { system -> Double? in
        guard let series = workloads.supply[system.id] else { return nil }
        return series.keys.filter { $0 <= year }.max().flatMap { series[$0] } ?? 0
      }
    }

    var price = country.electricityPrice?.baseValue
    if price == nil {
      price = 100
      notes.append("no electricity price for \(country.id): 100 USD/MWh assumed")
    }
    if systems.contains(where: { $0.decisions.contains(.licensed) }) {
      notes.append(
        "'licensed' is treated as obtainable (the licence is taken to be granted); a licence fee or tariff is added to the price"
      )
    }
    let imputed = systems.filter { $0.priceBasis == .imputed }.map(\.id)
    if !imputed.isEmpty {
      notes.append(
        "prices imputed from the H100's price per nominal H100-equivalent: \(imputed.joined(separator: ", "))")
    }
    let chipsOnly = systems.filter { $0.priceBasis == .accelerators }.map(\.id)
    if !chipsOnly.isEmpty {
      notes.append(
        "no system price in the catalog, so accelerators x unit price (chips only) for: \(chipsOnly.joined(separator: ", "))"
      )
    }

    // Behind-the-meter options.
    let ids = chosen ?? stated.behindTheMeter.map { $0.options ?? catalog.generation.map(\.id) } ?? []
    let orderDay = stated.behindTheMeter?.ordered ?? Day(year: range.lowerBound)
    var generation: [Generation] = []
    for id in ids {
      let option = try catalog.generationOption(id)
      guard option.isAvailable(in: country.id) else {
        notes.append(
          "\(id): not built in \(country.id) (the option lists \((option.countries ?? []).joined(separator: ", ")))")
        continue
      }
      let first = option.firstYear(orderedOn: orderDay)
      let limits = years.map { option.newCapacityLimit(in: $0, country: country.id)?.megawatts }
      let scope = option.supplyLimit.map { " (\($0.scope) supply limit)" } ?? ""
      generation.append(
        Generation(
          id: option.id, name: option.name, combustion: option.combustion,
          capexMillionsPerMW: option.capex.baseValue * 1000 / 1e6,
          operatingMillionsPerMWYear: option.operatingCost.baseValue * TimeSpan.year.hours / 1e6,
          tonnesCO2PerMWYear: option.emissions.baseValue * TimeSpan.year.hours / 1000,
          availability: option.availability, firstYearIndex: years.firstIndex { $0 >= first },
          newMegawattsLimit: limits,
          note:
            "\(option.capex.formatted()), \(option.operatingCost.formatted()), \(option.emissions.formatted()); ordered \(orderDay), lead time \(option.leadTime.formatted()), first counts in \(first)\(scope)"
        ))
    }
    if !generation.isEmpty {
      notes.append(
        "behind-the-meter capacity is continuous MW (no unit sizes), firm at nameplate x availability, and has no value after the plan (no salvage); a global supply limit is applied whole to this one site (an upper bound)"
      )
      if stated.behindTheMeter?.airPermit == nil && generation.contains(where: \.combustion) {
        notes.append("no air permit in the site file: combustion capacity is not limited by a permit")
      }
    }
    let factor = site.derating / site.redundancy.factor / site.pue

    self.init(
      site: site.id, country: country.id, years: years, halls: halls, systems: systems, training: training,
      inference: services, itMegawatts: years.map { site.itPower(in: $0)?.megawatts ?? 0 }, pue: site.pue,
      electricityUSDPerMWh: price ?? 100, discountRate: workloads.discountRate, supplyCaps: caps, notes: notes,
      excludedSystems: excluded, generation: generation,
      airPermitMegawatts: stated.behindTheMeter?.airPermit?.megawatts, itPerSupplyMegawatt: factor,
      statedITMegawatts: years.map { stated.itPower(in: $0)?.megawatts ?? 0 },
      timeToPower: stated.gridRequested != nil || stated.equipmentOrdered != nil ? timeToPower : nil)
  }

  /// SiteFitter's per-hall refusals in one line: the need once for halls that refuse for the same
  /// reason, with the first hall's file and line.
  ///
  /// A refusal reads `<file>:<line>: field 'halls.<hall>.<field>': value '<value>': <need>`.
  static func summarise(_ reasons: ArraySlice<String>) -> String {
    var groups: [(need: String, halls: [String], location: String)] = []
    for reason in reasons {
      guard let field = reason.range(of: ": field 'halls."),
        let value = reason.range(of: "': value '", range: field.upperBound..<reason.endIndex),
        let need = reason.range(of: "': ", range: value.upperBound..<reason.endIndex)
      else {
        groups.append((reason, [], ""))
        continue
      }
      let path = reason[field.upperBound..<value.lowerBound]
      let hall = String(path.split(separator: ".").dropLast().joined(separator: "."))
      let text =
        "\(path.split(separator: ".").last ?? "") '\(reason[value.upperBound..<need.lowerBound])': \(reason[need.upperBound...])"
      if let index = groups.firstIndex(where: { $0.need == text }) {
        groups[index].halls.append(hall)
      } else {
        groups.append((text, [hall], String(reason[..<field.lowerBound])))
      }
    }
    return groups.map { group in
      group.halls.isEmpty ? group.need : "\(group.halls.joined(separator: ", ")): \(group.need) (\(group.location))"
    }.joined(separator: "; ")
  }

  /// A year's decision, fee and note for a system from the export terms of its accelerator.
  static func decision(_ terms: ExportTerms, origin: String) -> (ExportPolicy.Decision, fee: Double, note: String) {
    switch terms.access {
    case .domestic:
      return (.allowed, 0, "allowed (domestic part)")
    case .allowed where !terms.isUSShipment:
      return (.allowed, 0, "allowed (\(origin)-origin, not a US export)")
    case .allowed, .denied:
      let decision: ExportPolicy.Decision = terms.access == .allowed ? .allowed : .denied
      return (decision, 0, "\(decision.rawValue) under \(terms.ruleSet)" + (terms.rule.map { " (\($0))" } ?? ""))
    case .licensed:
      let fee = terms.fee ?? 0
      let licence =
        fee > 0
        ? ", licence taken as granted, fee \(NumberText.plain(fee * 100, 3)) % added to the price"
        : ", licence taken as granted"
      return (
        .licensed, fee, "licensed under \(terms.ruleSet)" + (terms.rule.map { " (\($0))" } ?? "") + licence
      )
    }
  }
}
