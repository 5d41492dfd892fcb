/// Where a catalog's items came from when several data folders are layered: the bundled data first,
/// then the user's own folders, each adding items and replacing the ones below it by id.
///
/// For example, a user folder holding one new site and a copy of `US.yaml` with other figures gives
/// two items: `site my-campus` (new) and `country US` (replaces `Grids/countries/US.yaml`).
public struct DataLayering: Sendable, Hashable, Codable {
  /// An item that a folder above the first gives: new, or replacing the item below it with the same id.
  public struct Item: Sendable, Hashable, Codable {
    /// What kind of item: `accelerator`, `system`, `site`, `country`, `scenario`, `table` …
    public var kind: String
    public var id: String
    /// The folder it came from, as given.
    public var folder: String
    /// Its file, as messages name it.
    public var file: String
    /// The file of the item it replaces, nil when the id is new.
    public var replaces: String?

    public init(kind: String, id: String, folder: String, file: String, replaces: String? = nil) {
      self.kind = kind
      self.id = id
      self.folder = folder
      self.file = file
      self.replaces = replaces
    }
  }

  /// The folders read, lowest first.
  public var folders: [String]
  /// Items from folders above the first, in reading order.
  public var items: [Item]
  /// Files above the first folder that are byte for byte the file they would replace (nothing changes).
  public var identical: [String]

  public init(folders: [String] = [], items: [Item] = [], identical: [String] = []) {
    self.folders = folders
    self.items = items
    self.identical = identical
  }

  /// Whether more than one folder was read.
  public var isLayered: Bool { folders.count > 1 }
  /// Items replacing one below them.
  public var overrides: [Item] { items.filter { $0.replaces != nil } }
  /// Items with a new id.
  public var added: [Item] { items.filter { $0.replaces == nil } }

  /// The item of a kind and id from a folder above the first, if any.
  public func item(kind: String, id: String) -> Item? { items.last { $0.kind == kind && $0.id == id } }
}
