import HeadroomModel

/// Looks up what an option names, so that an error names the option the user typed:
/// `--site dublin: unknown site id; nearest known: dublin-colo-hall`.
enum OptionLookup {
  /// Runs a catalog lookup; an error without a file (an unknown id) is said against the option and value.
  static func named<T>(_ option: String, _ value: String, _ body: () throws(CatalogError) -> T) throws -> T {
    do {
      return try body()
    } catch let error {
      guard error.file == nil || error.expected.hasPrefix("no such") else { throw error }
      throw CommandError("\(option) \(value): \(error.expected)")
    }
  }
}
