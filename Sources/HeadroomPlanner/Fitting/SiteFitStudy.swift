import HeadroomModel

/// What `headroom fit` reports: the fit of one system in one year on the power the site really has then (grid
/// phases moved by the queue and equipment waits), the site's time to power, and what behind-the-meter options
/// could bridge the gap to its stated phases, at what cost and CO2.
public struct SiteFitStudy: Sendable {
  /// A behind-the-meter option that could bridge the wait, sized to the gap in the fit year.
  public struct Bridge: Sendable, Hashable {
    public var option: String
    public var name: String
    /// The first year it counts when ordered on ``orderedOn``.
    public var firstYear: Int
    public var orderedOn: Day
    /// Nameplate needed to make up the gap between the stated and the energised IT power in the fit year.
    public var nameplate: Power
    public var capex: Money
    /// Fuel and O&M for a year at firm output.
    public var operatingPerYear: Money
    /// CO2 for a year at firm output.
    public var co2PerYear: Mass
    /// Whether the air permit allows that much combustion (nil: no permit stated, or not combustion).
    public var withinAirPermit: Bool?
    public var combustion: Bool
  }

  public var site: Site
  public var year: Int
  public var timeToPower: TimeToPower
  /// The fit on the energised site, nil when no grid power counts in the year yet.
  public var fit: SiteFit?
  /// IT power the stated phases would give in the year, and what the site really has.
  public var statedITPower: Power
  public var energisedITPower: Power
  /// Options the site's `behind_the_meter` allows, sized to the gap (empty when there is no gap or none is allowed).
  public var bridges: [Bridge]
  /// Why there are no bridges, when there are none.
  public var bridgeNote: String?

  /// Fits a system into a site in a year on the power it has then.
  ///
  /// - Throws: ``CatalogError`` for an unknown country or region; ``SiteFitter/Refusal`` when no hall can take
  ///   the system at all, or the year is before the site's first stated phase. A year after a stated phase but
  ///   before its grid can energise is no error: the fit is nil and the report says time to power.
  public init(catalog: Catalog, site: Site, system: AcceleratorSystem, year: Int?) throws {
    let country = try catalog.country(site.country)
    let timeToPower = try site.timeToPower(country: country, equipment: catalog.equipment)
    let energised = site.energised(timeToPower)
    let year = year ?? energised.phaseYears.last ?? site.phaseYears.last ?? 2026
    self.site = site
    self.year = year
    self.timeToPower = timeToPower
    self.statedITPower = site.itPower(in: year) ?? .zero
    self.energisedITPower = energised.itPower(in: year) ?? .zero
    if energised.itPower(in: year) != nil {
      self.fit = try SiteFitter().fit(system, into: energised, in: year)
    } else if site.itPower(in: year) == nil {
      // Before the site's own first phase: the fitter's error names the interconnect line.
      self.fit = try SiteFitter().fit(system, into: site, in: year)
    } else {
      // No grid yet: still refuse a system no hall can take, on the stated site.
      if let stated = site.phaseYears.last { _ = try SiteFitter().fit(system, into: site, in: stated) }
      self.fit = nil
    }
    let gap = statedITPower - energisedITPower
    var bridges: [Bridge] = []
    var note: String?
    if gap.baseValue <= 0 {
      note = "no gap: the grid phases energise when the site file states"
    } else if let btm = site.behindTheMeter {
      let ordered = btm.ordered ?? Day(year: site.phaseYears.first ?? year)
      let factor = site.derating / site.redundancy.factor / site.pue
      for id in btm.options ?? catalog.generation.map(\.id) {
        let option = try catalog.generationOption(id)
        guard option.isAvailable(in: country.id) else { continue }
        let nameplate = gap / (option.availability * factor)
        let energy = nameplate * option.availability * TimeSpan.year
        bridges.append(
          Bridge(
            option: option.id, name: option.name, firstYear: option.firstYear(orderedOn: ordered), orderedOn: ordered,
            nameplate: nameplate, capex: nameplate * option.capex, operatingPerYear: energy * option.operatingCost,
            co2PerYear: energy * option.emissions,
            withinAirPermit: option.combustion ? btm.airPermit.map { nameplate <= $0 } : nil,
            combustion: option.combustion))
      }
    } else {
      note = "the site file allows no behind-the-meter generation (add 'behind_the_meter' to bridge the wait)"
    }
    self.bridges = bridges
    self.bridgeNote = note
  }
}
