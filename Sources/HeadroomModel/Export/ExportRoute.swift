/// How a part reaches a destination, as US export rules tell shipments apart.
///
/// - `export`: a US-designed part shipped from the United States (a part made abroad is imported
///   first, e.g. for the third-party testing the Jan 2026 rule asks for, and pays any US import tariff).
/// - `reexport`: a US-designed part shipped from a third country (from the foreign fab, an assembler or
///   a distributor) without passing through the United States; "exports from abroad" and in-country
///   transfers are treated the same way.
/// - `foreignProduced`: a part designed by a non-US firm and shipped to another country. US rules reach
///   it only through the foreign-direct-product rules or General Prohibition 10; a policy line applies
///   to it only when the line lists this route.
///
/// A part whose designer is in the destination country takes no route: it is ``ExportTerms/Access/domestic``.
public enum ExportRoute: String, Sendable, Hashable, CaseIterable, Codable {
  case export
  case reexport
  case foreignProduced = "foreign-produced"

  /// The routes a policy line covers when it does not say: shipments of US-designed parts.
  public static let usOrigin: [ExportRoute] = [.export, .reexport]
}
