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
        headroom classify --tflops 300 --bits 16
        headroom classify --tflops 2000 --bits 8 --die-area 800 --not-datacenter
      """
  )

  @OptionGroup var options: CommonOptions

  @Argument(help: "Accelerator id. Omit it and give --tflops and --bits for a hypothetical part.")
  var id: String?

  @Option(help: "Rule set id (default: the one in force on --on). Counterfactuals, e.g. ai-diffusion-2025, only by id.")
  var rules: String?

  @Option(help: "Day the rules are taken from, YYYY-MM-DD (default: today).")
  var on: String?

  @Option(help: "Destination country (ISO code) for the licensing policy.")
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

  func validate() throws {
    let hypothetical =
      tflops != nil || bits != nil || dieArea != nil || memoryBandwidth != nil || interconnect != nil || notDatacenter
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
      guard [4, 6, 8, 16, 19, 32, 64].contains(bits) else {
        throw ValidationError("--bits must be an operand bit length: 4, 6, 8, 16, 19, 32 or 64 (got \(bits)).")
      }
      if let dieArea, !(dieArea > 0) { throw ValidationError("--die-area must be positive, in mm2 (got \(dieArea)).") }
    }
  }

  func run() throws {
    try reportingErrors {
      let catalog = try options.loadCatalog()
      let day = try parseDay(on)
      let ruleSet =
        try rules.map { id throws(CatalogError) in try catalog.ruleSet(id) } ?? catalog.ruleSet(inForceOn: day)
      let item: ExportItem
      if let id {
        item = ExportItem(try catalog.accelerator(id))
      } else {
        let tpp = TotalProcessingPerformance(value: tflops! * Double(bits!), precision: nil)
        item = ExportItem(
          name: "hypothetical \(NumberText.plain(tflops!, 6)) TFLOP/s at \(bits!) bits", tpp: tpp,
          performanceDensity: dieArea.map { tpp.value / $0 }, datacenter: !notDatacenter,
          memoryBandwidth: memoryBandwidth.map { Bandwidth(gigabytesPerSecond: $0) },
          interconnectBandwidth: interconnect.map { Bandwidth(gigabytesPerSecond: $0) })
      }
      let destination = try to.map { code throws(CatalogError) in try catalog.country(code) }
      options.emit(Self.report(item, ruleSet: ruleSet, day: day, destination: destination, bits: bits))
    }
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
    table.append(["H100-equivalents", NumberText.plain(result.tpp.value / 15_832, 3)])
    var pairs: [(String, JSONValue)] = [
      ("item", .string(item.name)), ("tpp", .number(result.tpp.value)),
      ("tppPrecision", .string(result.tpp.precision?.rawValue ?? bits.map { "\($0)-bit" })),
      ("pd", .number(result.performanceDensity)), ("class", .string(result.eccn)),
      ("clause", .string(result.clause)), ("rules", .string(ruleSet.id)),
      ("undetermined", .array(result.undetermined.map { .string($0) })),
    ]
    if let destination {
      let (policy, rule) = ruleSet.policy(for: item, classifiedAs: result.eccn, to: destination.destination)
      var text = policy.decision.rawValue
      if let review = policy.review { text += " (\(review))" }
      if let fee = policy.fee { text += ", fee \(NumberText.plain(fee * 100, 3)) %" }
      if let cap = policy.cap {
        text += ", cap \(Cells.grouped(cap.h100Equivalents)) H100e over \(cap.fromYear)-\(cap.toYear)"
      }
      table.append(["policy to \(destination.id)", text])
      table.append(["destination rule", rule ?? "none applies (no licence required)"])
      pairs.append(
        (
          "policy",
          .object([
            ("destination", .string(destination.id)), ("decision", .string(policy.decision.rawValue)),
            ("review", .string(policy.review)), ("fee", .number(policy.fee)),
            ("capTPP", .number(policy.cap?.tpp)), ("rule", .string(rule)), ("on", .string(day.description)),
          ])
        ))
    }
    table.notes = result.undetermined.map { "could not test clause \($0)" }
    return Report(tables: [table], json: .object(pairs))
  }
}
