import Foundation
import HeadroomModel

/// Random but well-formed site-plan problems of any size, for benchmarks and scaling tests.
///
/// Halls alternate air and liquid cooling (air 15-45 kW racks, liquid 60-140 kW; 200-1,200 racks).
/// Systems are a mix of air- and liquid-cooled 8-accelerator servers (6-15 kW, 4-10 U) and rack-scale
/// systems (one liquid-cooled rack of 100-135 kW, or an air-cooled 16-rack pod of about 560 kW), with
/// prices, capabilities and export decisions that vary by year (the first system is denied for the
/// first two years; the second is licensed with a 25 % fee). Half the workloads are training runs
/// with windows of one to three years, the rest inference services growing 1.4-2x a year; demand is
/// sized near the site's capacity so that site power and racks bind in some years.
///
/// With `behindTheMeter`, the grid gives only 25 % of its stated power in the first two years (time to power)
/// and three behind-the-meter options may bridge it: a turbine-like one (1.5 $M/MW, from the second year, at most
/// 20 % of the first year's power a year), a fuel-cell-like one (3.5 $M/MW, from the first year, at most 10 %)
/// and a solar-and-storage-like one (8.8 $M/MW, from the second year, no limit), under an air permit of 30 %.
public enum SyntheticSitePlan {
  /// A problem with `halls` halls, `systems` candidate systems, `years` years from 2026 and
  /// `workloads` workloads, repeatable for a seed.
  public static func problem(
    halls: Int, systems: Int, years: Int, workloads: Int, seed: UInt64 = 42, behindTheMeter: Bool = false
  ) -> SitePlanProblem {
    var random = SplitMix64(seed: seed)
    let yearList = Array(2026..<(2026 + years))
    let hallList = (0..<halls).map { index -> SitePlanProblem.Hall in
      let liquid = index % 2 == 1
      return SitePlanProblem.Hall(
        id: "hall-\(index + 1)", cooling: liquid ? .liquid : .air,
        rackKilowatts: liquid ? random.uniform(60, 140).rounded() : random.uniform(15, 45).rounded(),
        usableRacks: Int(random.uniform(200, 1200)))
    }
    var systemList: [SitePlanProblem.System] = []
    var trainingRates: [Double] = []
    var tokenRates: [Double] = []
    for index in 0..<systems {
      let kind = index % 4
      var accelerators = 8
      var kilowatts: Double
      var cooling = AcceleratorSystem.Cooling.air
      var units = 0
      var racks = 1
      var price: Double
      switch kind {
      case 0, 1:  // air-cooled server
        kilowatts = random.uniform(6, 12)
        units = [4, 6, 8, 10][Int(random.uniform(0, 3.99))]
        price = random.uniform(0.2, 0.45)
      case 2:  // liquid-cooled rack
        accelerators = 72
        kilowatts = random.uniform(100, 135)
        cooling = .liquid
        price = random.uniform(2.5, 4)
      default:
        if index % 8 == 7 {  // air-cooled 16-rack pod
          accelerators = 384
          kilowatts = random.uniform(520, 600)
          racks = 16
          price = random.uniform(7, 9)
        } else {  // liquid-cooled server
          kilowatts = random.uniform(10, 15)
          cooling = .liquid
          units = 8
          price = random.uniform(0.3, 0.5)
        }
      }
      let placements = hallList.map { hall -> SitePlanProblem.Placement? in
        if cooling == .liquid && hall.cooling == .air { return nil }
        if units > 0 {
          let perRack = min(Int(hall.rackKilowatts / kilowatts), 42 / units)
          return perRack >= 1 ? SitePlanProblem.Placement(systemsPerRack: perRack) : nil
        }
        return kilowatts / Double(racks) <= hall.rackKilowatts
          ? SitePlanProblem.Placement(systemsPerRack: 1, racksPerSystem: racks) : nil
      }
      let decisions = yearList.indices.map { y -> ExportPolicy.Decision in
        index == 0 && y < 2 ? .denied : (index == 1 ? .licensed : .allowed)
      }
      systemList.append(
        SitePlanProblem.System(
          id: "system-\(index + 1)", accelerator: "part-\(index + 1)", accelerators: accelerators,
          megawatts: kilowatts / 1000, cooling: cooling, priceMillions: price, decisions: decisions,
          fees: decisions.map { $0 == .licensed ? 0.25 : 0 }, placements: placements))
      // Per accelerator: 0.006-0.014 YFLOP a year, 1,000-5,000 tokens/s; the pod's parts are slower.
      let scale = racks > 1 ? 0.4 : 1
      trainingRates.append(random.uniform(0.006, 0.014) * Double(accelerators) * scale)
      tokenRates.append(random.uniform(1000, 5000) * Double(accelerators) * scale / 1e6)
    }
    // Site power: 40-60 % of what the racks could draw at first, growing 20 % a year.
    let rackPower = hallList.map { Double($0.usableRacks) * $0.rackKilowatts / 1000 }.reduce(0, +)
    let basePower = rackPower * random.uniform(0.4, 0.6)
    let power = yearList.indices.map { basePower * pow(1.2, Double($0)) }
    // Capacity in the last year if all power went to the average system, to size demand.
    let averageTraining = zip(trainingRates, systemList).map { $0 / $1.megawatts }.reduce(0, +) / Double(systems)
    let averageTokens = zip(tokenRates, systemList).map { $0 / $1.megawatts }.reduce(0, +) / Double(systems)
    var training: [SitePlanProblem.TrainingRun] = []
    var inference: [SitePlanProblem.Service] = []
    let trainingCount = (workloads + 1) / 2
    for index in 0..<workloads {
      if index < trainingCount {
        let first = min(years - 1, index * 2)
        let length = 1 + Int(random.uniform(0, 2.99))
        let last = min(years - 1, first + length - 1)
        let startShare = index % 2 == 1 ? 0.5 : 1
        let shares = yearList.indices.map { y in y < first || y > last ? 0 : (y == first ? startShare : 1) }
        let window = shares.reduce(0, +)
        // A quarter to a third of the site's power over the window.
        let compute = averageTraining * power[last] * window * random.uniform(0.25, 0.35)
        training.append(
          SitePlanProblem.TrainingRun(
            id: "run-\(index + 1)", computeYottaflop: compute, windowShares: shares,
            yottaflopPerSystemYear: systemList.indices.map { s in (s + index) % 5 == 4 ? 0 : trainingRates[s] },
            start: Day(year: yearList[first], month: startShare < 1 ? 7 : 1, day: 1),
            deadline: Day(year: yearList[last], month: 12, day: 31)))
      } else {
        let growth = random.uniform(1.4, 2)
        // The services together reach 40-70 % of the last year's power.
        let lastRate = averageTokens * power[years - 1] * random.uniform(0.4, 0.7) / Double(workloads - trainingCount)
        inference.append(
          SitePlanProblem.Service(
            id: "service-\(index + 1)", model: "model-\(index + 1)",
            millionTokensPerSecond: yearList.indices.map { lastRate / pow(growth, Double(years - 1 - $0)) },
            millionTokensPerSecondPerSystem: systemList.indices.map { s in (s + index) % 6 == 5 ? 0 : tokenRates[s] }))
      }
    }
    guard behindTheMeter else {
      return SitePlanProblem(
        site: "synthetic", country: "XX", years: yearList, halls: hallList, systems: systemList, training: training,
        inference: inference, itMegawatts: power, pue: 1.2, electricityUSDPerMWh: 80)
    }
    let grid = power.enumerated().map { $0.offset < 2 ? $0.element * 0.25 : $0.element }
    let hours = TimeSpan.year.hours
    let generation = [
      SitePlanProblem.Generation(
        id: "turbine", combustion: true, capexMillionsPerMW: 1.5, operatingMillionsPerMWYear: 50 * hours / 1e6,
        tonnesCO2PerMWYear: 484 * hours / 1000, availability: 0.93, firstYearIndex: min(1, years - 1),
        newMegawattsLimit: yearList.map { _ in basePower * 1.2 * 0.2 }),
      SitePlanProblem.Generation(
        id: "fuel-cell", combustion: false, capexMillionsPerMW: 3.5, operatingMillionsPerMWYear: 48 * hours / 1e6,
        tonnesCO2PerMWYear: 360 * hours / 1000, availability: 0.95, firstYearIndex: 0,
        newMegawattsLimit: yearList.map { _ in basePower * 1.2 * 0.1 }),
      SitePlanProblem.Generation(
        id: "solar-storage", combustion: false, capexMillionsPerMW: 8.8, operatingMillionsPerMWYear: 10 * hours / 1e6,
        availability: 0.97, firstYearIndex: min(1, years - 1), newMegawattsLimit: yearList.map { _ in nil }),
    ]
    return SitePlanProblem(
      site: "synthetic", country: "XX", years: yearList, halls: hallList, systems: systemList, training: training,
      inference: inference, itMegawatts: grid, pue: 1.2, electricityUSDPerMWh: 80, generation: generation,
      airPermitMegawatts: basePower * 1.2 * 0.3, itPerSupplyMegawatt: 1 / 1.2, statedITMegawatts: power)
  }
}
