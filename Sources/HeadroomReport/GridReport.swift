import HeadroomModel
import HeadroomPlanner

/// `headroom grid show`: one country's supply series, its regions (queue, time to energise, additions,
/// limits), its build rates, the behind-the-meter options it may build, and the sources of each figure.
public enum GridReport {
  /// The report for an outlook; tables fit 120 columns.
  public static func show(_ outlook: GridOutlook) -> Report {
    let country = outlook.country
    var tables = [series(outlook)]
    if !outlook.regions.isEmpty {
      tables.append(regions(outlook))
      if let limits = regionLimits(outlook) { tables.append(limits) }
    }
    if let rates = buildRates(outlook) { tables.append(rates) }
    if !outlook.options.isEmpty { tables.append(options(outlook)) }
    tables.append(sources(outlook))
    return Report(tables: tables, json: json(outlook, country: country), data: dataTables(outlook))
  }

  static func series(_ outlook: GridOutlook) -> Table {
    let country = outlook.country
    var table = Table(
      title:
        "\(country.name) (\(country.id)): power available to data centres (average load), \(outlook.from)-\(outlook.to)",
      columns: [
        .init("year", .right), .init("available", .right), .init("added", .right), .init("blocked", .right),
        .init("limits in force (see L notes)"),
      ])
    let labels = Dictionary(uniqueKeysWithValues: country.limits.enumerated().map { ($1.name, "L\($0 + 1)") })
    for entry in outlook.national.years {
      var limits = entry.limitsInForce.map { labels[$0] ?? $0 }.joined(separator: " ")
      if let capped = entry.cappedBy { limits += " (capped by \(labels[capped] ?? capped))" }
      table.append([
        "\(entry.year)", entry.grid.formatted(), entry.gridAdded.formatted(),
        entry.gridBlocked.baseValue > 0 ? entry.gridBlocked.formatted() : ReportText.absent,
        limits.isEmpty ? ReportText.absent : limits,
      ])
    }
    let lag = country.interconnection?.wholeYears ?? 0
    let additions =
      country.additionsByYear.isEmpty
      ? country.additions.formatted() + " a year"
      : country.additionsByYear.keys.sorted().map { "\($0): \(country.additionsByYear[$0]!.formatted())" }.joined(
        separator: ", ") + " (later years keep the last)"
    table.notes = [
      "Added(y) = additions(y - L) x DC share \(NumberText.plain(country.dcShareOfAdditions, 3)) x (1 - blocked share),"
        + " held under caps;",
      "L = \(lag) year(s) of time to energise"
        + (lag > 0 ? ": supply added in t reaches data centres in t + \(lag)." : "."),
      "Additions: \(additions).",
    ]
    for (index, limit) in country.limits.enumerated() {
      table.notes.append(ReportText.clip("L\(index + 1) \(limit.name): \(effect(limit))", 118))
    }
    return table
  }

  /// What a limit does to supply, in numbers.
  static func effect(_ limit: Country.Limit) -> String {
    var parts = ["\(limit.kind.rawValue) from \(limit.from)" + (limit.until.map { " until \($0)" } ?? "")]
    if let share = limit.blockedShare { parts.append("blocks \(NumberText.plain(share * 100, 3)) % of additions") }
    if let cap = limit.cap { parts.append("caps DC load at \(cap.formatted())") }
    if let delay = limit.delay { parts.append("+\(ReportText.years(delay)) for requests while in force") }
    if limit.blockedShare == nil && limit.cap == nil && limit.delay == nil { parts.append("no quantity") }
    return parts.joined(separator: "; ")
  }

