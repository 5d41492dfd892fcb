import ArgumentParser
import Foundation

extension HeadroomCommand {
  /// Prints the error that ended a command and exits: the one place where the tool turns errors into messages.
  ///
  /// Commands throw library errors (`CatalogError`, `StoreError`, `SizingError` …) and ``CommandError`` as they
  /// are. Each says what and where in its `description`. argument-parser (1.8) prints an error that is not its own
  /// as `Error: <description>` (a `LocalizedError`'s `errorDescription` first), with no usage, and exits with
  /// status 1. This prints the same text as `error: <description>`, in lower case like the tool's other messages
  /// (warnings, stops, help topics), and exits with the same status. Everything else goes to argument-parser
  /// unchanged: usage errors (a bad option, a `ValidationError`) print `Error:` and the usage and exit with 64;
  /// help and version requests exit with 0; a thrown `ExitCode` exits silently with its own status.
  ///
  /// For example, `headroom runs show 999` prints `error: no run 999 in <file>: see 'headroom runs list'` and
  /// exits with status 1.
  static func exit(reporting error: any Error) -> Never {
    let text = message(for: error)
    if exitCode(for: error) == .failure && !text.isEmpty {
      FileHandle.standardError.write(Data("error: \(text)\n".utf8))
      terminateProcess(ExitCode.failure.rawValue)
    }
    exit(withError: error)
  }
}
