import Foundation

extension SweepShard {
  /// A Slurm array environment that does not name a shard, in words naming the variables and values.
  public struct EnvironmentError: Error, Sendable, CustomStringConvertible {
    public var description: String
  }

  /// The shard of a Slurm array task, or nil outside an array job (no `SLURM_ARRAY_TASK_ID`).
  ///
  /// Shard i of n is the task's position in the array: with `--array=1-4` (Slurm sets
  /// `SLURM_ARRAY_TASK_MIN=1`, `SLURM_ARRAY_TASK_MAX=4`, `SLURM_ARRAY_TASK_COUNT=4`), task 3 runs shard
  /// 3/4; with `--array=0-3`, task 0 runs shard 1/4; with `--array=0-15:4`
  /// (`SLURM_ARRAY_TASK_STEP=4`), task 8 runs shard 3/4. The count is `SLURM_ARRAY_TASK_COUNT`, else
  /// (MAX − MIN) / STEP + 1. Without `SLURM_ARRAY_TASK_MIN` ids count from 0. An id outside the array,
  /// an id off the step, or an array whose ids are not one evenly spaced range (`--array=1,3,7`) is an
  /// error: the tasks would not cover the shards.
  public static func slurm(_ environment: [String: String]) throws(EnvironmentError) -> SweepShard? {
    guard let idText = environment["SLURM_ARRAY_TASK_ID"] else { return nil }
    func number(_ name: String) throws(EnvironmentError) -> Int? {
      guard let text = environment[name] else { return nil }
      guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
        throw EnvironmentError(description: "\(name)='\(text)' is not a whole number")
      }
      return value
    }
    guard let id = try number("SLURM_ARRAY_TASK_ID") else {
      throw EnvironmentError(description: "SLURM_ARRAY_TASK_ID='\(idText)' is not a whole number")
    }
    let minimum = try number("SLURM_ARRAY_TASK_MIN") ?? 0
    let step = try number("SLURM_ARRAY_TASK_STEP") ?? 1
    let maximum = try number("SLURM_ARRAY_TASK_MAX")
    guard step >= 1 else { throw EnvironmentError(description: "SLURM_ARRAY_TASK_STEP=\(step) is not positive") }
    let spanned = maximum.map { ($0 - minimum) / step + 1 }
    guard let count = try number("SLURM_ARRAY_TASK_COUNT") ?? spanned else {
      throw EnvironmentError(
        description: "SLURM_ARRAY_TASK_ID=\(id) is set but neither SLURM_ARRAY_TASK_COUNT nor SLURM_ARRAY_TASK_MAX is")
    }
    let array =
      "the array \(minimum)-\(maximum ?? minimum + (count - 1) * step)\(step == 1 ? "" : ":\(step)") of \(count) tasks"
    guard count >= 1 else { throw EnvironmentError(description: "SLURM_ARRAY_TASK_COUNT=\(count) is not positive") }
    if let spanned, spanned != count {
      throw EnvironmentError(
        description:
          "SLURM_ARRAY_TASK_COUNT=\(count) but ids \(minimum)-\(maximum ?? minimum) step \(step) span \(spanned): "
          + "the array is not one evenly spaced range (use --array=A-B)")
    }
    let offset = id - minimum
    guard offset >= 0, offset % step == 0, offset / step < count else {
      throw EnvironmentError(description: "SLURM_ARRAY_TASK_ID=\(id) is outside \(array)")
    }
    return SweepShard(index: offset / step + 1, count: count)
  }
}
