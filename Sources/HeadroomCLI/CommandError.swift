/// A command-level problem (a bad combination of options, a value out of range), said in words that name the
/// option and the value.
///
/// Commands throw it like any library error; ``HeadroomCommand/exit(reporting:)`` prints its description as
/// `error: <description>` and exits with status 1.
struct CommandError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