  static func regions(_ outlook: GridOutlook) -> Table {
    var table = Table(
      title: "Regions a site can name (connected data-centre capacity)",
      columns: [
        .init("region"), .init("base", .right), .init("added a year", .right), .init("queue", .right),
        .init("queue date"), .init("energise in", .right), .init("\(outlook.from)", .right),
        .init("\(outlook.to)", .right), .init("name"),
      ])
    for entry in outlook.regions {
      let region = entry.region
      let additions = region.dcAdditions.keys.sorted().map { "\(region.dcAdditions[$0]!.formatted()) from \($0)" }
        .joined(separator: ", ")
      table.append([
        region.id, "\(region.dcCapacity.power.formatted()) (\(region.dcCapacity.year))", additions,
        ReportText.quantity(region.interconnection?.queue),
        region.interconnection?.queueDate?.description ?? ReportText.absent,
        ReportText.years(region.interconnection?.timeToEnergise),
        entry.supply.years.first?.grid.formatted() ?? ReportText.absent,
        entry.supply.years.last?.grid.formatted() ?? ReportText.absent, ReportText.clip(region.name, 24),
      ])
    }
    table.notes = [
      "A site naming a region energises no earlier than its grid request + the region's time to energise (+ queue-rule delays).",
      "Region additions are operators' and utilities' forecasts of energised load: no further queue lag is applied.",
    ]
    return table
  }

  static func regionLimits(_ outlook: GridOutlook) -> Table? {
    var table = Table(
      title: "Region limits", columns: [.init("region"), .init("limit"), .init("effect")])
    for entry in outlook.regions {
      for limit in entry.region.limits {
        table.append([entry.region.id, ReportText.clip(limit.name, 44), ReportText.clip(effect(limit), 58)])
      }
    }
    return table.rows.isEmpty ? nil : table
  }

  static func buildRates(_ outlook: GridOutlook) -> Table? {
    let country = outlook.country
    guard !country.additionsByYear.isEmpty || !country.transmissionCapacity.isEmpty else { return nil }
    var table = Table(
      title: "Build rates (nameplate generation added; inter-regional transmission capacity)",
      columns: [.init("year", .right), .init("generation added", .right), .init("transmission", .right)])
    let years = Set(country.additionsByYear.keys).union(country.transmissionCapacity.keys).sorted()
    for year in years {
      table.append([
        "\(year)", ReportText.quantity(country.additionsByYear[year]),
        ReportText.quantity(country.transmissionCapacity[year]),
      ])
    }
    let points = country.transmissionCapacity.keys.sorted()
    if let first = points.first, let last = points.last, last > first,
      let low = country.transmissionCapacity[first], let high = country.transmissionCapacity[last]
    {
      table.notes.append(
        "Transmission grows \(((high - low) / Double(last - first)).formatted()) a year \(first)-\(last) (derived).")
    }
    return table
  }

  static func options(_ outlook: GridOutlook) -> Table {
    var table = Table(
      title: "Behind-the-meter options \(outlook.country.id) may build (Grids/generation)",
      columns: [
        .init("option"), .init("capex", .right), .init("fuel+O&M", .right), .init("CO2", .right),
        .init("lead time", .right), .init("firm", .right), .init("from", .right), .init("new capacity a year"),
      ])
    for option in outlook.options {
      var limit = ReportText.absent
      if let supply = option.supplyLimit {
        let values = supply.byYear.keys.sorted().map { "\($0): \(supply.byYear[$0]!.formatted())" }
        limit = ReportText.clip("\(supply.scope): " + values.joined(separator: ", "), 30)
      }
      table.append([
        option.id, option.capex.formatted(), option.operatingCost.formatted(), option.emissions.formatted(),
        ReportText.years(option.leadTime), NumberText.plain(option.availability, 3),
        option.earliestYear.map(String.init) ?? ReportText.absent, limit,
      ])
    }
    table.notes = [
      "Capex per kW of nameplate; firm = share of nameplate counted as continuous supply; CO2 at the stack.",
      "A global limit is shared by every buyer; a national one belongs to its country.",
    ]
    return table
  }

