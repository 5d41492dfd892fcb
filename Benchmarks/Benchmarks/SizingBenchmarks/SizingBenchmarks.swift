import Benchmark
import Foundation
import HeadroomCatalog
import HeadroomModel
import HeadroomPlanner

// Size every catalog accelerator against every reference model, for training and for inference:
//
// - training: the model's active parameters on 15T tokens by a 90-day deadline at the part's default
//   BF16 MFU (Scenarios/mfu.yaml), with power, energy, cost and CO2 for the US;
// - inference: the model at 1M output tokens/s and 50 ms per token, at FP8 where the part has it;
// - the workload H100-equivalents of every part (one training rate and one inference sizing each).
//
// The catalog is loaded once, outside the measured loop. Combinations that cannot be sized (a model
// that fits no replica of 64, a part without a BF16 rate) end in an error, which is part of the work.

/// The repository's data folder, four levels above this file.
let repository = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

struct SizingGrid: Sendable {
  let catalog: Catalog
  let facility: Facility

  init() {
    do {
      catalog = try CatalogLoader(root: repository).load()
    } catch {
      fatalError("the repository's data does not load: \(error)")
    }
    facility = (try? catalog.country("US")).map { Facility(country: $0) } ?? Facility(name: "PUE 1.2", pue: 1.2)
  }

  /// Sizes the whole grid; returns how many combinations sized without error.
  func run() -> Int {
    var sized = 0
    for part in catalog.accelerators {
      let power = PowerModel(accelerator: part, systems: catalog.systems)
      let price = part.unitPrice(systems: catalog.systems)
      for model in catalog.models {
        let mfu = (try? part.peak(at: .bf16)).flatMap {
          catalog.mfu.lookup(accelerator: part.id, precision: $0.precision)
        }
        let job = TrainingJob(
          parameters: model.parameters, activeParameters: model.activeParameters, tokens: 15e12, accelerator: part,
          precision: .bf16, mfu: mfu?.mfu ?? 0.4, size: .deadline(TimeSpan(days: 90)), shape: .init(model: model))
        if let estimate = try? job.estimate(power: power, facility: facility, unitPrice: price) {
          blackHole(estimate)
          sized += 1
        }
        let service = InferenceService(model: model, accelerator: part, rate: 1e6)
        if let estimate = try? service.estimate(power: power, facility: facility, unitPrice: price) {
          blackHole(estimate)
          sized += 1
        }
      }
    }
    return sized
  }
}

let benchmarks: @Sendable () -> Void = {
  let grid = SizingGrid()
  let pairs = grid.catalog.accelerators.count * grid.catalog.models.count
  print(
    "Sizing grid: \(grid.catalog.accelerators.count) accelerators x \(grid.catalog.models.count) models = \(pairs) pairs; \(grid.run()) of \(2 * pairs) training and inference sizings succeed"
  )

  Benchmark(
    "Size grid: every accelerator x every model (training + inference)",
    configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(5), maxIterations: 1000)
  ) { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(grid.run())
    }
  }

  Benchmark(
    "Workload H100-equivalents of every accelerator",
    configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(5), maxIterations: 1000)
  ) { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(WorkloadEquivalence(catalog: grid.catalog))
    }
  }
}
