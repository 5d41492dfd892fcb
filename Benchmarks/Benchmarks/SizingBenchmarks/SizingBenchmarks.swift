import Benchmark
import Foundation
import HeadroomCatalog
import HeadroomModel
import HeadroomPlanner

// Size every catalog accelerator against every reference model, for training and for inference:
//
// - training: the model's active parameters on 15T tokens by a 90-day deadline at the part's default
//   BF16 MFU and the default goodput (Scenarios/mfu.yaml), with power, energy, cost and CO2 for the US;
// - inference: the model at 1M output tokens/s under every request profile
//   (Scenarios/inference-profiles.yaml), at the profile's precision the part has, with the part's
//   serving efficiency fitted to MLPerf Inference (else the fallback);
// - the workload H100-equivalents of every part (one training rate and one inference sizing each).
//
// The catalog is loaded and the serving efficiencies fitted once, outside the measured loop.
// Combinations that cannot be sized (a model that fits no replica of 64, a profile longer than the
// model's context, a latency limit no replica meets) end in an error, which is part of the work.

/// The repository's data folder, four levels above this file.
let repository = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

struct SizingGrid: Sendable {
  let catalog: Catalog
  let facility: Facility
  let calibration: ServingCalibration
  let goodput: Double

  init() {
    do {
      catalog = try CatalogLoader(root: repository).load()
      calibration = try ServingCalibration(catalog: catalog)
      goodput = try catalog.trainingGoodput().goodput
    } catch {
      fatalError("the repository's data does not load or fit: \(error)")
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
          try? catalog.trainingMFU(accelerator: part.id, precision: $0.precision)
        }
        let job = TrainingJob(
          parameters: model.parameters, activeParameters: model.activeParameters, tokens: 15e12, accelerator: part,
          precision: .bf16, mfu: mfu?.mfu ?? 0.4, goodput: goodput, size: .deadline(TimeSpan(days: 90)),
          shape: .init(model: model))
        if let estimate = try? job.estimate(power: power, facility: facility, unitPrice: price) {
          blackHole(estimate)
          sized += 1
        }
        for profile in catalog.profiles.all {
          var service = InferenceService(model: model, accelerator: part, profile: profile, rate: 1e6)
          service.assumptions = .init(
            efficiency: calibration.efficiency(accelerator: part.id, precision: service.precision))
          if let estimate = try? service.estimate(power: power, facility: facility, unitPrice: price) {
            blackHole(estimate)
            sized += 1
          }
        }
      }
    }
    return sized
  }
}

let benchmarks: @Sendable () -> Void = {
  let grid = SizingGrid()
  let pairs = grid.catalog.accelerators.count * grid.catalog.models.count
  let profiles = grid.catalog.profiles.all.count
  print(
    "Sizing grid: \(grid.catalog.accelerators.count) accelerators x \(grid.catalog.models.count) models x \(profiles) profiles; \(grid.run()) of \(pairs * (1 + profiles)) training and inference sizings succeed"
  )

  Benchmark(
    "Size grid: every accelerator x every model x every profile (training + inference)",
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
      blackHole(
        try? WorkloadEquivalence(
          catalog: grid.catalog, referenceModel: WorkloadEquivalence.referenceModel, profile: "chat",
          calibration: grid.calibration))
    }
  }

  Benchmark(
    "Fit serving efficiencies to the MLPerf cases (Scenarios/calibration.yaml)",
    configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(5), maxIterations: 1000)
  ) { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(try? ServingCalibration(catalog: grid.catalog))
    }
  }
}
