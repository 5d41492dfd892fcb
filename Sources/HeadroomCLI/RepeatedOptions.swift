import ArgumentParser
import HeadroomModel

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

/// The rule for filter options (`catalog list --vendor`): a value that matches nothing the data holds
/// is an error with the nearest known values, not an empty table.
enum KnownValues {
  /// Throws unless `value` (when given) equals one of `known`, ignoring case.
  static func check(_ value: String?, option: String, among known: [String]) throws {
    guard let value else { return }
    let distinct = Array(Set(known)).sorted()
    guard !distinct.contains(where: { $0.lowercased() == value.lowercased() }) else { return }
    throw CommandError(
      "\(option) '\(value)': matches nothing in the data" + NearestNames.suggestion(for: value, among: distinct)
        + " (known: \(distinct.joined(separator: ", ")))")
  }
}
