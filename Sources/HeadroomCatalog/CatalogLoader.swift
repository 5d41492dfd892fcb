import Foundation
import HeadroomModel
import Yams

/// Loads and validates every data file under the data folders.
///
/// Each file is read on its own; every problem found (in any file) is collected and thrown together as
/// ``CatalogErrors``, so one run shows them all. With several folders (``DataFolders``), each folder's
/// items are read and checked on their own (two files of one kind with one id in one folder are an
/// error), then a folder's item replaces the item with the same id below it; a file that is byte for
/// byte the one it would replace is skipped. ``Catalog/layering`` records what each folder above the
/// first added or replaced.
public struct CatalogLoader: Sendable {
  /// The data folders, lowest first.
  public var folders: DataFolders
  /// The first data folder (file names in messages are relative to it).
  public var root: URL { folders.base }

  public init(root: URL) { self.folders = DataFolders(root: root) }

  public init(folders: DataFolders) { self.folders = folders }

  /// Loads the catalog, or throws every problem found.
  public func load() throws(CatalogErrors) -> Catalog {
    var problems: [CatalogError] = []
    var files: [String: String] = [:]
    var layered: [DataLayering.Item] = []
    var identical: [String] = []

    func readAll<Item>(
      _ folder: String, kind: String, _ read: (Node, String) throws(CatalogError) -> Item,
      id: (Item) -> String
    ) -> [Item] {
      var items: [String: (item: Item, file: String, layer: Int)] = [:]
      var order: [String] = []
      for layer in folders.layers.indices {
        var seen: [String: String] = [:]
        // Copies identical to the file below are skipped, but their ids count first: a second file with
        // that id in this folder is a duplicate, and the error names that file whichever sorts first.
        var fresh: [String] = []
        for relative in yamlFiles(under: folder, in: folders.layers[layer]) {
          let url = folders.layers[layer].appendingPathComponent(relative)
          if layer > 0,
            let below = (0..<layer).reversed().lazy.map({ self.folders.layers[$0] })
              .first(where: { FileManager.default.fileExists(atPath: $0.appendingPathComponent(relative).path) }),
            DataFolders.identical(url, below.appendingPathComponent(relative))
          {
            let display = folders.display(relative, layer: layer)
            seen[(relative as NSString).lastPathComponent.replacingOccurrences(of: ".yaml", with: "")] = display
            identical.append(display)
          } else {
            fresh.append(relative)
          }
        }
        for relative in fresh {
          let display = folders.display(relative, layer: layer)
          let url = folders.layers[layer].appendingPathComponent(relative)
          do throws(CatalogError) {
            let node = try parse(display, absolute: url)
            let item = try read(node, display)
            let itemID = id(item)
            let stem = (relative as NSString).lastPathComponent.replacingOccurrences(of: ".yaml", with: "")
            if stem != itemID {
              throw CatalogError(
                file: display, line: lineOfKey("id", in: node), field: "id", value: itemID,
                expected: "the id must match the file name ('\(stem)')")
            }
            if let first = seen[itemID] {
              throw CatalogError(
                file: display, line: lineOfKey("id", in: node), field: "id", value: itemID,
                expected:
                  "duplicate \(kind) id: already defined in \(first) (two files in one folder may not share an id; "
                  + "to replace an item, put its file in a folder given after it with --data)")
            }
            seen[itemID] = display
            if layer > 0 {
              layered.append(
                DataLayering.Item(
                  kind: kind, id: itemID, folder: folders.layers[layer].path, file: display,
                  replaces: items[itemID]?.file))
            }
            if items[itemID] == nil { order.append(itemID) }
            items[itemID] = (item, display, layer)
            files[itemID] = display
          } catch let error {
            problems.append(error)
          }
        }
      }
      return order.compactMap { items[$0]?.item }
    }

    let accelerators = readAll("Hardware/accelerators", kind: "accelerator", Accelerator.read, id: \.id)
    let systems = readAll("Hardware/systems", kind: "system", AcceleratorSystem.read, id: \.id)
    let rules = readAll("Hardware/export-rules", kind: "export rule set", ExportRuleSet.read, id: \.id)
    let countries = readAll("Grids/countries", kind: "country", Country.read, id: \.id)
    let sites = readAll("Grids/sites", kind: "site", Site.read, id: \.id)
    let generation = readAll("Grids/generation", kind: "generation option", GenerationOption.read, id: \.id)
    let equipment = readAll("Grids/equipment", kind: "equipment", Equipment.read, id: \.id)
    let models = readAll("Scenarios/models", kind: "reference model", ReferenceModel.read, id: \.id)
    let production = readAll("Hardware/production", kind: "production outlook", ProductionOutlook.read, id: \.id)
    let supply = readAll("Hardware/supply", kind: "supply limit", SupplyLimit.read, id: \.id)
    /// Reads an optional single-file table from the topmost folder holding it (absent means empty).
    func readOptional<Item>(_ file: String, _ empty: Item, _ read: (Node, String) throws(CatalogError) -> Item) -> Item
    {
      guard let found = folders.locate(file) else { return empty }
      let display = folders.display(file, layer: found.layer)
      do throws(CatalogError) {
        let item = try read(parse(display, absolute: found.url), display)
        files[file] = display
        if found.layer > 0 {
          let below = (0..<found.layer).reversed().map { folders.layers[$0].appendingPathComponent(file) }
            .first { FileManager.default.fileExists(atPath: $0.path) }
          if let below, DataFolders.identical(found.url, below) {
            identical.append(display)
          } else {
            layered.append(
              DataLayering.Item(
                kind: "table", id: file, folder: folders.layers[found.layer].path, file: display,
                replaces: below.map { folders.display($0) }))
          }
        }
        return item
      } catch let error {
        problems.append(error)
        return empty
      }
    }
    let mfu = readOptional(Self.mfuFile, DefaultMFU(), DefaultMFU.read)
    let profiles = readOptional(Self.profilesFile, InferenceProfiles(), InferenceProfiles.read)
    let measurements = readOptional(Self.calibrationFile, InferenceMeasurements(), InferenceMeasurements.read)
    var catalog = Catalog(
      accelerators: accelerators.sorted { $0.id < $1.id }, systems: systems.sorted { $0.id < $1.id },
      exportRules: ExportRules(rules.sorted { $0.effective < $1.effective }),
      countries: countries.sorted { $0.id < $1.id }, sites: sites.sorted { $0.id < $1.id },
      models: models.sorted { $0.id < $1.id }, mfu: mfu, profiles: profiles, measurements: measurements,
      production: production.sorted { $0.id < $1.id }, supplyLimits: supply.sorted { $0.id < $1.id },
      generation: generation.sorted { $0.id < $1.id }, equipment: equipment.sorted { $0.id < $1.id }, files: files)
    catalog.layering = DataLayering(
      folders: folders.layers.map(\.path), items: layered, identical: identical.sorted())
    problems += CatalogReferences.check(catalog)
    guard problems.isEmpty else { throw CatalogErrors(problems) }
    return catalog
  }

