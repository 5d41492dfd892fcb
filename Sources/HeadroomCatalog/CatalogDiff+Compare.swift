import Foundation
import HeadroomModel

extension CatalogDiff {
  /// What changed from the data folder `base` to the data folder `target`.
  ///
  /// - Parameters:
  ///   - baseLabel, targetLabel: how to name each side in the result (a folder or a git revision).
  /// - Throws: ``CatalogError`` for a file that is not valid YAML.
  public static func compare(
    base: URL, target: URL, baseLabel: String? = nil, targetLabel: String? = nil
  ) throws(CatalogError) -> CatalogDiff {
    try compare(
      DataSnapshot.read(root: base), DataSnapshot.read(root: target), baseLabel: baseLabel ?? base.path,
      targetLabel: targetLabel ?? target.path)
  }

  /// What changed from the data named by `against` (a data folder, or else a git revision of the
  /// repository holding `target`) to the data folder `target`.
  ///
  /// A revision is read with `git archive` into a temporary folder, removed afterwards.
  public static func compare(against: String, target: URL) throws(CatalogError) -> CatalogDiff {
    let folder = URL(fileURLWithPath: against).standardizedFileURL
    if DataDirectory.isDataFolder(folder) {
      return try compare(base: folder, target: target, baseLabel: against, targetLabel: target.path)
    }
    let checkout = try DataRevision.checkout(against, repositoryOf: target)
    defer { try? FileManager.default.removeItem(at: checkout.scratch) }
    return try compare(base: checkout.root, target: target, baseLabel: against, targetLabel: target.path)
  }

  /// The differences between two snapshots.
  public static func compare(_ old: DataSnapshot, _ new: DataSnapshot, baseLabel: String, targetLabel: String)
    -> CatalogDiff
  {
    func item(_ file: DataSnapshot.File) -> Item { Item(kind: Kind(file: file.path), id: file.id, file: file.path) }
    func refs(_ sources: [DataSnapshot.SourceEntry]) -> [SourceRef] {
      sources.map { SourceRef(url: $0.url, confidence: $0.confidence) }
    }
    let added = new.files.keys.filter { old.files[$0] == nil }.sorted().map { item(new.files[$0]!) }
    let removed = old.files.keys.filter { new.files[$0] == nil }.sorted().map { item(old.files[$0]!) }
    var changed: [FieldChange] = []
    for path in new.files.keys.sorted() {
      guard let before = old.files[path], let after = new.files[path] else { continue }
      var fields: [FieldChange] = []
      for field in Set(before.fields.keys).union(after.fields.keys) {
        let a = before.fields[field]
        let b = after.fields[field]
        guard a?.value != b?.value else { continue }
        fields.append(
          FieldChange(
            kind: Kind(file: path), id: after.id, file: path, field: field, old: a?.value, new: b?.value,
            oldLine: a?.line, newLine: b?.line, oldSources: refs(before.sources(for: field)),
            newSources: refs(after.sources(for: field))))
      }
      // Data fields in file order, then source entries.
      func order(_ change: FieldChange) -> (Int, Int, String) {
        (change.field.hasPrefix("sources[") ? 1 : 0, change.newLine ?? change.oldLine ?? 0, change.field)
      }
      changed += fields.sorted { order($0) < order($1) }
    }
    return CatalogDiff(base: baseLabel, target: targetLabel, added: added, removed: removed, changed: changed)
  }
}
