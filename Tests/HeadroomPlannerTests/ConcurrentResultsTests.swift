import Foundation
import Testing

@testable import HeadroomPlanner

/// The shared worker pool: results in index order whatever the number of workers, and a stop request
/// honoured between pieces.
@Suite struct ConcurrentResultsTests {
  @Test(arguments: [1, 2, 7, 64])
  func resultsComeInIndexOrderForAnyNumberOfWorkers(workers: Int) throws {
    // Given 500 pieces whose results are their squares, When run on a number of workers
    let results = try concurrentResults(count: 500, workers: workers, stop: StopRequest()) { $0 * $0 }

    // Then each result sits at its own index
    #expect(results == (0..<500).map { $0 * $0 })
  }

  @Test func aStopRequestStartsNoFurtherPieceAndKeepsTheFinishedOnes() throws {
    // Given a stop requested by the tenth piece of a hundred, on one worker
    let stop = StopRequest()
    let box = try concurrentPartialResults(count: 100, workers: 1, stop: stop) { index -> Int in
      if index == 9 { stop.request(signal: SIGINT) }
      return index
    }

    // Then the ten pieces that ran are kept, no other started, and the stop was acknowledged
    #expect(try box.finishedValues() == Array(0..<10))
    #expect(box.stoppedBy == SIGINT)
    #expect(stop.isAcknowledged)
    #expect(throws: Stopped(signal: SIGINT)) { try stop.check() }
  }

  @Test func concurrentResultsThrowsStoppedWhenPiecesWereLeft() {
    // Given a stop requested before any piece, When run, Then Stopped is thrown with its exit status
    let stop = StopRequest()
    stop.request(signal: SIGTERM)
    let error = #expect(throws: Stopped.self) { try concurrentResults(count: 3, stop: stop) { $0 } }
    #expect(error?.exitCode == 143)
    #expect(error?.description == "stopped by SIGTERM")
  }

  @Test func theFirstSignalIsTheOneReported() {
    // Given two requests, Then the first signal is kept
    let stop = StopRequest()
    stop.request(signal: SIGTERM)
    stop.request(signal: SIGINT)
    #expect(stop.signal == SIGTERM)
  }

  @Test func theWorkerCountComesFromTheEnvironmentWhenPositive() {
    // Given HEADROOM_WORKERS set to a count, to garbage and to zero
    let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

    // Then a positive integer is used and anything else falls back to the cores
    #expect(Workers.count(environment: ["HEADROOM_WORKERS": "3"]) == 3)
    #expect(Workers.count(environment: ["HEADROOM_WORKERS": "0"]) == cores)
    #expect(Workers.count(environment: ["HEADROOM_WORKERS": "-2"]) == cores)
    #expect(Workers.count(environment: ["HEADROOM_WORKERS": "many"]) == cores)
    #expect(Workers.count(environment: [:]) == cores)
  }
}