  /// The default-MFU table, relative to the data root (optional: absent means no defaults).
  static let mfuFile = "Scenarios/mfu.yaml"
  /// Inference request profiles, relative to the data root (optional).
  static let profilesFile = "Scenarios/inference-profiles.yaml"
  /// Published inference results for calibration, relative to the data root (optional).
  static let calibrationFile = "Scenarios/calibration.yaml"
  /// The sizing tables in Scenarios/ (not scenarios), relative to the data root.
  public static let sizingFiles: Set<String> = [mfuFile, profilesFile, calibrationFile]

  /// YAML files below a folder of the first data folder, as paths relative to it, sorted.
  func yamlFiles(under folder: String) -> [String] { yamlFiles(under: folder, in: root) }

  /// YAML files below a folder of a data folder, as paths relative to that folder, sorted.
  func yamlFiles(under folder: String, in root: URL) -> [String] {
    let base = root.appendingPathComponent(folder)
    guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { return [] }
    var result: [String] = []
    while let path = enumerator.nextObject() as? String {
      if path.hasSuffix(".yaml") || path.hasSuffix(".yml") { result.append("\(folder)/\(path)") }
    }
    return result.sorted()
  }

  /// Parses one file into a YAML node, turning syntax errors into catalog errors with a line.
  func parse(_ relative: String, absolute: URL? = nil) throws(CatalogError) -> Node {
    let url = absolute ?? root.appendingPathComponent(relative)
    // Foundation (Swift 6.3) leaks its 4 KB read buffer when it reads a 0-byte file (found by the
    // data-files fuzz target), so an empty file is answered before reading.
    let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue
    if size == 0 { throw CatalogError(file: relative, line: 1, expected: "the file is empty") }
    guard let data = try? Data(contentsOf: url) else {
      throw CatalogError(file: relative, expected: "cannot read the file")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw CatalogError(file: relative, expected: "cannot read the file as UTF-8 text")
    }
    do {
      guard let node = try Yams.compose(yaml: text) else {
        throw CatalogError(file: relative, line: 1, expected: "the file is empty")
      }
      return node
    } catch let error as CatalogError {
      throw error
    } catch let error as YamlError {
      throw Self.describe(error, file: relative)
    } catch {
      throw CatalogError(file: relative, expected: "malformed YAML: \(error)")
    }
  }

  static func describe(_ error: YamlError, file: String) -> CatalogError {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let contextText = context.map { " (\($0.text))" } ?? ""
      return CatalogError(file: file, line: mark.line, expected: "malformed YAML: \(problem)\(contextText)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      return CatalogError(
        file: file, line: context.mark.line, field: duplicates.first,
        expected: "malformed YAML: duplicate key")
    default:
      return CatalogError(file: file, expected: "malformed YAML: \(error)")
    }
  }

  func lineOfKey(_ key: String, in node: Node) -> Int? {
    guard case .mapping(let mapping) = node else { return nil }
    return mapping.first { $0.key.string == key }?.key.mark?.line
  }
}
