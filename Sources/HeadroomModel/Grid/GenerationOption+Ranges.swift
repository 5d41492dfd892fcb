extension GenerationOption {
  /// The sane ranges of a generation option's figures (``SaneRange``), checked when a data file is loaded.
  public enum Ranges {
    public static let capex = SaneRange(100...30000, "USD/kW")
    public static let operatingCost = SaneRange(0...500, "USD/MWh")
    public static let emissions = SaneRange(0...1200, "g/kWh")
    public static let leadTime = SaneRange(0...20, "years")
  }
}
