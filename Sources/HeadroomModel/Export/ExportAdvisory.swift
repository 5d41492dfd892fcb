/// Official guidance that does not change a licensing decision but that a user of a part should see,
/// e.g. BIS's May 2025 guidance that using Huawei Ascend parts anywhere risks violating General
/// Prohibition 10.
///
/// An advisory applies to an item whose designer's country is in ``origins`` and whose class is in
/// ``classes`` (`*` for any); it carries the sources that support it, so a warning can cite them.
public struct ExportAdvisory: Sendable, Hashable {
  /// A short title, e.g. "BIS guidance on PRC advanced-computing ICs (GP10)".
  public var name: String
  /// The day it was issued.
  public var issued: Day
  /// What it says, in one or two sentences.
  public var text: String
  /// ISO codes of the designers' countries it covers, e.g. `CN`, `MO`.
  public var origins: [String]
  /// Control classes it covers (`3A090.a`, `3A090.b`, `none`), or `*`.
  public var classes: [String]
  /// Catalog ids of parts the guidance names, for display.
  public var names: [String]
  /// The sources supporting it, strongest first.
  public var sources: [Source]

  public init(
    name: String, issued: Day, text: String, origins: [String], classes: [String], names: [String] = [],
    sources: [Source] = []
  ) {
    self.name = name
    self.issued = issued
    self.text = text
    self.origins = origins
    self.classes = classes
    self.names = names
    self.sources = sources
  }

  /// Whether the advisory concerns an item of a class.
  public func applies(to item: ExportItem, eccn: String) -> Bool {
    guard let origin = item.origin, origins.contains(origin) else { return false }
    return classes.contains("*") || classes.contains(eccn)
  }
}
