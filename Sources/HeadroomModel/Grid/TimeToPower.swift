/// When a site's grid phases can energise: no earlier than the year the file states, the grid request plus
/// the region's time to energise (and the queue rules in force at the request), and the arrival of its
/// long-lead equipment. Build it with ``Site/timeToPower(country:equipment:)``.
///
/// A phase counts from the first whole year after all three (systems are installed at the start of a year).
public struct TimeToPower: Sendable, Hashable {
  /// What held a phase back past its stated year.
  public enum Hold: String, Sendable, Hashable, CaseIterable {
    case queue = "interconnection queue"
    case equipment = "long-lead equipment"
  }

  /// One grid phase.
  public struct Phase: Sendable, Hashable {
    /// The year the site file gives.
    public var statedYear: Int
    /// The site's grid supply from that phase on.
    public var power: Power
    /// The first whole year the phase counts.
    public var firstYear: Int
    /// What moved it past its stated year, empty when nothing did.
    public var heldBy: [Hold]
  }

  /// One long-lead item and when it arrives.
  public struct Delivery: Sendable, Hashable {
    public var equipment: String
    public var name: String
    public var leadTime: TimeSpan
    public var arrives: Day
  }

  public var site: String
  /// The region whose queue applies, nil for the country's.
  public var region: String?
  public var gridRequested: Day?
  /// Time to energise used (the region's, else the country's), nil when none is published.
  public var timeToEnergise: TimeSpan?
  /// Whole years the queue rules in force on the request day add.
  public var queueDelayYears: Int
  /// The request plus the time to energise and the delay: the earliest the queue lets the grid energise.
  public var queueReady: Day?
  public var equipmentOrdered: Day?
  public var deliveries: [Delivery]
  /// The latest delivery: the earliest the equipment lets the grid energise.
  public var equipmentReady: Day?
  public var phases: [Phase]

  /// The grid interconnect by year once each phase is moved to the first year it counts.
  public var energisedInterconnect: [Int: Power] {
    var result: [Int: Power] = [:]
    var latestStated: [Int: Int] = [:]
    for phase in phases where phase.statedYear >= (latestStated[phase.firstYear] ?? Int.min) {
      result[phase.firstYear] = phase.power
      latestStated[phase.firstYear] = phase.statedYear
    }
    return result
  }

  /// The first year any grid power counts.
  public var firstGridYear: Int? { phases.map(\.firstYear).min() }

  /// Whether any phase energises later than its stated year.
  public var isDelayed: Bool { phases.contains { !$0.heldBy.isEmpty } }
}

extension Site {
  /// When the site's grid phases can energise (see ``TimeToPower``).
  ///
  /// - Throws: ``CatalogError`` naming the site file, line, field `region` and value when the site names a
  ///   region its country does not have.
  public func timeToPower(country: Country, equipment: [Equipment]) throws(CatalogError) -> TimeToPower {
    var area: Country.Region?
    if let region {
      guard let found = country.region(region) else {
        throw CatalogError(
          file: provenance.file, line: provenance.lines["region"], field: "region", value: region,
          expected: "unknown grid region of \(country.id)"
            + NearestNames.suggestion(for: region, among: country.regions.map(\.id))
            + (country.regions.isEmpty
              ? " (\(country.id) has no regions)" : "; known: \(country.regions.map(\.id).joined(separator: ", "))"))
      }
      area = found
    }
    let interconnection = area?.interconnection ?? country.interconnection
    var queueReady: Day?
    var delay = 0
    if let gridRequested, let interconnection {
      delay = (area?.limits ?? country.limits).filter { $0.isInForce(on: gridRequested) }.compactMap(\.delay)
        .map { max(0, Int($0.years.rounded())) }.reduce(0, +)
      queueReady = gridRequested.adding(interconnection.timeToEnergise).adding(TimeSpan(years: Double(delay)))
    }
    var deliveries: [TimeToPower.Delivery] = []
    if let equipmentOrdered {
      deliveries = equipment.map {
        .init(equipment: $0.id, name: $0.name, leadTime: $0.leadTime, arrives: equipmentOrdered.adding($0.leadTime))
      }
    }
    let equipmentReady = deliveries.map(\.arrives).max()
    let phases = phaseYears.map { year -> TimeToPower.Phase in
      var first = year
      var held: [TimeToPower.Hold] = []
      if let queueReady, queueReady.firstWholeYear > year {
        first = max(first, queueReady.firstWholeYear)
        held.append(.queue)
      }
      if let equipmentReady, equipmentReady.firstWholeYear > year {
        first = max(first, equipmentReady.firstWholeYear)
        held.append(.equipment)
      }
      return .init(statedYear: year, power: interconnect[year] ?? .zero, firstYear: first, heldBy: held)
    }
    return TimeToPower(
      site: id, region: area?.id, gridRequested: gridRequested,
      timeToEnergise: gridRequested == nil ? nil : interconnection?.timeToEnergise, queueDelayYears: delay,
      queueReady: queueReady, equipmentOrdered: equipmentOrdered, deliveries: deliveries,
      equipmentReady: equipmentReady, phases: phases)
  }

  /// The site with its grid phases moved to the years they can energise.
  public func energised(_ timeToPower: TimeToPower) -> Site {
    var site = self
    site.interconnect = timeToPower.energisedInterconnect
    return site
  }
}
