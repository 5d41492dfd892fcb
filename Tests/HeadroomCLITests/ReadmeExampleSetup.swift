import HeadroomTestSupport

/// What the README's examples need that the checkout does not give, keyed by how an example's command
/// starts (``ReadmeExample/command``, whole words): the commands run first and the files written first,
/// in the example's own scratch folder. Every example is checked.
enum ReadmeExampleSetup {
  /// Commands run before an example, in order, each once per example (they must succeed).
  static let before: [String: [[String]]] = [
    // The queries read the catalog tables of a freshly built database.
    "query": [["db", "build"]],
    // Runs 1 and 2 of a fresh database, as the README's comment says.
    "runs diff 1 2": [["walls"], ["whatif", "--scenario", "china-h200"]],
  ]

  /// Files written before an example: the CSV files the import examples name, with the rows their errors
  /// point at.
  static let files: [String: [String: String]] = [
    "import fleet bad.csv": [
      "bad.csv": """
      country,accelerator,year,units
      US,h100-sxm,2025,20k
      CN,h20,2025,1000
      US,b200,2025,lots

      """
    ],
    "import accelerators parts.csv": [
      "parts.csv": """
      id,vendor,year,origin,bf16_tflop_s,tdp
      my-chip,acme,2026,US,1000,700

      """
    ],
  ]

  /// The entry of `table` whose key starts `example`'s command, if any.
  static func entry<Value>(_ table: [String: Value], for example: ReadmeExample) -> Value? {
    table.first { example.command == $0.key || example.command.hasPrefix($0.key + " ") }?.value
  }

  /// Whether `key` starts some example's command.
  static func names(_ key: String, among examples: [ReadmeExample]) -> Bool {
    examples.contains { $0.command == key || $0.command.hasPrefix(key + " ") }
  }
}
