import GRDB
import HeadroomModel

/// A row of `countries`: a country (or aggregate) as a source of data-centre power.
///
/// `export_groups` is space-separated (`D:1 D:4 D:5`), `members` comma-separated (aggregates only).
/// Power is in MW of average load; `installed_base_h100e` counts H100-equivalents.
public struct CountryRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "countries"

  public var id: String
  public var name: String
  public var members: String?
  public var exportGroups: String
  public var diffusionTier: Int?
  public var dcLoadMw: Double
  public var dcLoadYear: Int
  public var generationCapacityMw: Double?
  public var generationCapacityYear: Int?
  public var additionsMwPerYear: Double
  public var dcShareOfAdditions: Double
  public var electricityPriceUsdPerMwh: Double?
  public var carbonIntensityGPerKwh: Double?
  public var pue: Double
  public var installedBaseH100e: Double?
  public var installedBaseYear: Int?
  public var file: String?

  enum CodingKeys: String, CodingKey {
    case id, name, members
    case exportGroups = "export_groups"
    case diffusionTier = "diffusion_tier"
    case dcLoadMw = "dc_load_mw"
    case dcLoadYear = "dc_load_year"
    case generationCapacityMw = "generation_capacity_mw"
    case generationCapacityYear = "generation_capacity_year"
    case additionsMwPerYear = "additions_mw_per_year"
    case dcShareOfAdditions = "dc_share_of_additions"
    case electricityPriceUsdPerMwh = "electricity_price_usd_per_mwh"
    case carbonIntensityGPerKwh = "carbon_intensity_g_per_kwh"
    case pue
    case installedBaseH100e = "installed_base_h100e"
    case installedBaseYear = "installed_base_year"
    case file
  }

  /// The table's columns.
  public enum Columns {
    public static let id = Column(CodingKeys.id)
    public static let name = Column(CodingKeys.name)
    public static let dcLoadMw = Column(CodingKeys.dcLoadMw)
    public static let pue = Column(CodingKeys.pue)
  }
}

extension CountryRecord {
  /// The row for a catalog country.
  public init(_ country: Country, file: String?) {
    self.init(
      id: country.id, name: country.name,
      members: country.members.isEmpty ? nil : country.members.joined(separator: ","),
      exportGroups: country.exportGroups.joined(separator: " "), diffusionTier: country.diffusionTier,
      dcLoadMw: country.dcLoad.power.megawatts, dcLoadYear: country.dcLoad.year,
      generationCapacityMw: country.generationCapacity?.power.megawatts,
      generationCapacityYear: country.generationCapacity?.year,
      additionsMwPerYear: country.additions.megawatts, dcShareOfAdditions: country.dcShareOfAdditions,
      electricityPriceUsdPerMwh: country.electricityPrice?.in("USD/MWh"),
      carbonIntensityGPerKwh: country.carbonIntensity?.in("g/kWh"), pue: country.pue,
      installedBaseH100e: country.installedBase?.h100Equivalents,
      installedBaseYear: country.installedBase?.year, file: file)
  }
}