  static func sources(_ outlook: GridOutlook) -> Table {
    let country = outlook.country
    let provenance = country.provenance
    var table = Table(
      title: "Inputs and their sources", columns: [.init("field"), .init("value"), .init("source")])
    func add(_ field: String, _ value: String, _ path: String) {
      table.append([ReportText.clip(field, 26), ReportText.clip(value, 20), ReportText.source(provenance, path)])
    }
    add("dc_load", "\(country.dcLoad.power.formatted()) (\(country.dcLoad.year))", "dc_load.power")
    if country.additionsByYear.isEmpty {
      add("additions", "\(country.additions.formatted())/yr", "additions")
    } else {
      for year in country.additionsByYear.keys.sorted() {
        add("additions \(year)", country.additionsByYear[year]!.formatted(), "additions.\(year)")
      }
    }
    add("dc_share_of_additions", NumberText.plain(country.dcShareOfAdditions, 3), "dc_share_of_additions")
    if let interconnection = country.interconnection {
      add(
        "time to energise", ReportText.years(interconnection.timeToEnergise), "interconnection.time_to_energise")
    }
    if let price = country.electricityPrice { add("electricity_price", price.formatted(), "electricity_price") }
    if let carbon = country.carbonIntensity { add("carbon_intensity", carbon.formatted(), "carbon_intensity") }
    add("pue", NumberText.plain(country.pue, 3), "pue")
    for (index, projection) in country.projections.enumerated() {
      add("projection \(projection.year)", projection.power.formatted(), "dc_load_projection.\(index).power")
    }
    for (year, power) in country.transmissionCapacity.sorted(by: { $0.key < $1.key }) {
      add("transmission \(year)", power.formatted(), "transmission_capacity.\(year)")
    }
    for (index, limit) in country.limits.enumerated() {
      add("L\(index + 1) \(limit.name)", limit.kind.rawValue, "limits.\(index)")
    }
    for region in country.regions {
      let base = "regions.\(region.id)"
      add("\(region.id) base", region.dcCapacity.power.formatted(), "\(base).dc_capacity.power")
      for year in region.dcAdditions.keys.sorted() {
        add("\(region.id) added \(year)", region.dcAdditions[year]!.formatted(), "\(base).dc_additions.\(year)")
      }
      if let interconnection = region.interconnection {
        add(
          "\(region.id) energise", ReportText.years(interconnection.timeToEnergise),
          "\(base).interconnection.time_to_energise")
        if let queue = interconnection.queue {
          add("\(region.id) queue", queue.formatted(), "\(base).interconnection.queue")
        }
      }
      for (index, limit) in region.limits.enumerated() where limit.delay != nil {
        add("\(region.id) delay", ReportText.years(limit.delay), "\(base).limits.\(index).delay")
      }
    }
    for option in outlook.options {
      table.append([
        ReportText.clip(option.id, 26), ReportText.clip("capex \(option.capex.formatted())", 20),
        ReportText.source(option.provenance, "capex"),
      ])
    }
    table.notes = ["Full notes and URLs: --format json, or the data files (Grids/countries, Grids/generation)."]
    return table
  }

  static func json(_ outlook: GridOutlook, country: Country) -> JSONValue {
    func supplyJSON(_ supply: PowerSupply) -> JSONValue {
      .array(
        supply.years.map { year in
          .object([
            ("year", .number(Double(year.year))), ("powerAvailableMW", .number(year.grid.megawatts)),
            ("addedMW", .number(year.gridAdded.megawatts)), ("blockedMW", .number(year.gridBlocked.megawatts)),
            ("limits", .array(year.limitsInForce.map { .string($0) })), ("cappedBy", .string(year.cappedBy)),
            (
              "behindTheMeterLimitsMW",
              .object(year.options.map { ($0.option, .number($0.newCapacityLimit?.megawatts)) })
            ),
          ])
        })
    }
    func sourcesJSON(_ provenance: Provenance) -> JSONValue {
      .array(
        provenance.sources.map { source in
          .object([
            ("url", .string(source.url)), ("supports", .array(source.supports.map { .string($0) })),
            ("confidence", .string(source.confidence.rawValue)), ("note", .string(source.note)),
          ])
        })
    }
    return .object([
      ("country", .string(country.id)), ("name", .string(country.name)),
      ("basis", .string(outlook.national.basis.rawValue)),
      ("timeToEnergiseYears", .number(country.interconnection?.timeToEnergise.years)),
      ("series", supplyJSON(outlook.national)),
      (
        "regions",
        .array(
          outlook.regions.map { entry in
            .object([
              ("region", .string(entry.region.id)), ("name", .string(entry.region.name)),
              ("basis", .string(entry.supply.basis.rawValue)),
              ("queueMW", .number(entry.region.interconnection?.queue?.megawatts)),
              ("queueOn", .string(entry.region.interconnection?.queueDate?.description)),
              ("timeToEnergiseYears", .number(entry.region.interconnection?.timeToEnergise.years)),
              (
                "limits",
                .array(
                  entry.region.limits.map { limit in
                    .object([
                      ("name", .string(limit.name)), ("kind", .string(limit.kind.rawValue)),
                      ("fromOn", .string(limit.from.description)), ("untilOn", .string(limit.until?.description)),
                      ("delayYears", .number(limit.delay?.years)), ("blockedShare", .number(limit.blockedShare)),
                      ("capMW", .number(limit.cap?.megawatts)),
                    ])
                  })
              ),
              ("series", supplyJSON(entry.supply)),
            ])
          })
      ),
      (
        "behindTheMeter",
        .array(
          outlook.options.map { option in
            .object([
              ("id", .string(option.id)), ("technology", .string(option.technology.rawValue)),
              ("capexUSDPerKW", .number(option.capex.baseValue)),
              ("operatingUSDPerMWh", .number(option.operatingCost.baseValue)),
              ("emissionsGPerKWh", .number(option.emissions.baseValue)),
              ("leadTimeYears", .number(option.leadTime.years)),
              ("availabilityShare", .number(option.availability)), ("combustion", .bool(option.combustion)),
              ("limitScope", .string(option.supplyLimit?.scope.description)),
              ("sources", sourcesJSON(option.provenance)),
            ])
          })
      ),
      ("sources", sourcesJSON(country.provenance)),
    ])
  }

