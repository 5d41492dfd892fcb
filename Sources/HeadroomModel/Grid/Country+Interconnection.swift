extension Country {
  /// A grid's large-load interconnection process: how much load waits and how long a new request takes.
  public struct Interconnection: Sendable, Hashable {
    /// Typical time from a large-load request to energisation.
    public var timeToEnergise: TimeSpan
    /// Large loads waiting to connect (connected capacity requested), when published.
    public var queue: Power?
    /// The day the queue figure refers to.
    public var queueDate: Day?

    public init(timeToEnergise: TimeSpan, queue: Power? = nil, queueDate: Day? = nil) {
      self.timeToEnergise = timeToEnergise
      self.queue = queue
      self.queueDate = queueDate
    }

    /// The time to energise in whole years (rounded to the nearest year), as supply series use it.
    public var wholeYears: Int { max(0, Int(timeToEnergise.years.rounded())) }
  }
}
