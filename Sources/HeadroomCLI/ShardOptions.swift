import ArgumentParser
import Foundation
import HeadroomPlanner

/// `--shard i/n`, or the shard of a Slurm array task, for `sweep` and `batch`.
struct ShardOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Run only shard i of n (1-based), e.g. 2/4 (default: from SLURM_ARRAY_TASK_ID in a Slurm array job).",
      valueName: "i/n"),
    transform: { text in
      guard let shard = SweepShard(parsing: text) else {
        throw ValidationError("--shard \(text): expected i/n with 1 <= i <= n, e.g. 2/4.")
      }
      return shard
    })
  var shard: SweepShard?

  /// The shard to run: `--shard`, else the Slurm array task's, else the whole run; a Slurm array id
  /// that names no shard is an error naming the variables.
  func resolve(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SweepShard {
    if let shard { return shard }
    do {
      guard let shard = try SweepShard.slurm(environment) else { return .whole }
      FileHandle.standardError.write(
        Data("shard \(shard) from SLURM_ARRAY_TASK_ID=\(environment["SLURM_ARRAY_TASK_ID"] ?? "")\n".utf8))
      return shard
    } catch {
      throw CommandError("\(error); give --shard i/n to choose the shard by hand")
    }
  }

  /// Throws when the shard would hold none of `total` runs.
  static func check(_ shard: SweepShard, total: Int, unit: String) throws {
    if shard.index > total {
      throw CommandError("shard \(shard) of \(total) \(unit) would hold none: use at most \(total) shards")
    }
  }
}
