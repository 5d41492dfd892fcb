import HeadroomCatalog
import HeadroomModel
import HeadroomPlanner
import HeadroomTestSupport
import Testing

/// Training sizing: the memory floor, deadlines, and power, energy, cost and CO2 arithmetic.
@Suite struct TrainingSizingTests {
  @Test func theMemoryFloorIs16BytesPerParameterPlusActivations() throws {
    // Given a 405B model on H100s (activations from the shape estimated for 405B: hidden ~16,286, 127
    // layers, 8,192-token sequences, 2 x s x h x L bytes over 8 tensor-parallel accelerators),
    let h100 = try SizingTestData.part("h100-sxm")
    let job = TrainingJob(
      parameters: 405e9, tokens: 15.6e12, accelerator: h100, mfu: 0.4, size: .accelerators(16_384))
    // When the floor is computed, Then the states are 16 x 405e9 = 6.48 TB (exactly),
    #expect(job.stateMemory.bytes == 16 * 405e9)
    let activations = 2.0 * 8192 * Double(job.shape.hiddenSize) * Double(job.shape.layers) / 8
    #expect(job.shape.activations(onAccelerators: 16_384).bytes == activations)
    #expect(job.memoryFloor(onAccelerators: 16_384).bytes == 16 * 405e9 + 16_384 * activations)
    // and the least count is the first whose 80 GB each hold states plus their activations.
    let memory = try #require(h100.memory)
    let minimum = try #require(job.minimumAccelerators(memory: memory))
    #expect(Double(minimum) * 80e9 >= 16 * 405e9 + Double(minimum) * activations)
    #expect(Double(minimum - 1) * 80e9 < 16 * 405e9 + Double(minimum - 1) * activations)
  }

