/// A server or rack-scale system: how many accelerators it holds and what it draws at the wall.
public struct AcceleratorSystem: Sendable, Hashable, Identifiable {
  /// How a system is cooled.
  public enum Cooling: String, Sendable, Hashable, CaseIterable {
    case air, liquid
  }

  /// How much rack space a system takes.
  public enum Footprint: Sendable, Hashable {
    /// A server of so many rack units (U) inside a standard rack.
    case rackUnits(Int)
    /// A rack-scale system that fills whole racks by itself: one for a GB200 NVL72, sixteen for a
    /// Huawei CloudMatrix 384. Its power spreads evenly over its racks.
    case wholeRacks(Int)
  }

  /// The catalog id, e.g. `dgx-h100`.
  public var id: String
  public var name: String
  public var vendor: String
  /// Shipping, or only announced (a roadmap rack whose figures are the vendor's targets).
  public var status: Accelerator.Status
  /// The day of the announcement a roadmap system's figures come from.
  public var announced: Day?
  /// The accelerator id the system holds.
  public var accelerator: String
  /// Accelerators per system.
  public var acceleratorCount: Int
  /// Maximum power at the wall.
  public var power: Power
  /// Typical power under training load, when published.
  public var typicalPower: Power?
  public var footprint: Footprint
  public var cooling: Cooling
  /// A reported price for the whole system.
  public var price: Price?
  public var provenance: Provenance

  public init(
    id: String, name: String, vendor: String, status: Accelerator.Status = .shipping, announced: Day? = nil,
    accelerator: String, acceleratorCount: Int,
    power: Power, typicalPower: Power? = nil, footprint: Footprint, cooling: Cooling,
    price: Price? = nil, provenance: Provenance = .init()
  ) {
    self.id = id
    self.name = name
    self.vendor = vendor
    self.status = status
    self.announced = announced
    self.accelerator = accelerator
    self.acceleratorCount = acceleratorCount
    self.power = power
    self.typicalPower = typicalPower
    self.footprint = footprint
    self.cooling = cooling
    self.price = price
    self.provenance = provenance
  }

  /// Wall power per accelerator (system power / accelerator count).
  public var powerPerAccelerator: Power { power / Double(acceleratorCount) }
}
