import ArgumentParser

/// The `headroom` root command.
public struct HeadroomCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "headroom",
    abstract: "Plan AI data-centre capacity against the power wall and the chip wall.",
    discussion: """
      Data comes from Hardware/, Grids/ and Scenarios/ (the repository's own by default; --data <dir> \
      or $HEADROOM_DATA to use another). Every command takes --format table|json|csv|markdown.
      """,
    version: "0.1.0",
    subcommands: [
      CatalogCommand.self, ClassifyCommand.self, GridCommand.self, FitCommand.self, SizeCommand.self,
      WallsCommand.self, WhatIfCommand.self, SweepCommand.self, BatchCommand.self, PlanCommand.self,
      DBCommand.self, QueryCommand.self, RunsCommand.self,
    ]
  )

  public init() {}
}