  @Test func aCountBelowTheMemoryFloorIsAnErrorNamingWhatIsNeeded() throws {
    // Given 405B parameters on 8 H100s (640 GB), When sized,
    // Then it fails, saying the memory needed, the memory available and the least count.
    let h100 = try SizingTestData.part("h100-sxm")
    let job = TrainingJob(parameters: 405e9, tokens: 1e12, accelerator: h100, mfu: 0.4, size: .accelerators(8))
    #expect {
      try job.estimate(power: nil, facility: SizingTestData.bareFacility, unitPrice: nil)
    } throws: { error in
      guard case .trainingMemory(_, let count, let needed, let available, let minimum) = error as? SizingError else {
        return false
      }
      let text = "\(error)"
      return count == 8 && needed.bytes > 6.48e12 && available.bytes == 640e9 && minimum > 8
        && text.contains("640 GB") && text.contains("use at least \(minimum) accelerators")
    }
  }

  @Test func aDeadlineSetsTheLeastCountUnlessMemoryNeedsMore() throws {
    // Given 70B parameters and 15T tokens on H100s at MFU 0.4 with a 30-day deadline,
    let h100 = try SizingTestData.part("h100-sxm")
    let peak = try #require(h100.bf16)
    let job = TrainingJob(
      parameters: 70e9, tokens: 15e12, accelerator: h100, mfu: 0.4, size: .deadline(TimeSpan(days: 30)))
    let estimate = try job.estimate(power: nil, facility: SizingTestData.bareFacility, unitPrice: nil)
    // When sized, Then the count is ceil(6 N D / (30 days x peak x MFU)) and the run fits the deadline.
    let expected = (6 * 70e9 * 15e12 / (30 * 86_400 * peak.flopsPerSecond * 0.4)).rounded(.up)
    #expect(Double(estimate.accelerators) == expected)
    #expect(estimate.countBasis == .deadline)
    #expect(estimate.duration.days <= 30)
    // And Given a tiny run with a generous deadline, Then memory sets the count and the run ends early.
    let small = TrainingJob(
      parameters: 70e9, tokens: 1e9, accelerator: h100, mfu: 0.4, size: .deadline(TimeSpan(days: 300)))
    let floor = try small.estimate(power: nil, facility: SizingTestData.bareFacility, unitPrice: nil)
    #expect(floor.countBasis == .memory)
    #expect(floor.accelerators == floor.minimumAccelerators)
    #expect(floor.duration.days < 300)
  }

  @Test func goodputStretchesTheWallClockTime() throws {
    // Given the same run at goodput 1 and 0.9, When sized, Then the time grows by 1 / 0.9 exactly.
    let h100 = try SizingTestData.part("h100-sxm")
    func days(_ goodput: Double) throws -> Double {
      try TrainingJob(
        parameters: 8e9, tokens: 1e12, accelerator: h100, mfu: 0.4, goodput: goodput, size: .accelerators(64)
      ).estimate(power: nil, facility: SizingTestData.bareFacility, unitPrice: nil).duration.days
    }
    #expect(try days(0.9).isWithin(1e-12, of: try days(1) / 0.9))
  }

  @Test func epochMultipliersGivePowerAtTheMeterWhenNoSystemHoldsThePart() throws {
    // Given a 700 W TDP and Epoch's multipliers, When converted, Then server = 1.53 x 700 = 1,071 W,
    // IT = 1.14 x server = 1,220.94 W and facility at PUE 1.2 = 1,465.128 W (relative tolerance 1e-12).
    let model = PowerModel(tdp: Power(watts: 700))
    #expect(model.serverPower.watts.isWithin(1e-12, of: 1071))
    #expect(model.itPower.watts.isWithin(1e-12, of: 1220.94))
    #expect(model.facilityPower(pue: 1.2).watts.isWithin(1e-12, of: 1465.128))
    #expect(model.basis.kind == "tdp-multipliers")
  }

  @Test func aCatalogSystemSetsServerPowerAndTheITOverheadStillApplies() throws {
    // Given the H100 (DGX H100 at 10.2 kW for 8 GPUs) and the H20 (no system: 400 W TDP),
    let h100 = try SizingTestData.part("h100-sxm")
    let system = try Repository.catalog.system("dgx-h100")
    let h100Power = try #require(SizingTestData.power(h100))
    // When modelled, Then the H100's server power is the DGX's share, 10.2 kW / 8 = 1,275 W, and IT 1,453.5 W;
    #expect(h100Power.basis == .system(id: "dgx-h100", wallPower: system.power, accelerators: 8))
    #expect(h100Power.serverPower.watts.isWithin(1e-12, of: 1275))
    #expect(h100Power.itPower.watts.isWithin(1e-12, of: 1453.5))
    // the H20's comes from its TDP; and a part with neither (a TPU v5p without its TDP) has no power model.
    let h20 = try SizingTestData.part("h20")
    #expect(try #require(SizingTestData.power(h20)).serverPower.watts.isWithin(1e-12, of: 612))
    var withoutPower = try SizingTestData.part("tpu-v5p")
    withoutPower.tdp = nil
    #expect(SizingTestData.power(withoutPower) == nil)
  }

  @Test func energyCostAndCO2FollowFromPowerTimeAndTheCountry() throws {
    // Given 1,024 H100s for a run in the US catalog country,
    let h100 = try SizingTestData.part("h100-sxm")
    let us = try Repository.catalog.country("US")
    let facility = Facility(country: us)
    let power = try #require(SizingTestData.power(h100))
    let price = try #require(h100.unitPrice(systems: Repository.catalog.systems))
    let estimate = try TrainingJob(
      parameters: 8e9, tokens: 15e12, accelerator: h100, mfu: 0.4, size: .accelerators(1024)
    ).estimate(power: power, facility: facility, unitPrice: price)
    // When sized, Then facility power = 1,024 x IT per accelerator x the country's PUE,
    let facilityPower = try #require(estimate.facilityPower)
    #expect(facilityPower.watts.isWithin(1e-12, of: 1024 * power.itPower.watts * us.pue))
    // energy = power x time, cost = energy x price, CO2 = energy x intensity, capex = count x price.
    let energy = try #require(estimate.energy)
    #expect(energy.joules.isWithin(1e-12, of: facilityPower.watts * estimate.duration.seconds))
    let usdPerMWh = try #require(us.electricityPrice).in("USD/MWh")
    #expect(try #require(estimate.energyCost).dollars.isWithin(1e-12, of: energy.megawattHours * usdPerMWh))
    let gramsPerKWh = try #require(us.carbonIntensity).in("g/kWh")
    #expect(try #require(estimate.co2).tonnes.isWithin(1e-12, of: energy.megawattHours * 1000 * gramsPerKWh / 1e6))
    #expect(try #require(estimate.capex).dollars == 1024 * price.dollars)
  }

  @Test func badInputsAreErrorsNamingTheFieldAndValue() throws {
    // Given an MFU of 1.5, zero tokens and a zero count, When sized, Then each is an invalid-input error.
    let h100 = try SizingTestData.part("h100-sxm")
    let cases: [(TrainingJob, String)] = [
      (TrainingJob(parameters: 8e9, tokens: 1e12, accelerator: h100, mfu: 1.5, size: .accelerators(8)), "mfu 1.5"),
      (TrainingJob(parameters: 8e9, tokens: 0, accelerator: h100, mfu: 0.4, size: .accelerators(8)), "tokens 0"),
      (TrainingJob(parameters: 8e9, tokens: 1e12, accelerator: h100, mfu: 0.4, size: .accelerators(0)), "count 0"),
    ]
    for (job, text) in cases {
      #expect {
        try job.estimate(power: nil, facility: SizingTestData.bareFacility, unitPrice: nil)
      } throws: { error in
        "\(error)".hasPrefix(text)
      }
    }
  }
}
