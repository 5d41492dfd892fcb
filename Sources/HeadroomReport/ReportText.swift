import HeadroomModel

/// Cell text shared by the report builders: absent values, grouped counts, clipped text.
enum ReportText {
  static let absent = "—"

  static func quantity<Q: Quantity>(_ value: Q?) -> String { value.map { $0.formatted() } ?? absent }

  /// A whole number with thousands separators: 15,832.
  static func grouped(_ value: Double?) -> String {
    guard let value, value.isFinite else { return absent }
    let integer = Int(value.rounded())
    let digits = String(abs(integer))
    var result = ""
    for (index, character) in digits.reversed().enumerated() {
      if index > 0 && index % 3 == 0 { result.append(",") }
      result.append(character)
    }
    return (integer < 0 ? "-" : "") + String(result.reversed())
  }

  /// Text cut to at most `width` characters, ending in "…" when cut.
  static func clip(_ text: String, _ width: Int) -> String {
    text.count <= width ? text : String(text.prefix(max(0, width - 1))) + "…"
  }

  /// A duration in years, e.g. `2 years`, `1.5 years`, `0.25 years`.
  static func years(_ span: TimeSpan?) -> String {
    guard let span else { return absent }
    if span.years < 1 { return span.formatted() }
    return NumberText.plain(span.years, 3) + (abs(span.years - 1) < 1e-9 ? " year" : " years")
  }

  /// The source of a field in a few words: an estimate's mark, or the strongest source's confidence and address.
  static func source(_ provenance: Provenance, _ field: String, width: Int = 70) -> String {
    if let mark = provenance.marks[field] { return clip("\(mark.kind.rawValue): \(mark.note)", width) }
    guard let source = provenance.sources(for: field).first else { return absent }
    let address = source.url.replacingOccurrences(of: "https://", with: "").replacingOccurrences(
      of: "http://", with: "")
    return clip("\(source.confidence.rawValue): \(address)", width)
  }
}
