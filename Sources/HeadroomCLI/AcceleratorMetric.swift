import ArgumentParser
import HeadroomModel

/// A figure accelerators can be sorted or compared by, including derived ones.
enum AcceleratorMetric: String, CaseIterable, ExpressibleByArgument {
  case id, vendor, year, bf16, fp8, memory, bandwidth, tdp, tpp, pd, price
  case bf16PerWatt = "bf16-per-watt"
  case bf16PerDollar = "bf16-per-dollar"
  case bandwidthPerWatt = "bandwidth-per-watt"
  case h100e

  /// The metric's key in JSON and CSV (``JSONVocabulary``): `bf16TFLOPSPerW`.
  var key: String {
    switch self {
    case .id, .vendor, .year, .tpp, .pd, .h100e: rawValue
    case .bf16: "bf16TFLOPS"
    case .fp8: "fp8TFLOPS"
    case .memory: "memoryGB"
    case .bandwidth: "memoryBandwidthGBps"
    case .tdp: "tdpW"
    case .price: "priceUSD"
    case .bf16PerWatt: "bf16TFLOPSPerW"
    case .bf16PerDollar: "bf16TFLOPSPerKUSD"
    case .bandwidthPerWatt: "bandwidthGBpsPerW"
    }
  }

  /// The numeric value used for sorting; nil sorts last.
  func value(_ accelerator: Accelerator) -> Double? {
    switch self {
    case .id, .vendor: nil
    case .year: Double(accelerator.year)
    case .bf16: accelerator.bf16?.teraflops
    case .fp8: accelerator.fp8OrInt8?.teraflops
    case .memory: accelerator.memory?.gigabytes
    case .bandwidth: accelerator.memoryBandwidth?.gigabytesPerSecond
    case .tdp: accelerator.tdp?.watts
    case .tpp: accelerator.totalProcessingPerformance.value
    case .pd: accelerator.performanceDensity
    case .price: accelerator.price?.amount.dollars
    case .bf16PerWatt: accelerator.bf16PerWatt
    case .bf16PerDollar: accelerator.bf16PerKiloDollar
    case .bandwidthPerWatt: accelerator.bandwidthPerWatt
    case .h100e: accelerator.h100Equivalents
    }
  }

  /// Sorts accelerators: text metrics ascending, numeric ones descending (absent values last).
  func sort(_ accelerators: [Accelerator], ascending: Bool = false) -> [Accelerator] {
    switch self {
    case .id: return accelerators.sorted { $0.id < $1.id }
    case .vendor: return accelerators.sorted { ($0.vendor, $0.id) < ($1.vendor, $1.id) }
    default:
      return accelerators.sorted { lhs, rhs in
        switch (value(lhs), value(rhs)) {
        case (let a?, let b?): return a == b ? lhs.id < rhs.id : (ascending ? a < b : a > b)
        case (_?, nil): return true
        case (nil, _?): return false
        case (nil, nil): return lhs.id < rhs.id
        }
      }
    }
  }
}