  /// The data tables of `grid show`: series (main: the country's and each region's supply by year), regions,
  /// behind-the-meter options, sources.
  static func dataTables(_ outlook: GridOutlook) -> [DataTable] {
    var series = DataTable(
      name: "series",
      rowMeaning: "one row per area (the country, then each region) and year: power available to data centres",
      columns: ["area", "year", "powerAvailableMW", "addedMW", "blockedMW", "limits", "cappedBy"])
    let areas = [(outlook.country.id, outlook.national)] + outlook.regions.map { ($0.region.id, $0.supply) }
    for (area, supply) in areas {
      for year in supply.years {
        series.append([
          ("area", .string(area)), ("year", .number(Double(year.year))),
          ("powerAvailableMW", .number(year.grid.megawatts)),
          ("addedMW", .number(year.gridAdded.megawatts)), ("blockedMW", .number(year.gridBlocked.megawatts)),
          ("limits", .array(year.limitsInForce.map { .string($0) })), ("cappedBy", .string(year.cappedBy)),
        ])
      }
    }
    var regions = DataTable(
      name: "regions", rowMeaning: "one row per region: connected capacity, queue, time to energise",
      columns: ["region", "name", "baseMW", "baseYear", "queueMW", "queueOn", "timeToEnergiseYears"])
    for entry in outlook.regions {
      let region = entry.region
      regions.append([
        ("region", .string(region.id)), ("name", .string(region.name)),
        ("baseMW", .number(region.dcCapacity.power.megawatts)),
        ("baseYear", .number(Double(region.dcCapacity.year))),
        ("queueMW", .number(region.interconnection?.queue?.megawatts)),
        ("queueOn", .string(region.interconnection?.queueDate?.description)),
        ("timeToEnergiseYears", .number(region.interconnection?.timeToEnergise.years)),
      ])
    }
    var options = DataTable(
      name: "options", rowMeaning: "one row per behind-the-meter option the country may build",
      columns: [
        "option", "technology", "capexUSDPerKW", "operatingUSDPerMWh", "emissionsGPerKWh", "leadTimeYears",
        "availabilityShare", "earliestYear", "combustion",
      ])
    for option in outlook.options {
      options.append([
        ("option", .string(option.id)), ("technology", .string(option.technology.rawValue)),
        ("capexUSDPerKW", .number(option.capex.baseValue)),
        ("operatingUSDPerMWh", .number(option.operatingCost.baseValue)),
        ("emissionsGPerKWh", .number(option.emissions.baseValue)), ("leadTimeYears", .number(option.leadTime.years)),
        ("availabilityShare", .number(option.availability)),
        ("earliestYear", .number(option.earliestYear.map(Double.init))),
        ("combustion", .bool(option.combustion)),
      ])
    }
    var sources = DataTable(
      name: "sources", rowMeaning: "one row per source of the country's or an option's figures",
      columns: ["item", "url", "supports", "confidence", "note"])
    let items = [(outlook.country.id, outlook.country.provenance)] + outlook.options.map { ($0.id, $0.provenance) }
    for (item, provenance) in items {
      for source in provenance.sources {
        sources.append([
          ("item", .string(item)), ("url", .string(source.url)),
          ("supports", .array(source.supports.map { .string($0) })),
          ("confidence", .string(source.confidence.rawValue)), ("note", .string(source.note)),
        ])
      }
    }
    return [series, regions, options, sources]
  }

