/// The one vocabulary of Headroom's JSON keys and CSV columns: camelCase keys that end in a unit suffix
/// from one list, and the snake_case CSV header each key becomes.
///
/// A key names the quantity, then its unit: `powerAvailableGW`, `costMUSD`, `demandH100e`,
/// `trainingServedShare`. The same key in CSV is `power_available_gw`, `cost_musd`, `demand_h100e`,
/// `training_served_share`. Keys without a suffix are identifiers (`country`, `year`), words (`binding`)
/// or plain counts (`accelerators`, `racksUsed`).
public enum JSONVocabulary {
  /// A unit suffix: how it is written at the end of a key, and what it means.
  public struct Suffix: Sendable, Hashable {
    public var suffix: String
    public var meaning: String
  }

  /// Every unit suffix, longest match first when read from a key.
  public static let suffixes: [Suffix] = [
    .init(suffix: "W", meaning: "watts"),
    .init(suffix: "KW", meaning: "kilowatts"),
    .init(suffix: "MW", meaning: "megawatts"),
    .init(suffix: "GW", meaning: "gigawatts"),
    .init(suffix: "MWh", meaning: "megawatt-hours"),
    .init(suffix: "USD", meaning: "US dollars"),
    .init(suffix: "MUSD", meaning: "millions of US dollars"),
    .init(suffix: "USDPerMWh", meaning: "US dollars per megawatt-hour"),
    .init(suffix: "USDPerKW", meaning: "US dollars per kilowatt"),
    .init(suffix: "USDPerYear", meaning: "US dollars a year"),
    .init(suffix: "USDPerMTokens", meaning: "US dollars per million tokens"),
    .init(suffix: "H100e", meaning: "H100-equivalents (dense 8-bit FLOP/s over the H100 SXM's)"),
    .init(suffix: "H100ePerMW", meaning: "H100-equivalents per megawatt"),
    .init(suffix: "H100ePer1000Units", meaning: "H100-equivalents per 1,000 accelerators"),
    .init(suffix: "Share", meaning: "a fraction from 0 to 1"),
    .init(suffix: "Year", meaning: "a calendar year"),
    .init(suffix: "Years", meaning: "a duration in years"),
    .init(suffix: "Days", meaning: "a duration in days"),
    .init(suffix: "Seconds", meaning: "a duration in seconds"),
    .init(suffix: "Ms", meaning: "a duration in milliseconds"),
    .init(suffix: "GB", meaning: "gigabytes (10^9 bytes)"),
    .init(suffix: "GBps", meaning: "gigabytes per second"),
    .init(suffix: "MM2", meaning: "square millimetres"),
    .init(suffix: "TFLOPS", meaning: "10^12 operations per second (dense)"),
    .init(suffix: "TFLOPSPerW", meaning: "10^12 operations per second per watt"),
    .init(suffix: "TFLOPSPerKUSD", meaning: "10^12 operations per second per thousand US dollars"),
    .init(suffix: "GBpsPerW", meaning: "gigabytes per second per watt"),
    .init(suffix: "FLOP", meaning: "floating-point operations"),
    .init(suffix: "YFLOP", meaning: "10^24 floating-point operations"),
    .init(suffix: "TokensPerSecond", meaning: "tokens per second"),
    .init(suffix: "MTokensPerSecond", meaning: "millions of tokens per second"),
    .init(suffix: "MTokens", meaning: "millions of tokens"),
    .init(suffix: "Tonnes", meaning: "tonnes (of CO2 where the key says co2)"),
    .init(suffix: "TonnesPerYear", meaning: "tonnes a year"),
    .init(suffix: "GPerKWh", meaning: "grams of CO2 per kilowatt-hour"),
    .init(suffix: "At", meaning: "an ISO 8601 timestamp in UTC (2026-01-31T12:00:00Z)"),
    .init(suffix: "On", meaning: "an ISO 8601 date (2026-01-31)"),
  ]

  /// Spellings that the vocabulary replaced, so a check can refuse them: `costMillions` is `costMUSD`.
  public static let refused: [String] = [
    "Millions", "MillionUSD", "Mw", "Gw", "Usd", "Musd", "H100E", "PerWatt", "Percent",
  ]

  /// The unit suffix a key ends in (the longest that matches), if any.
  public static func suffix(of key: String) -> Suffix? {
    byLength.first { key.count > $0.suffix.count && key.hasSuffix($0.suffix) }
  }

  static let byLength = suffixes.sorted { $0.suffix.count > $1.suffix.count }

  /// The CSV header of a key: its stem in snake case, then its unit suffix in lower case with its own
  /// words: `powerAvailableGW` → `power_available_gw`, `demandH100e` → `demand_h100e`, `capexUSDPerKW` →
  /// `capex_usd_per_kw`, `energyMWh` → `energy_mwh`.
  public static func snakeCase(_ key: String) -> String {
    guard let suffix = suffix(of: key) else { return words(key) }
    return words(String(key.dropLast(suffix.suffix.count))) + "_" + words(suffix.suffix, units: true)
  }

  /// Words of a camelCase text joined by underscores, in lower case. An upper-case letter starts a word after a
  /// lower-case letter or a digit, or when it ends a run of capitals that a lower-case letter follows
  /// (`gridITPower` → `grid_it_power`). With `units`, the unit spellings `MWh`, `GBps`, `H100e` stay whole.
  static func words(_ text: String, units: Bool = false) -> String {
    if units {
      for whole in ["MWh", "GBps", "H100e", "KWh"] where text.contains(whole) {
        return text.components(separatedBy: whole).map { words($0, units: true) }
          .joined(separator: "_" + whole.lowercased() + "_")
          .split(separator: "_").joined(separator: "_")
      }
    }
    let characters = Array(text)
    var result = ""
    for (index, character) in characters.enumerated() {
      if character.isUppercase && index > 0 {
        let previous = characters[index - 1]
        let next = index + 1 < characters.count ? characters[index + 1] : nil
        let startsWord =
          previous.isLowercase || previous.isNumber || (previous.isUppercase && (next?.isLowercase ?? false))
        if startsWord { result.append("_") }
      }
      result.append(contentsOf: character.lowercased())
    }
    return result
  }
}
