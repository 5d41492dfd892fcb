/// One AI accelerator part (a GPU, TPU or NPU package) with its published figures.
///
/// Compute rates are dense (non-sparse) peaks. Any figure may be absent when no source gives it.
public struct Accelerator: Sendable, Hashable, Identifiable {
  /// Whether a part ships in volume or is only announced (a roadmap part).
  public enum Status: String, Sendable, Hashable, CaseIterable {
    /// In volume production; its figures come from data sheets or measurements.
    case shipping
    /// Announced but not (yet) shipping in volume; its figures are the vendor's announced targets.
    case announced
  }

  /// The catalog id, e.g. `h100-sxm`.
  public var id: String
  /// The marketing name, e.g. "NVIDIA H100 SXM5 80GB".
  public var name: String
  /// The vendor id, e.g. `nvidia`.
  public var vendor: String
  /// First volume availability (for a roadmap part: the announced volume year).
  public var year: Int
  /// Shipping, or only announced.
  public var status: Status
  /// The day of the announcement a roadmap part's figures come from (required when `status` is
  /// `announced`, optional otherwise).
  public var announced: Day?
  /// The foundry process, e.g. "TSMC 4N".
  public var process: String?
  /// Whether the part is designed or marketed for data centres (EAR Note 2 to 3A090).
  public var datacenter: Bool
  /// ISO country code of the designer.
  public var origin: String
  /// The form factor, e.g. "SXM", "PCIe".
  public var form: String?
  /// Dense peak rate per supported precision.
  public var compute: [Precision: ComputeRate]
  /// On-package memory (HBM or GDDR).
  public var memory: Bytes?
  /// Memory bandwidth.
  public var memoryBandwidth: Bandwidth?
  /// Per-accelerator scale-up bandwidth (bidirectional aggregate), absent for PCIe-only parts.
  public var scaleUpBandwidth: Bandwidth?
  /// Thermal design power of the part.
  public var tdp: Power?
  /// Summed area of the logic dies (FinFET or GAA), excluding memory stacks.
  public var dieArea: Area?
  /// A reported price per part.
  public var price: Price?
  /// Where each figure comes from.
  public var provenance: Provenance

  public init(
    id: String, name: String, vendor: String, year: Int, status: Status = .shipping, announced: Day? = nil,
    process: String? = nil,
    datacenter: Bool, origin: String, form: String? = nil, compute: [Precision: ComputeRate],
    memory: Bytes? = nil, memoryBandwidth: Bandwidth? = nil, scaleUpBandwidth: Bandwidth? = nil,
    tdp: Power? = nil, dieArea: Area? = nil, price: Price? = nil, provenance: Provenance = .init()
  ) {
    self.id = id
    self.name = name
    self.vendor = vendor
    self.year = year
    self.status = status
    self.announced = announced
    self.process = process
    self.datacenter = datacenter
    self.origin = origin
    self.form = form
    self.compute = compute
    self.memory = memory
    self.memoryBandwidth = memoryBandwidth
    self.scaleUpBandwidth = scaleUpBandwidth
    self.tdp = tdp
    self.dieArea = dieArea
    self.price = price
    self.provenance = provenance
  }
}
