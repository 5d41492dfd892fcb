// Typed arithmetic between dimensions. Every relation that the sizing and planning models use is
// spelled out here, so that `Power * Bytes` does not compile.

public func * (lhs: Power, rhs: TimeSpan) -> Energy { Energy(baseValue: lhs.watts * rhs.seconds) }
public func * (lhs: TimeSpan, rhs: Power) -> Energy { rhs * lhs }
public func / (lhs: Energy, rhs: TimeSpan) -> Power { Power(baseValue: lhs.joules / rhs.seconds) }
public func / (lhs: Energy, rhs: Power) -> TimeSpan { TimeSpan(baseValue: lhs.joules / rhs.watts) }

public func * (lhs: ComputeRate, rhs: TimeSpan) -> Compute {
  Compute(baseValue: lhs.flopsPerSecond * rhs.seconds)
}
public func * (lhs: TimeSpan, rhs: ComputeRate) -> Compute { rhs * lhs }
public func / (lhs: Compute, rhs: ComputeRate) -> TimeSpan {
  TimeSpan(baseValue: lhs.flop / rhs.flopsPerSecond)
}
public func / (lhs: Compute, rhs: TimeSpan) -> ComputeRate {
  ComputeRate(baseValue: lhs.flop / rhs.seconds)
}

public func * (lhs: Bandwidth, rhs: TimeSpan) -> Bytes {
  Bytes(baseValue: lhs.bytesPerSecond * rhs.seconds)
}
public func / (lhs: Bytes, rhs: Bandwidth) -> TimeSpan {
  TimeSpan(baseValue: lhs.bytes / rhs.bytesPerSecond)
}
public func / (lhs: Bytes, rhs: TimeSpan) -> Bandwidth {
  Bandwidth(baseValue: lhs.bytes / rhs.seconds)
}

/// The cost of an amount of energy at a price.
public func * (lhs: Energy, rhs: EnergyPrice) -> Money {
  Money(baseValue: lhs.in("MWh") * rhs.baseValue)
}
public func * (lhs: EnergyPrice, rhs: Energy) -> Money { rhs * lhs }

/// The CO2-equivalent emitted by an amount of energy at a grid intensity.
public func * (lhs: Energy, rhs: CarbonIntensity) -> Mass {
  Mass(baseValue: lhs.in("kWh") * rhs.baseValue / 1000)
}
public func * (lhs: CarbonIntensity, rhs: Energy) -> Mass { rhs * lhs }

/// The capital cost of an amount of power capacity at a cost per kW.
public func * (lhs: Power, rhs: PowerCost) -> Money { Money(baseValue: lhs.in("kW") * rhs.baseValue) }
public func * (lhs: PowerCost, rhs: Power) -> Money { rhs * lhs }

extension Power {
  /// Creates a power from watts.
  public init(watts: Double) { self.init(baseValue: watts) }
  /// Creates a power from kilowatts.
  public init(kilowatts: Double) { self.init(baseValue: kilowatts * 1e3) }
  /// Creates a power from megawatts.
  public init(megawatts: Double) { self.init(baseValue: megawatts * 1e6) }
  /// The power in watts.
  public var watts: Double { baseValue }
  /// The power in megawatts.
  public var megawatts: Double { baseValue / 1e6 }
  /// The power in gigawatts.
  public var gigawatts: Double { baseValue / 1e9 }
}

extension Energy {
  /// Creates an energy from megawatt-hours.
  public init(megawattHours: Double) { self.init(baseValue: megawattHours * 3.6e9) }
  /// The energy in joules.
  public var joules: Double { baseValue }
  /// The energy in megawatt-hours.
  public var megawattHours: Double { baseValue / 3.6e9 }
}

extension ComputeRate {
  /// Creates a rate from TFLOP/s (or TOPS for integer formats).
  public init(teraflops: Double) { self.init(baseValue: teraflops * 1e12) }
  /// The rate in FLOP/s.
  public var flopsPerSecond: Double { baseValue }
  /// The rate in TFLOP/s (TOPS for integer formats).
  public var teraflops: Double { baseValue / 1e12 }
}

extension Compute {
  /// Creates an amount of compute from FLOP.
  public init(flop: Double) { self.init(baseValue: flop) }
  /// The amount in FLOP.
  public var flop: Double { baseValue }
}

extension Bytes {
  /// Creates a size from gigabytes (10^9 bytes).
  public init(gigabytes: Double) { self.init(baseValue: gigabytes * 1e9) }
  /// The size in bytes.
  public var bytes: Double { baseValue }
  /// The size in gigabytes (10^9 bytes).
  public var gigabytes: Double { baseValue / 1e9 }
}

extension Bandwidth {
  /// Creates a bandwidth from GB/s.
  public init(gigabytesPerSecond: Double) { self.init(baseValue: gigabytesPerSecond * 1e9) }
  /// The bandwidth in bytes per second.
  public var bytesPerSecond: Double { baseValue }
  /// The bandwidth in GB/s (10^9 bytes per second).
  public var gigabytesPerSecond: Double { baseValue / 1e9 }
}

extension Area {
  /// Creates an area from square millimetres.
  public init(squareMillimetres: Double) { self.init(baseValue: squareMillimetres) }
  /// The area in square millimetres.
  public var squareMillimetres: Double { baseValue }
  /// The area in square metres.
  public var squareMetres: Double { baseValue / 1e6 }
}

extension Money {
  /// Creates an amount from US dollars.
  public init(dollars: Double) { self.init(baseValue: dollars) }
  /// Creates an amount from millions of US dollars, the unit of plan costs and stored objectives.
  public init(millionsOfDollars: Double) { self.init(baseValue: millionsOfDollars * 1e6) }
  /// The amount in US dollars.
  public var dollars: Double { baseValue }
  /// The amount in millions of US dollars.
  public var millionsOfDollars: Double { baseValue / 1e6 }
}

extension TimeSpan {
  /// Creates a duration from seconds.
  public init(seconds: Double) { self.init(baseValue: seconds) }
  /// Creates a duration from hours.
  public init(hours: Double) { self.init(baseValue: hours * 3600) }
  /// Creates a duration from days.
  public init(days: Double) { self.init(baseValue: days * 86400) }
  /// Creates a duration from years of 365.25 days (8,766 hours each).
  public init(years: Double) { self.init(baseValue: years * 31_557_600) }
  /// One year of 365.25 days: the hours a full year of load runs (8,766).
  public static let year = TimeSpan(years: 1)
  /// The duration in seconds.
  public var seconds: Double { baseValue }
  /// The duration in milliseconds.
  public var milliseconds: Double { baseValue * 1000 }
  /// The duration in hours.
  public var hours: Double { baseValue / 3600 }
  /// The duration in days.
  public var days: Double { baseValue / 86400 }
}

extension TimeSpan {
  /// The duration in years of 365.25 days.
  public var years: Double { baseValue / 31_557_600 }

  /// Creates a duration from a `Swift.Duration` (a clock's elapsed time), to the attosecond as a `Double` holds it.
  ///
  /// For example, the time a solve took: `TimeSpan(clock.now - started).seconds`.
  public init(_ duration: Duration) {
    self.init(baseValue: Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18)
  }
}

extension Mass {
  /// The mass in tonnes.
  public var tonnes: Double { baseValue / 1000 }
}