  /// `grid list`: every country side by side in one year (all power in MW).
  public static func list(_ countries: [Country], year: Int) -> Report {
    var table = Table(
      title: "Countries: data-centre power (average load) and prices",
      columns: [
        .init("country"), .init("name"), .init("base load", .right), .init("base year", .right),
        .init("additions \(year)", .right), .init("DC share", .right), .init("DC added \(year)", .right),
        .init("available \(year)", .right), .init("price", .right), .init("carbon", .right),
        .init("PUE", .right), .init("groups"), .init("tier", .right),
      ])
    var data = DataTable(
      name: "countries",
      rowMeaning: "one row per country: base load, additions and power available in the year, prices",
      columns: [
        "country", "name", "dcLoadMW", "dcLoadYear", "additionsMW", "dcAdditionsShare", "dcAddedMW", "powerAvailableMW",
        "year", "electricityPriceUSDPerMWh", "carbonIntensityGPerKWh", "pue", "exportGroups", "diffusionTier",
      ])
    for country in countries {
      let entry = country.dataCentrePower(from: year, to: year)[0]
      table.append([
        country.id, country.name, country.dcLoad.power.formatted(), "\(country.dcLoad.year)",
        country.additions(in: year).formatted(), NumberText.plain(country.dcShareOfAdditions, 2),
        entry.added.formatted(), entry.available.formatted(), Cells.quantity(country.electricityPrice),
        Cells.quantity(country.carbonIntensity), NumberText.plain(country.pue, 3),
        country.exportGroups.isEmpty ? "—" : country.exportGroups.joined(separator: " "),
        country.diffusionTier.map(String.init) ?? "—",
      ])
      data.append([
        ("country", .string(country.id)), ("name", .string(country.name)),
        ("dcLoadMW", .number(country.dcLoad.power.megawatts)), ("dcLoadYear", .number(Double(country.dcLoad.year))),
        ("additionsMW", .number(country.additions(in: year).megawatts)),
        ("dcAdditionsShare", .number(country.dcShareOfAdditions)), ("dcAddedMW", .number(entry.added.megawatts)),
        ("powerAvailableMW", .number(entry.available.megawatts)), ("year", .number(Double(year))),
        ("electricityPriceUSDPerMWh", .number(country.electricityPrice?.baseValue)),
        ("carbonIntensityGPerKWh", .number(country.carbonIntensity?.baseValue)), ("pue", .number(country.pue)),
        ("exportGroups", .array(country.exportGroups.map { .string($0) })),
        ("diffusionTier", .number(country.diffusionTier.map(Double.init))),
      ])
    }
    table.notes = [
      "Available(y) = base load + sum of additions(t - L) x DC share x (1 - blocked share) over the years after the base,",
      "held under caps; L = the country's time to energise in years (0 without one; see 'headroom grid show <iso>').",
      "DC share is a modelling assumption in every file (see 'headroom grid show <iso>' for the reasoning).",
    ]
    let json = JSONValue.object([
      ("year", .number(Double(year))),
      (
        "countries",
        .array(
          data.rows.map { row in .object(zip(data.columns, row).filter { $0.0 != "year" }.map { ($0.0, $0.1) }) })
      ),
    ])
    return Report(tables: [table], json: json, data: [data])
  }
}
