import ArgumentParser

/// `headroom catalog`: browse, compare and check the hardware catalog.
struct CatalogCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "catalog",
    abstract: "Browse, compare and check accelerators and systems, with provenance.",
    subcommands: [List.self, Show.self, Compare.self, Check.self, Diff.self],
    defaultSubcommand: List.self
  )
}
