import HeadroomModel
import HeadroomReport

/// JSON shapes for accelerators and systems, with units in the key names.
enum AcceleratorJSON {
  static func summary(_ part: Accelerator, _ classification: ExportClassification) -> JSONValue {
    .object([
      ("id", .string(part.id)), ("name", .string(part.name)), ("vendor", .string(part.vendor)),
      ("year", .number(Double(part.year))), ("datacenter", .bool(part.datacenter)),
      ("origin", .string(part.origin)),
      (
        "computeTFLOPS",
        .object(part.compute.sorted { $0.key < $1.key }.map { ($0.key.rawValue, .number($0.value.teraflops)) })
      ),
      ("memoryGB", .number(part.memory?.gigabytes)),
      ("memoryBandwidthGBps", .number(part.memoryBandwidth?.gigabytesPerSecond)),
      ("scaleUpBandwidthGBps", .number(part.scaleUpBandwidth?.gigabytesPerSecond)),
      ("tdpW", .number(part.tdp?.watts)), ("dieAreaMM2", .number(part.dieArea?.squareMillimetres)),
      ("priceUSD", .number(part.price?.amount.dollars)),
      ("priceYear", part.price.map { .number(Double($0.year)) } ?? .null),
      ("priceKind", .string(part.price?.kind.rawValue)),
      ("tpp", .number(classification.tpp.value)),
      ("tppPrecision", .string(classification.tpp.precision?.rawValue)),
      ("pd", .number(classification.performanceDensity)), ("class", .string(classification.eccn)),
      ("clause", .string(classification.clause)),
      ("bf16TFLOPSPerW", .number(part.bf16PerWatt)), ("bf16TFLOPSPerKUSD", .number(part.bf16PerKiloDollar)),
      ("bandwidthGBpsPerW", .number(part.bandwidthPerWatt)), ("h100e", .number(part.h100Equivalents)),
    ])
  }

  static func system(_ system: AcceleratorSystem) -> JSONValue {
    let footprint: JSONValue
    switch system.footprint {
    case .rackUnits(let units): footprint = .object([("rackUnits", .number(Double(units)))])
    case .wholeRacks(let racks): footprint = .object([("wholeRacks", .number(Double(racks)))])
    }
    return .object([
      ("id", .string(system.id)), ("name", .string(system.name)), ("accelerator", .string(system.accelerator)),
      ("accelerators", .number(Double(system.acceleratorCount))), ("powerW", .number(system.power.watts)),
      ("typicalPowerW", .number(system.typicalPower?.watts)), ("footprint", footprint),
      ("cooling", .string(system.cooling.rawValue)),
    ])
  }

  static func sources(_ provenance: Provenance) -> JSONValue {
    .array(
      provenance.sources.map {
        .object([
          ("url", .string($0.url)), ("supports", .array($0.supports.map { .string($0) })),
          ("confidence", .string($0.confidence.rawValue)), ("note", .string($0.note)),
        ])
      })
  }

  /// A `catalog list` data row: the summary's scalars, with one column per precision (`bf16TFLOPS`).
  static func row(_ part: Accelerator, _ classification: ExportClassification) -> [(String, JSONValue)] {
    guard case .object(let pairs) = summary(part, classification) else { return [] }
    var row: [(String, JSONValue)] = []
    for (key, value) in pairs {
      if key == "computeTFLOPS" {
        for precision in Precision.allCases {
          row.append(("\(precision.rawValue)TFLOPS", .number(part.compute[precision]?.teraflops)))
        }
      } else {
        row.append((key, value))
      }
    }
    return row
  }

  /// A `catalog list --table systems` data row.
  static func systemRow(_ system: AcceleratorSystem) -> [(String, JSONValue)] {
    var units: Double?
    var racks: Double?
    switch system.footprint {
    case .rackUnits(let count): units = Double(count)
    case .wholeRacks(let count): racks = Double(count)
    }
    return [
      ("id", .string(system.id)), ("name", .string(system.name)), ("accelerator", .string(system.accelerator)),
      ("accelerators", .number(Double(system.acceleratorCount))), ("powerW", .number(system.power.watts)),
      ("typicalPowerW", .number(system.typicalPower?.watts)), ("rackUnits", .number(units)),
      ("wholeRacks", .number(racks)), ("cooling", .string(system.cooling.rawValue)),
    ]
  }
}
