import Foundation
import HeadroomCatalog
import HeadroomReport

/// Writing a template into the user's data folder and saying where it went.
enum TemplateOutput {
  /// Writes a template into the folder own data goes to (the last --data folder, else the user's data
  /// folder), refusing an id the data already has, and returns the report of what was written.
  ///
  /// - Parameter check: run on the written file; when it throws, the file is removed and the error stands.
  static func write(
    _ template: DataTemplate, existing: String?, data: LoadedData, check: (URL) throws -> Void = { _ in }
  ) throws -> Report {
    let folder = DataDirectory.writeFolder(data.folders)
    let file = try template.write(into: folder, existing: existing)
    do {
      try check(file)
    } catch {
      try? FileManager.default.removeItem(at: file)
      throw error
    }
    // A named folder is read only while it is named again (--data, or $HEADROOM_DATA); the user folder always.
    let read =
      data.folders.explicitCount == 0
      ? "every command reads it above the bundled data (the user data folder; $XDG_DATA_HOME/headroom)"
      : "commands read it when given --data \(folder.path) (or with it in $HEADROOM_DATA)"
    var table = Table(
      title: "Wrote \(template.kind == .accelerator ? "an" : "a") \(template.kind.rawValue) template: \(file.path)",
      columns: [.init("next step"), .init("how")])
    table.append(["edit", "replace every figure marked TEMPLATE and the private entry under 'sources'"])
    table.append(["check", "headroom catalog check"])
    table.notes = ["Folder: \(folder.path); \(read)."]
    return Report(
      tables: [table],
      json: .object([
        ("kind", .string(template.kind.rawValue)), ("id", .string(template.id)), ("file", .string(file.path)),
        ("folder", .string(folder.path)),
      ]))
  }
}
