extension Country {
  /// The sane ranges of a country's figures (``SaneRange``), checked when a data file is loaded.
  public enum Ranges {
    /// Data-centre load in the base year.
    public static let dcLoad = SaneRange(0.001...500, "GW")
    /// Yearly grid capacity additions (each year of a series).
    public static let additions = SaneRange(0...2000, "GW")
    public static let electricityPrice = SaneRange(5...1000, "USD/MWh")
    public static let carbonIntensity = SaneRange(0...1200, "g/kWh")
    /// Time from a grid connection request to energisation (a country's or region's interconnection).
    public static let timeToEnergise = SaneRange(0...20, "years")
    /// Extra wait a limit adds to connections requested while it is in force.
    public static let limitDelay = SaneRange(0...20, "years")
  }
}
