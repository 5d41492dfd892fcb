extension AcceleratorSystem {
  /// The sane ranges of a system's figures (``SaneRange``), checked when a data file is loaded.
  public enum Ranges {
    /// Power at the wall, from a small server to a row of racks.
    public static let power = SaneRange(100...50_000_000, "W")
  }
}
