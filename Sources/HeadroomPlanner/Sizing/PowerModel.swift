import HeadroomModel

/// Power per accelerator at the meter: from a catalog system's wall power where one holds the part,
/// else from Epoch AI's multipliers on the TDP; then Epoch's IT overhead and the facility's PUE.
///
/// Epoch AI ("GPUs account for about 40 % of power usage in AI data centers", Dec 2025) nests the
/// power of a frontier data centre at peak: servers draw 1.53 x their GPUs' TDP (CPUs, memory, fans,
/// NICs inside the box), IT equipment 1.14 x the servers (switches between servers, management,
/// storage), the facility PUE x IT. A system's published wall power replaces the first step only: it
/// is a server-level figure, so the 1.14 IT overhead still applies on top of it.
///
/// For example (H100 SXM, DGX H100 at 10.2 kW for 8 GPUs, PUE 1.2):
/// server 1.275 kW, IT 1.454 kW, facility 1.744 kW per accelerator.
public struct PowerModel: Sendable, Hashable {
  /// Epoch's server power / GPU TDP.
  public static let serverMultiplier = 1.53
  /// Epoch's IT power / server power.
  public static let itMultiplier = 1.14

  /// Where the server-level figure comes from.
  public enum Basis: Sendable, Hashable, CustomStringConvertible {
    /// A catalog system: its maximum wall power over its accelerators.
    case system(id: String, wallPower: Power, accelerators: Int)
    /// Epoch's server multiplier on the accelerator's TDP.
    case tdpMultiplier(tdp: Power)

    public var description: String {
      switch self {
      case .system(let id, let wallPower, let accelerators):
        "system \(id): \(wallPower.formatted()) / \(accelerators) accelerators"
      case .tdpMultiplier(let tdp):
        "Epoch multiplier: \(PowerModel.serverMultiplier) x TDP \(tdp.formatted())"
      }
    }

    /// A short name for JSON: `system` or `tdp-multipliers`.
    public var kind: String {
      switch self {
      case .system: "system"
      case .tdpMultiplier: "tdp-multipliers"
      }
    }
  }

  public var basis: Basis
  /// Server-level power per accelerator.
  public var serverPower: Power

  /// Power per accelerator from a system's wall power.
  public init(system: AcceleratorSystem) {
    basis = .system(id: system.id, wallPower: system.power, accelerators: system.acceleratorCount)
    serverPower = system.powerPerAccelerator
  }

  /// Power per accelerator from its TDP and Epoch's server multiplier.
  public init(tdp: Power) {
    basis = .tdpMultiplier(tdp: tdp)
    serverPower = tdp * Self.serverMultiplier
  }

  /// The power model for an accelerator: the first catalog system holding it (by id), else its TDP;
  /// nil when the catalog has neither.
  public init?(accelerator: Accelerator, systems: [AcceleratorSystem]) {
    if let system = systems.lazy.filter({ $0.accelerator == accelerator.id }).min(by: { $0.id < $1.id }) {
      self.init(system: system)
    } else if let tdp = accelerator.tdp {
      self.init(tdp: tdp)
    } else {
      return nil
    }
  }

  /// IT power per accelerator (server power x 1.14).
  public var itPower: Power { serverPower * Self.itMultiplier }

  /// Facility power per accelerator at a PUE.
  public func facilityPower(pue: Double) -> Power { itPower * pue }

  /// One line saying how the figure was reached.
  public var explanation: String {
    "\(basis) = \(serverPower.formatted()) per accelerator, x \(Self.itMultiplier) IT overhead = \(itPower.formatted())"
  }
}
