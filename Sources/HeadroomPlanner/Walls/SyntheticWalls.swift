import Foundation
import HeadroomModel

/// Random but well-formed walls problems of any size, for benchmarks and scaling tests.
///
/// Each kind gets a power per thousand (0.8-3 MW), training and inference capabilities, a price, and
/// a supply that grows with the years; each country a starting fleet, demand growing 1.3-2.5x a year
/// and power growing 5-20 % a year, so that some countries hit their power wall, some their chip wall.
public enum SyntheticWalls {
  /// `countries` problems of `years` years and `kinds` kinds, repeatable for a seed.
  public static func problems(countries: Int, years: Int, kinds: Int, seed: UInt64 = 42) -> [CountryProblem] {
    var random = SplitMix64(seed: seed)
    let kindList = (0..<kinds).map { index in
      WallsKind(
        id: "kind-\(index)", megawattsPerThousand: random.uniform(0.8, 3),
        capability: [random.uniform(0.1, 5), random.uniform(0.1, 5)], nominalH100e: random.uniform(0.1, 5),
        priceMillionsPerThousand: random.uniform(5, 50), priceImputed: false)
    }
    let yearList = Array(2025..<(2025 + years))
    return (0..<countries).map { index in
      let fleet = kindList.indices.map { _ in random.uniform(0, 1) < 0.2 ? random.uniform(1, 100) : 0 }
      let baseTraining = zip(fleet, kindList).map { $0 * $1.capability[0] * 0.5 }.reduce(0, +) + 1
      let baseInference = zip(fleet, kindList).map { $0 * $1.capability[1] * 0.5 }.reduce(0, +) + 1
      let basePower = zip(fleet, kindList).map { $0 * $1.megawattsPerThousand }.reduce(0, +) + 100
      let growth = random.uniform(1.3, 2.5)
      let powerGrowth = random.uniform(1.05, 1.2)
      let supplyScale = random.uniform(1, 50)
      var supply: [[Double]] = []
      for y in yearList.indices {
        supply.append(
          kindList.indices.map { _ in
            random.uniform(0, 1) < 0.3 ? supplyScale * random.uniform(0.5, 2) * pow(1.3, Double(y)) : 0
          })
      }
      return CountryProblem(
        country: "C\(index)", years: yearList, kinds: kindList, supply: supply,
        surviving: yearList.indices.map { y in fleet.map { $0 * max(0, 1 - Double(y) / 5) } }, lifetime: 5,
        demand: yearList.indices.map { y in
          [baseTraining * pow(growth, Double(y)), baseInference * pow(growth, Double(y))]
        },
        powerAvailable: yearList.indices.map { basePower * pow(powerGrowth, Double($0)) },
        energyCostPerMegawattYear: random.uniform(0.4, 1.5))
    }
  }
}
