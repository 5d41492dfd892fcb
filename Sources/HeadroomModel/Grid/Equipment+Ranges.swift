extension Equipment {
  /// The sane ranges of a long-lead equipment item's figures (``SaneRange``), checked when a data file is
  /// loaded.
  public enum Ranges {
    public static let leadTime = SaneRange(0...10, "years")
  }
}
