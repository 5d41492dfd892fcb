/// Every problem found while loading, so a user sees them all at once.
public struct CatalogErrors: Error, Sendable, CustomStringConvertible {
  public var errors: [CatalogError]

  public init(_ errors: [CatalogError]) { self.errors = errors }

  public var description: String {
    let lines = errors.map(\.description)
    return lines.count == 1
      ? lines[0] : "\(lines.count) problems in the data:\n" + lines.joined(separator: "\n")
  }
}
