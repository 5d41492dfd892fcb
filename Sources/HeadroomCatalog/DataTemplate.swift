import Foundation
import HeadroomModel

/// A commented data file with every required field, for the user's own data (`headroom site new` …).
///
/// Its figures are placeholders marked `TEMPLATE`, covered by one `private: true` source entry whose
/// note says so, so the file loads as written (reports then count its placeholders as private figures)
/// and the user replaces them with their own figures and sources.
///
/// For example:
/// ```swift
/// let template = try DataTemplate.site(id: "my-campus", country: "US")
/// let file = try template.write(into: DataDirectory.userFolder())   // …/Grids/sites/my-campus.yaml
/// ```
public struct DataTemplate: Sendable, Hashable {
  /// The kinds of data file a template can start.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    case site, accelerator, scenario, workloads
  }

  public var kind: Kind
  public var id: String
  /// The file's path inside a data folder, e.g. `Grids/sites/my-campus.yaml`.
  public var relative: String
  /// The file's text.
  public var text: String

  /// The note of the private entry that covers a template's placeholders.
  static let placeholderNote =
    "TEMPLATE placeholders written by headroom; replace each with your figure, and this entry with your sources"

  /// Checks an id: lower-case letters, digits and '-', starting with a letter or digit.
  public static func checkID(_ id: String, argument: String = "<id>") throws(CatalogError) {
    let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
    guard let first = id.first, first != "-", id.allSatisfy({ allowed.contains($0) }), id.count <= 64 else {
      throw CatalogError(
        field: argument, value: id,
        expected: "an id of lower-case letters, digits and '-' (at most 64), e.g. 'my-campus'; it names the file")
    }
  }

  /// A site in a country: grid interconnect by year, PUE, redundancy, derating and one hall.
  public static func site(id: String, country: String) throws(CatalogError) -> DataTemplate {
    try checkID(id)
    return DataTemplate(
      kind: .site, id: id, relative: "Grids/sites/\(id).yaml",
      text: """
        # A site of your own, written by 'headroom site new \(id) --country \(country)'.
        # Replace every figure marked TEMPLATE with yours (keep the units), then the private entry under
        # 'sources' with your sources: a public one (url, supports, confidence) or, for your own numbers
        # (a quote, a contract), 'private: true' with a note. Format: Grids/README.md (sites/<id>.yaml).
        # Check it with 'headroom catalog check'; use it with 'headroom fit --site \(id) --system <id>'.
        id: \(id)
        name: \(id) (TEMPLATE name)
        country: \(country)
        interconnect:                  # grid power by year (phased energisation); later years keep the last
          2026: 50 MW                  # TEMPLATE
          2028: 100 MW                 # TEMPLATE
        pue: 1.3                       # TEMPLATE: power usage effectiveness
        redundancy: N                  # N | N+1 | 2N (electrical redundancy of the IT supply)
        derating: 0.8                  # TEMPLATE: share of nameplate usable continuously
        halls:
          - id: hall-1
            racks: 200                 # TEMPLATE: rack positions
            rack_power: 40 kW          # TEMPLATE: power per rack
            cooling: liquid            # air | liquid
            floor_area: 1000 m2        # TEMPLATE: white space
            area_per_rack: 3 m2        # TEMPLATE: a rack and its share of aisles
        sources:
          - private: true
            supports: [interconnect, pue, derating, halls]
            note: \(placeholderNote)

        """)
  }

  /// An accelerator: the figures the walls model, sizing and export classification need, and a price.
  public static func accelerator(id: String, vendor: String) throws(CatalogError) -> DataTemplate {
    try checkID(id)
    try checkID(vendor, argument: "--vendor")
    return DataTemplate(
      kind: .accelerator, id: id, relative: "Hardware/accelerators/\(vendor)/\(id).yaml",
      text: """
        # An accelerator of your own, written by 'headroom accelerator new \(id) --vendor \(vendor)'.
        # Replace every figure marked TEMPLATE with yours (keep the units; dense, not sparse, peak rates),
        # then the private entry under 'sources' with your sources: a public one (url, supports, confidence)
        # or, for your own numbers (a price quote), 'private: true' with a note. Format: Hardware/README.md.
        # The walls model uses it only where a scenario gives it supply: production (by year, with an
        # allocation to countries) or installed units; see 'headroom scenario new'.
        id: \(id)
        name: \(id) (TEMPLATE name)
        vendor: \(vendor)
        year: 2026                     # TEMPLATE: first volume year
        datacenter: true               # designed or marketed for data centres
        origin: US                     # TEMPLATE: ISO code of the designer's country
        compute:                       # dense peak per precision the part supports
          bf16: 1000 TFLOP/s           # TEMPLATE
          fp8: 2000 TFLOP/s            # TEMPLATE
        memory: 96 GB                  # TEMPLATE
        memory_bandwidth: 4 TB/s       # TEMPLATE
        tdp: 800 W                     # TEMPLATE
        die_area: 800 mm2              # TEMPLATE: logic dies, summed (for export classification)
        price:
          amount: 25000 USD            # TEMPLATE
          year: 2026                   # the year of the quote
          kind: street                 # list | street | imputed
          basis: chip                  # chip | system-share
        sources:
          - private: true
            supports: [year, compute, memory, memory_bandwidth, tdp, die_area, price]
            note: \(placeholderNote)

        """)
  }

  /// A scenario that extends another and changes what the user writes under it.
  public static func scenario(id: String, extends parent: String) throws(CatalogError) -> DataTemplate {
    try checkID(id)
    return DataTemplate(
      kind: .scenario, id: id, relative: "Scenarios/\(id).yaml",
      text: """
        # A scenario of your own, written by 'headroom scenario new \(id)'. It is '\(parent)' with what you
        # change below: any key of a scenario (Scenarios/baseline.yaml lists them all). Every figure you add
        # needs a source, or the long form {value: ..., private: true, note: ...} for your own numbers.
        # Run it with 'headroom walls --scenario \(id)' or 'headroom whatif --scenario \(id)'.
        id: \(id)
        name: \(id) (TEMPLATE name)
        extends: \(parent)
        # Examples (uncomment and edit):
        # horizon: {from: 2025, to: 2035}
        # countries:
        #   US:
        #     power_scale: {value: 0.7, private: true, note: "our grid outlook, 2026-03"}
        #     installed:
        #       my-chip:
        #         2025: {value: 20000, private: true, note: our fleet count}
        # production:
        #   my-chip:
        #     units:
        #       2026: {value: 100000, private: true, note: our supply agreement}
        #     allocation:
        #       US: {value: 1.0, private: true, note: all of it to our US sites}

        """)
  }

  /// A workloads file for `headroom plan`: one inference service (a training run as a comment).
  public static func workloads(id: String) throws(CatalogError) -> DataTemplate {
    try checkID(id)
    return DataTemplate(
      kind: .workloads, id: id, relative: "Scenarios/workloads/\(id).yaml",
      text: """
        # Workloads of your own, written by 'headroom workloads new \(id)'. Replace the TEMPLATE figures.
        # Format: Scenarios/workloads/README.md. Run it with
        # 'headroom plan --site <site> --workloads \(id)'.
        id: \(id)
        name: \(id) (TEMPLATE name)
        horizon: {from: 2026, to: 2030}  # plan years
        inference:
          service-1:
            model: llama-3-70b           # a reference model ('headroom model list')
            rate: {2026: 1M, 2030: 4M}   # TEMPLATE: output tokens/s by year
            latency: 50 ms               # time-per-output-token target
        # training:
        #   run-1:
        #     model: llama-3.1-405b
        #     tokens: 15T                # TEMPLATE
        #     start: 2027-01-01
        #     deadline: 2027-06-30

        """)
  }

  /// Writes the template into a data folder (creating its sub-folders) and returns the file.
  ///
  /// - Parameter existing: the file already defining this id in any data folder, if any: then nothing is
  ///   written and the error names it.
  /// - Throws: ``CatalogError`` when the id exists, the file exists, or the folder cannot be written.
  public func write(into folder: URL, existing: String? = nil) throws(CatalogError) -> URL {
    let file = folder.appendingPathComponent(relative)
    if let existing {
      let own = existing.hasPrefix(folder.standardizedFileURL.path + "/")
      throw CatalogError(
        file: existing, field: "id", value: id,
        expected: "\(kind == .accelerator ? "an" : "a") \(kind.rawValue) with this id exists already; choose another id"
          + (own
            ? " (or edit that file)"
            : " (to change it, copy its file into \(folder.path)/\(relative) and edit the copy)"))
    }
    guard !FileManager.default.fileExists(atPath: file.path) else {
      throw CatalogError(
        file: file.path, field: "id", value: id, expected: "the file exists already; choose another id")
    }
    do {
      try FileManager.default.createDirectory(
        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: file, options: .withoutOverwriting)
    } catch {
      throw CatalogError(file: file.path, expected: "cannot write the file (\(error.localizedDescription))")
    }
    return file
  }
}
