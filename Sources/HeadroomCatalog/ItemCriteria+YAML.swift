import HeadroomModel

extension ItemCriteria {
  static let yamlKeys = [
    "tpp_at_least", "tpp_above", "tpp_below", "pd_at_least", "pd_below", "memory_bandwidth_at_least",
    "memory_bandwidth_above", "memory_bandwidth_below", "interconnect_at_least", "interconnect_below", "datacenter",
  ]

  /// Reads the threshold keys of a clause, exclusion or policy line (other keys are left to the caller).
  static func read(from entry: inout YAMLMapping) throws(CatalogError) -> ItemCriteria {
    let large = 0.0...1e12
    return ItemCriteria(
      tppAtLeast: try entry.number("tpp_at_least", in: large, what: "a TPP threshold"),
      tppAbove: try entry.number("tpp_above", in: large, what: "a TPP threshold"),
      tppBelow: try entry.number("tpp_below", in: large, what: "a TPP threshold"),
      densityAtLeast: try entry.number("pd_at_least", in: large, what: "a performance-density threshold"),
      densityBelow: try entry.number("pd_below", in: large, what: "a performance-density threshold"),
      memoryBandwidthAtLeast: try entry.quantity("memory_bandwidth_at_least", Bandwidth.self),
      memoryBandwidthAbove: try entry.quantity("memory_bandwidth_above", Bandwidth.self),
      memoryBandwidthBelow: try entry.quantity("memory_bandwidth_below", Bandwidth.self),
      interconnectAtLeast: try entry.quantity("interconnect_at_least", Bandwidth.self),
      interconnectBelow: try entry.quantity("interconnect_below", Bandwidth.self),
      datacenter: try entry.bool("datacenter"))
  }
}
