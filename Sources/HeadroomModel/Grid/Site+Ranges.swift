extension Site {
  /// The sane ranges of a site's figures (``SaneRange``), checked when a data file is loaded.
  public enum Ranges {
    /// Grid interconnect in each year it is given.
    public static let interconnect = SaneRange(0.1...20000, "MW")
    /// Power per rack in a hall.
    public static let rackPower = SaneRange(1...500, "kW")
  }
}
