import HeadroomModel

/// Fits systems of one kind into a site's halls in a year.
///
/// Per hall: an air-cooled hall takes only air-cooled systems (a liquid-cooled hall takes both);
/// a server shares racks — systems per rack = the least of ⌊rack power / system power⌋ and
/// ⌊42 U / system U⌋; a rack-scale system of r racks needs rack power ≥ its power / r and takes r racks.
/// Usable racks = the least of the hall's racks and ⌊floor area / area per rack⌋.
/// Site-wide: systems ≤ ⌊IT power / system power⌋ with IT power = supply × derating / redundancy / PUE.
public struct SiteFitter: Sendable {
  /// Rack units in a standard rack (an assumption: 42U racks, the common enterprise size).
  public static let rackUnitsPerRack = 42

  public init() {}

  /// Why a system cannot be fitted at all.
  public struct Refusal: Error, Sendable, CustomStringConvertible {
    /// One line per hall, each naming the data file, line, field, value and the need.
    public var reasons: [String]
    public var description: String { reasons.joined(separator: "\n") }
  }

  /// The fit, or a refusal naming each hall's reason when no hall can take the system, or when the
  /// year is before the site's first phase.
  public func fit(_ system: AcceleratorSystem, into site: Site, in year: Int) throws(Refusal) -> SiteFit {
    guard let itPower = site.itPower(in: year) else {
      let first = site.phaseYears.first ?? 0
      throw Refusal(reasons: [
        "\(site.provenance.location(of: "interconnect")): field 'interconnect': value '\(year)': the site's first phase is \(first); choose a year from \(first)"
      ])
    }
    var halls: [SiteFit.HallFit] = []
    var reasons: [String] = []
    for hall in site.halls {
      let path = "halls.\(hall.id)"
      var fit = SiteFit.HallFit(
        hall: hall.id, excluded: nil, usableRacks: 0, systemsPerRack: 0, racksPerSystem: 1, systems: 0,
        binding: nil)
      if system.cooling == .liquid && hall.cooling == .air {
        fit.excluded = "air-cooled hall; \(system.id) needs liquid cooling"
        reasons.append(
          "\(site.provenance.location(of: "\(path).cooling")): field '\(path).cooling': value 'air': \(system.id) is liquid-cooled and needs a liquid-cooled hall"
        )
      }
      let racksByFloor: Int? = {
        guard let floor = hall.floorArea, let perRack = hall.areaPerRack, perRack.baseValue > 0 else { return nil }
        // A floor that holds more racks than a whole number counts does not limit them.
        return Int(representing: floor / perRack, rounding: .down) ?? hall.racks
      }()
      fit.usableRacks = min(hall.racks, racksByFloor ?? hall.racks)
      let floorBinds = (racksByFloor ?? hall.racks) < hall.racks
      switch system.footprint {
      case .rackUnits(let units):
        let byPower = Int(representing: hall.rackPower / system.power, rounding: .down) ?? Self.rackUnitsPerRack
        let bySpace = Self.rackUnitsPerRack / units
        fit.systemsPerRack = min(byPower, bySpace)
        if byPower < 1, fit.excluded == nil {
          fit.excluded =
            "rack power \(hall.rackPower.formatted()) is below one \(system.id) (\(system.power.formatted()))"
          reasons.append(
            "\(site.provenance.location(of: "\(path).rack_power")): field '\(path).rack_power': value '\(hall.rackPower.formatted())': one \(system.id) needs \(system.power.formatted()) per rack"
          )
        }
        if fit.excluded == nil {
          fit.systems = fit.usableRacks * fit.systemsPerRack
          fit.binding = floorBinds ? .floorSpace : (byPower < bySpace ? .rackPower : .rackCount)
        }
      case .wholeRacks(let racks):
        fit.racksPerSystem = racks
        fit.systemsPerRack = racks == 1 ? 1 : 0
        let perRack = system.power / Double(racks)
        if hall.rackPower < perRack, fit.excluded == nil {
          fit.excluded =
            "rack power \(hall.rackPower.formatted()) is below the \(perRack.formatted()) per rack \(system.id) needs"
          reasons.append(
            "\(site.provenance.location(of: "\(path).rack_power")): field '\(path).rack_power': value '\(hall.rackPower.formatted())': a \(system.id) needs \(perRack.formatted()) per rack (a whole-rack system)"
          )
        }
        if fit.excluded == nil {
          fit.systems = fit.usableRacks / racks
          fit.binding = floorBinds ? .floorSpace : .rackCount
        }
      }
      halls.append(fit)
    }
    let usable = halls.filter { $0.excluded == nil }
    guard !usable.isEmpty else {
      throw Refusal(reasons: ["\(system.id) cannot go into any hall of \(site.id):"] + reasons)
    }
    let byRacks = usable.map(\.systems).reduce(0, +)
    guard let bySitePower = Int(representing: itPower / system.power, rounding: .down) else {
      throw Refusal(reasons: [
        "\(site.provenance.location(of: "interconnect")): field 'interconnect': value '\(itPower.formatted())' of IT power in \(year): more \(system.id) than a whole number counts (\(NumberText.readable(itPower / system.power)))"
      ])
    }
    let systems = min(byRacks, bySitePower)

    var capacity: [SiteFit.Limit: Int] = [.sitePower: bySitePower]
    // The hall-level limits, summed over halls where each binds (a hall bound by floor space counts there).
    for limit in [SiteFit.Limit.rackPower, .rackCount, .floorSpace] {
      if usable.contains(where: { $0.binding == limit }) { capacity[limit] = byRacks }
    }
    let binding: SiteFit.Limit
    if bySitePower < byRacks {
      binding = .sitePower
    } else {
      // The hall limit that holds the most systems back: the binding of the largest hall contribution.
      let tally = Dictionary(grouping: usable, by: { $0.binding ?? .rackCount }).mapValues {
        $0.map(\.systems).reduce(0, +)
      }
      binding = tally.max { ($0.value, $0.key.rawValue) < ($1.value, $1.key.rawValue) }?.key ?? .rackCount
    }
    // Racks in use: fill halls in order until the fitted count is placed.
    var remaining = systems
    var racksUsed = 0
    for hall in usable {
      let placed = min(remaining, hall.systems)
      remaining -= placed
      racksUsed +=
        hall.racksPerSystem > 1
        ? placed * hall.racksPerSystem
        : (placed + hall.systemsPerRack - 1) / hall.systemsPerRack
    }
    let itUsed = system.power * Double(systems)
    return SiteFit(
      site: site.id, system: system.id, systemPower: system.power, year: year, systems: systems,
      accelerators: systems * system.acceleratorCount, binding: binding, capacityByLimit: capacity,
      itPower: itPower, itPowerUsed: itUsed, facilityPowerUsed: itUsed * site.pue, racksUsed: racksUsed,
      racksAvailable: usable.map(\.usableRacks).reduce(0, +), halls: halls)
  }
}
