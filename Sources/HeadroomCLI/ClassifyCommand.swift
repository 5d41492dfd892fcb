import ArgumentParser
import HeadroomCatalog
import HeadroomModel
import HeadroomReport

/// `headroom classify`: the ECCN 3A090 class of a catalog part or a hypothetical one, computed from its
/// figures, and with `--to` the licensing policy for a destination.
struct ClassifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "classify",
    abstract: "Compute an accelerator's export class (TPP, PD, 3A090.a/.b/none) and, with --to, the policy.",
    discussion: """
      Examples:
        headroom classify h20 --to CN
        headroom classify h200-sxm --to CN --on 2025-06-01
        headroom classify ascend-910c --to CN
        headroom classify --tflops 300 --bits 16
        headroom classify --tflops 2000 --bits 8 --die-area 800 \\
          --not-datacenter
      """
  )

  @OptionGroup var options: CommonOptions

  @Argument(
    help: "Accelerator id. Omit it and give --tflops and --bits for a hypothetical part.",
    completion: IDCompletion.of(.accelerator))
  var id: String?

  @Option(help: "Rule set id (default: the one in force on --on). Counterfactuals, e.g. ai-diffusion-2025, only by id.")
  var rules: String?

  @Option(help: "Day the rules are taken from, YYYY-MM-DD (default: today).")
  var on: String?

  @Option(help: "Destination country (ISO code) for the licensing policy.", completion: IDCompletion.of(.country))
  var to: String?

  @Option(parsing: .unconditional, help: "Hypothetical part: dense TFLOP/s (or TOPS) at --bits.")
  var tflops: Double?

  @Option(parsing: .unconditional, help: "Hypothetical part: bit length of that rate (e.g. 16, 8, 4).")
  var bits: Int?

  @Option(parsing: .unconditional, help: "Hypothetical part: logic die area in mm2 (needed for performance density).")
  var dieArea: Double?

  @Option(parsing: .unconditional, help: "Hypothetical part: memory bandwidth in GB/s.")
  var memoryBandwidth: Double?

  @Option(parsing: .unconditional, help: "Hypothetical part: scale-up (I/O) bandwidth in GB/s.")
  var interconnect: Double?

  @Flag(help: "Hypothetical part: not designed or marketed for data centres (Note 2 to 3A090).")
  var notDatacenter = false

  @Option(help: "Hypothetical part: ISO code of the designer's country (default: US).")
  var origin: String?

  func validate() throws {
    let hypothetical =
      tflops != nil || bits != nil || dieArea != nil || memoryBandwidth != nil || interconnect != nil || notDatacenter
      || origin != nil
    if id != nil && hypothetical {
      throw ValidationError("Give either an accelerator id or --tflops and --bits, not both.")
    }
    if id == nil {
      guard let tflops, let bits else {
        throw ValidationError("Give an accelerator id, or --tflops and --bits for a hypothetical part.")
      }
      guard tflops > 0, tflops.isFinite else {
        throw ValidationError("--tflops must be a positive number (got \(tflops)).")
      }
      // The range a catalog part's dense rate must lie in (TFLOP/s and TOPS alike).
      let sane = Accelerator.Ranges.compute(.fp8).bounds
      guard sane.contains(tflops) else {
        throw ValidationError(
          "--tflops must be within the sane range of a dense rate, \(NumberText.plain(sane.lowerBound, 3))–\(NumberText.plain(sane.upperBound, 3)) (got \(NumberText.readable(tflops)))."
        )
      }
      guard [4, 6, 8, 16, 19, 32, 64].contains(bits) else {
        throw ValidationError("--bits must be an operand bit length: 4, 6, 8, 16, 19, 32 or 64 (got \(bits)).")
      }
      if let dieArea, !(dieArea > 0) { throw ValidationError("--die-area must be positive, in mm2 (got \(dieArea)).") }
    }
  }

  func run() throws {
    let data = try options.loadData()
    let catalog = data.catalog
    let day = try parseDay(on)
    let ruleSet =
      try rules.map { id throws(CatalogError) in try catalog.ruleSet(id) } ?? catalog.ruleSet(inForceOn: day)
    let item: ExportItem
    if let id {
      item = ExportItem(
        try OptionLookup.named("accelerator", id) { () throws(CatalogError) in try catalog.accelerator(id) })
    } else {
      item = .hypothetical(
        teraflops: tflops!, bits: bits!, dieArea: dieArea.map { Area(squareMillimetres: $0) },
        datacenter: !notDatacenter, memoryBandwidth: memoryBandwidth.map { Bandwidth(gigabytesPerSecond: $0) },
        interconnectBandwidth: interconnect.map { Bandwidth(gigabytesPerSecond: $0) }, origin: origin)
    }
    let destination = try to.map { code in
      try OptionLookup.named("--to", code) { () throws(CatalogError) in try catalog.country(code) }
    }
    options.emit(
      Self.report(item, ruleSet: ruleSet, day: day, destination: destination, bits: bits), data: data,
      uses: Set([id, ruleSet.id, destination?.id].compactMap { $0 }))
  }

  static func report(
    _ item: ExportItem, ruleSet: ExportRuleSet, day: Day, destination: Country?, bits: Int?
  ) -> Report {
    let result = ruleSet.classify(item)
    var table = Table(title: "Export classification of \(item.name)", columns: [.init("field"), .init("value")])
    let precision = result.tpp.precision?.rawValue ?? bits.map { "\($0)-bit" } ?? "—"
    table.append(["TPP", "\(Cells.grouped(result.tpp.value)) (set by \(precision))"])
    table.append(["PD", result.performanceDensity.map { NumberText.plain($0, 3) } ?? "unknown (no die area)"])
    table.append(["class", result.eccn])
    table.append(["clause", result.clause ?? Cells.absent])
    table.append(["rules", "\(ruleSet.id): \(ruleSet.name)" + (ruleSet.citation.map { " (\($0))" } ?? "")])
    table.append(["H100-equivalents", NumberText.plain(result.tpp.h100Equivalents, 3)])
    var pairs: [(String, JSONValue)] = [
      ("item", .string(item.name)), ("tpp", .number(result.tpp.value)),
      ("tppPrecision", .string(result.tpp.precision?.rawValue ?? bits.map { "\($0)-bit" })),
      ("pd", .number(result.performanceDensity)), ("class", .string(result.eccn)),
      ("clause", .string(result.clause)), ("rules", .string(ruleSet.id)),
      ("undetermined", .array(result.undetermined.map { .string($0) })),
    ]
    if let destination {
      let terms = ruleSet.terms(for: item, to: destination.destination)
      var text = terms.access.rawValue
      if let review = terms.review { text += " (\(review))" }
      if let fee = terms.fee {
        let bands = terms.feeBands.isEmpty ? "" : " (\(terms.feeBands.joined(separator: ", ")))"
        text += ", fee \(NumberText.plain(fee * 100, 3)) %\(bands)"
      }
      table.append(["policy to \(destination.id)", text])
      if let route = terms.route { table.append(["route", Self.describe(route)]) }
      for other in terms.routes.dropFirst() {
        table.append(
          ["by \(other.route.rawValue)", other.access.rawValue + (other.review.map { " (\($0))" } ?? "")])
      }
      for cap in terms.caps { table.append(["cap", Self.describe(cap, destination: destination.id)]) }
      table.append([
        "destination rule",
        terms.rule ?? (terms.access == .domestic ? "none (domestic)" : "none applies (no licence required)"),
      ])
      let capTPP = terms.cumulativeCap?.tpp
      pairs.append(
        (
          "policy",
          .object([
            ("destination", .string(destination.id)), ("decision", .string(terms.access.rawValue)),
            ("route", .string(terms.route?.rawValue)), ("review", .string(terms.review)), ("fee", .number(terms.fee)),
            ("feeBands", .array(terms.feeBands.map { .string($0) })), ("capTPP", .number(capTPP)),
            (
              "volumeCap",
              terms.volumeCap.map { cap in
                .object([
                  ("share", .number(cap.share)), ("reference", .string(cap.reference)),
                  ("pooled", .array(cap.pooled.map { .string($0) })), ("basis", .string(cap.basis)),
                ])
              } ?? .null
            ),
            (
              "routes",
              .array(
                terms.routes.map { route in
                  .object([
                    ("route", .string(route.route.rawValue)), ("decision", .string(route.access.rawValue)),
                    ("rule", .string(route.rule)),
                  ])
                })
            ),
            ("rule", .string(terms.rule)), ("rulesOn", .string(day.description)),
          ])
        ))
    }
    let advisories = ruleSet.advisories(for: item, eccn: result.eccn)
    pairs.append(
      (
        "warnings",
        .array(
          advisories.map { advisory in
            .object([
              ("name", .string(advisory.name)), ("issued", .string(advisory.issued.description)),
              ("text", .string(advisory.text)), ("sources", .array(advisory.sources.map { .string($0.url) })),
            ])
          })
      ))
    table.notes =
      result.undetermined.map { "could not test clause \($0)" }
      + advisories.map { advisory in
        "warning: \(advisory.name), \(advisory.issued): \(advisory.text) Source: "
          + (advisory.sources.first.map { "\($0.url) (\($0.confidence.rawValue))" } ?? "none")
      }
    let json = JSONValue.object(pairs)
    return Report(
      tables: [table], json: json,
      data: [
        DataTable(
          name: "classification", rowMeaning: "one row: the item's class and, with --to, the policy",
          flattening: [json], skipping: ["warnings", "policyRoutes"])
      ])
  }

  static func describe(_ route: ExportRoute) -> String {
    switch route {
    case .export: "export from the US"
    case .reexport: "re-export from a third country"
    case .foreignProduced: "foreign-designed part (not a US export)"
    }
  }

  static func describe(_ cap: ExportTerms.SupplyCap, destination: String) -> String {
    switch cap {
    case .cumulative(let quota):
      return
        "\(Cells.grouped(quota.h100Equivalents)) H100e (\(Cells.grouped(quota.tpp)) TPP) over \(quota.fromYear)-\(quota.toYear)"
    case .shareOfShipments(let volume):
      let pool = volume.pooled.isEmpty ? destination : volume.pooled.joined(separator: " + ")
      return "\(pool) at most \(NumberText.plain(volume.share * 100, 3)) % of units shipped to \(volume.reference)"
    }
  }
}
