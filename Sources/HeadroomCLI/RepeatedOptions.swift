import ArgumentParser

/// The rule for repeatable options (`--set`, `--vary`, `--merge`, lists of ids): a value, or a path,
/// given twice is an error naming it, never a silent "the last one wins".
enum RepeatedOptions {
  /// Throws a validation error naming the first key given twice.
  ///
  /// For example, `try RepeatedOptions.checkUnique(overrides, option: "--set") { $0.path }` refuses
  /// `--set lifetime=4 --set lifetime=6` with "--set lifetime is given twice; give each path once."
  static func checkUnique<Values: Sequence>(
    _ values: Values, option: String, what: String = "path", key: (Values.Element) -> String
  ) throws {
    var seen = Set<String>()
    for value in values where !seen.insert(key(value)).inserted {
      throw ValidationError("\(option) \(key(value)) is given twice; give each \(what) once.")
    }
  }
}
