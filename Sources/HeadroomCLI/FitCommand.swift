import ArgumentParser
import HeadroomCatalog
import HeadroomModel
import HeadroomPlanner
import HeadroomReport

/// `headroom fit`: how many systems of a kind fit a site in a year, and which limit binds.
struct FitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fit",
    abstract: "How many systems fit a site in a year, which limit binds and the headroom on the others.",
    discussion: """
      Example: headroom fit --site dublin-colo-hall --system hgx-h200
      The fit uses the power the site really has in the year: a site with a grid request or an equipment order gets its
      grid phases when its region's queue and its long-lead equipment allow ("time to power"); the report shows when,
      and what behind-the-meter generation the site allows could bridge the wait, at what cost and CO2.
      A system that cannot go in at all (a liquid-cooled rack in an air-cooled hall, a rack limit below one
      rack-scale system) is an error naming the site file, line, field and value.
      """
  )

  @OptionGroup var options: CommonOptions

  @Option(help: "Site id ('headroom site list').", completion: IDCompletion.of(.site)) var site: String
  @Option(help: "System id ('headroom catalog list').", completion: IDCompletion.of(.system)) var system: String
  @Option(parsing: .unconditional, help: "Year (default: the site's last phase, once energised).") var year: Int?

  func run() throws {
    let data = try options.loadData()
    let catalog = data.catalog
    let site = try OptionLookup.named("--site", self.site) { () throws(CatalogError) in try catalog.site(self.site) }
    let system = try OptionLookup.named("--system", self.system) { () throws(CatalogError) in
      try catalog.system(self.system)
    }
    options.emit(
      SiteFitReport.report(try SiteFitStudy(catalog: catalog, site: site, system: system, year: year)), data: data,
      uses: [site.id, site.country, system.id, system.accelerator])
  }
}
