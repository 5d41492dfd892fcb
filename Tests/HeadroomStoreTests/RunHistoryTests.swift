import Foundation
import GRDB
import Synchronization
import Testing

@testable import HeadroomStore

@Suite struct RunHistoryTests {
  @Test func aSavedRunReadsBackTheSame() throws {
    // Given a run with overrides, walls and yearly results
    let database = try HeadroomDatabase.inMemory()
    let run = StoreTestSupport.run(overrides: [.init(path: "countries.CN.policy.h200-sxm", value: "allowed")])

    // When it is saved and read back
    let id = try database.saveRun(run)
    let stored = try #require(try database.run(id: id))

    // Then every field survives (createdAt to the millisecond)
    #expect(stored.id == id)
    #expect(stored.summary == run)
  }

  @Test func anOverrideGivenTwiceKeepsItsLastValue() throws {
    // Given a run that sets the same path twice
    let database = try HeadroomDatabase.inMemory()
    let run = StoreTestSupport.run(overrides: [
      .init(path: "a", value: "1"), .init(path: "b", value: "2"), .init(path: "a", value: "3"),
    ])

    // When it is saved
    let stored = try #require(try database.run(id: database.saveRun(run)))

    // Then the path is saved once, in first position, with the last value
    #expect(stored.summary.overrides == [.init(path: "a", value: "3"), .init(path: "b", value: "2")])
  }

  @Test func listingShowsCountsAndEarliestWalls() throws {
    // Given two saved runs
    let database = try HeadroomDatabase.inMemory()
    try database.saveRun(StoreTestSupport.run())
    try database.saveRun(StoreTestSupport.run(shift: -1, overrides: [.init(path: "x", value: "1")]))

    // When listed
    let listing = try database.runs()

    // Then they come oldest first with their counts and the earliest wall years
    #expect(listing.map(\.run.id) == [1, 2])
    #expect(listing.map(\.overrideCount) == [0, 1])
    #expect(listing.map(\.countryCount) == [2, 2])
    #expect(listing.map(\.firstChipWallYear) == [2027, 2026])
    #expect(listing.map(\.firstPowerWallYear) == [2029, 2029])
  }

  @Test func diffListsWallChangesFirstThenInputsThenObjective() throws {
    // Given a baseline run and a what-if that moves CN's chip wall by three years
    let database = try HeadroomDatabase.inMemory()
    let a = try database.saveRun(StoreTestSupport.run())
    var whatIf = StoreTestSupport.run(
      shift: 3, overrides: [.init(path: "countries.CN.policy.h200-sxm", value: "allowed")],
      dataHash: "fedcba9876543210", objective: 900)
    whatIf.kind = .whatif
    let b = try database.saveRun(whatIf)

    // When the two are diffed
    let diff = try database.diff(a, b)

    // Then the wall change comes with its shift, the inputs beside it, and the objective last
    #expect(diff.a == a && diff.b == b)
    #expect(
      diff.wallChanges == [
        .init(country: "CN", field: .chipWallYear, a: "2027", b: "2030"),
        .init(country: "CN", field: .firstShortYear, a: "2027", b: "2030"),
      ])
    #expect(diff.wallChanges.first?.yearShift == 3)
    #expect(diff.inputChanges.map(\.label) == ["kind", "--set countries.CN.policy.h200-sxm", "data hash"])
    #expect(diff.inputChanges[1].a == nil && diff.inputChanges[1].b == "allowed")
    #expect(diff.objective == .init(a: 1_000, b: 900))
    #expect(diff.objective?.delta == -100)
  }

  @Test func diffOfARunWithItselfIsEmpty() throws {
    // Given one run, When diffed against itself, Then nothing changed
    let database = try HeadroomDatabase.inMemory()
    let id = try database.saveRun(StoreTestSupport.run())
    #expect(try database.diff(id, id).isEmpty)
  }

  @Test func diffWithAnUnknownRunNamesIt() throws {
    // Given one saved run, When diffed with a run id that does not exist
    let database = try HeadroomDatabase.inMemory()
    let id = try database.saveRun(StoreTestSupport.run())
    let error = #expect(throws: StoreError.self) { try database.diff(id, 42) }

    // Then the error names the missing id
    #expect(error == .unknownRun(id: 42, path: nil))
  }

  @Test func twoConnectionsSavingAtOnceBothLand() throws {
    // Given one database file opened by two connections (as two processes would)
    let path = try StoreTestSupport.databasePath()
    let first = try HeadroomDatabase(path: path)
    let second = try HeadroomDatabase(path: path)

    // When both save 40 runs at the same time
    let failures = Mutex<[String]>([])
    DispatchQueue.concurrentPerform(iterations: 2) { index in
      let database = index == 0 ? first : second
      do {
        for _ in 0..<40 { try database.saveRun(StoreTestSupport.run(shift: index)) }
      } catch {
        failures.withLock { $0.append("\(error)") }
      }
    }
    #expect(failures.withLock { $0 } == [])

    // Then all 80 runs are there, each with all its results
    #expect(try first.runs().count == 80)
    let incomplete = try first.reader.read {
      try Int.fetchOne(
        $0,
        sql: """
          SELECT count(*) FROM runs
          WHERE (SELECT count(*) FROM run_year_results WHERE run_id = runs.id) != 6
             OR (SELECT count(*) FROM run_country_results WHERE run_id = runs.id) != 2
          """)
    }
    #expect(incomplete == 0)
  }
}
