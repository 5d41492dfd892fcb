import ArgumentParser

/// The `headroom` root command.
public struct HeadroomCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "headroom",
    abstract: "Plan AI data-centre capacity against the power wall and the chip wall.",
    discussion: """
      Data comes from Hardware/, Grids/ and Scenarios/: the bundled data, then your own data folder \
      ($XDG_DATA_HOME/headroom, else ~/.local/share/headroom) when it holds data, then each --data <dir> (or \
      $HEADROOM_DATA, ':'-separated); a later folder adds items and replaces earlier ones by id, and reports name \
      the folder of each. 'headroom site new', 'accelerator new', 'scenario new', 'workloads new' and \
      'headroom import' write your own data. Every command takes --format table|json|csv|markdown and --wide.
      """,
    version: "0.1.0",
    subcommands: [
      CatalogCommand.self, ClassifyCommand.self, GridCommand.self, FitCommand.self, SizeCommand.self,
      WallsCommand.self, WhatIfCommand.self, SweepCommand.self, BatchCommand.self, PlanCommand.self,
      DBCommand.self, QueryCommand.self, RunsCommand.self, SiteCommand.self, AcceleratorCommand.self,
      ScenarioCommand.self, WorkloadsCommand.self, ModelCommand.self, ImportCommand.self,
    ]
  )

  public init() {}
}
