import HeadroomPlanner
import Testing

/// Shards by hand and from a Slurm array task's environment.
@Suite struct SweepShardTests {
  @Test func shardsPartitionTheRuns() {
    // Given 4 shards of 10 runs, When each lists its indices, Then together they hold 0..<10 once each.
    let all = (1...4).flatMap { SweepShard(index: $0, count: 4).indices(of: 10) }
    #expect(all.sorted() == Array(0..<10))
    #expect(Array(SweepShard(index: 2, count: 4).indices(of: 10)) == [1, 5, 9])
    #expect((1...4).map { SweepShard(index: $0, count: 4).count(of: 10) } == [3, 3, 2, 2])
    #expect(SweepShard.number(of: 9, count: 4) == 2)
  }

  @Test func shardTextIsIOfN() {
    // Given shard texts, When parsed, Then i/n with 1 <= i <= n is accepted and nothing else.
    #expect(SweepShard(parsing: "2/4") == SweepShard(index: 2, count: 4))
    for text in ["0/4", "5/4", "2/0", "a/b", "2", "1/2/3", "/4"] {
      #expect(SweepShard(parsing: text) == nil, "\(text)")
    }
  }

  @Test func aSlurmArrayTaskRunsItsPositionInTheArray() throws {
    // Given the variables Slurm sets for --array=1-4, 0-3 and 0-15:4, When read,
    // Then task 3 of 1-4 is shard 3/4, task 0 of 0-3 is 1/4, task 8 of 0-15:4 is 3/4; outside an array, none.
    func shard(_ id: Int, min: Int, max: Int, count: Int, step: Int? = nil) throws -> SweepShard? {
      var environment = [
        "SLURM_ARRAY_TASK_ID": "\(id)", "SLURM_ARRAY_TASK_MIN": "\(min)", "SLURM_ARRAY_TASK_MAX": "\(max)",
        "SLURM_ARRAY_TASK_COUNT": "\(count)",
      ]
      if let step { environment["SLURM_ARRAY_TASK_STEP"] = "\(step)" }
      return try SweepShard.slurm(environment)
    }
    #expect(try shard(3, min: 1, max: 4, count: 4) == SweepShard(index: 3, count: 4))
    #expect(try shard(0, min: 0, max: 3, count: 4) == SweepShard(index: 1, count: 4))
    #expect(try shard(8, min: 0, max: 15, count: 4, step: 4) == SweepShard(index: 3, count: 4))
    #expect(
      try SweepShard.slurm(["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_COUNT": "4"])
        == SweepShard(index: 3, count: 4))
    #expect(try SweepShard.slurm(["SLURM_JOB_ID": "17"]) == nil)
  }

  @Test func anArrayIdOutOfRangeIsAClearError() {
    // Given task 5 of an array 1-4, task 0 of 1-4, an id off the step, a non-number and a gappy array,
    // When read, Then each is an error naming the variables and values.
    func message(_ environment: [String: String]) -> String {
      do {
        _ = try SweepShard.slurm(environment)
        return "no error"
      } catch { return error.description }
    }
    let array = ["SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_MAX": "4", "SLURM_ARRAY_TASK_COUNT": "4"]
    #expect(
      message(array.merging(["SLURM_ARRAY_TASK_ID": "5"]) { $1 })
        == "SLURM_ARRAY_TASK_ID=5 is outside the array 1-4 of 4 tasks")
    #expect(message(array.merging(["SLURM_ARRAY_TASK_ID": "0"]) { $1 }).contains("SLURM_ARRAY_TASK_ID=0 is outside"))
    #expect(
      message([
        "SLURM_ARRAY_TASK_ID": "6", "SLURM_ARRAY_TASK_MIN": "0", "SLURM_ARRAY_TASK_MAX": "15",
        "SLURM_ARRAY_TASK_STEP": "4", "SLURM_ARRAY_TASK_COUNT": "4",
      ]) == "SLURM_ARRAY_TASK_ID=6 is outside the array 0-15:4 of 4 tasks")
    #expect(message(["SLURM_ARRAY_TASK_ID": "x", "SLURM_ARRAY_TASK_COUNT": "4"]).contains("'x' is not a whole number"))
    #expect(
      message(
        array.merging(["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_MAX": "7", "SLURM_ARRAY_TASK_COUNT": "3"]) {
          $1
        }
      ).contains("not one evenly spaced range"))
    #expect(message(["SLURM_ARRAY_TASK_ID": "1"]).contains("neither SLURM_ARRAY_TASK_COUNT nor SLURM_ARRAY_TASK_MAX"))
  }
}
