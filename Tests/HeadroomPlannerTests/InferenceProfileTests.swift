import Foundation
import HeadroomCatalog
import HeadroomModel
import HeadroomTestSupport
import Testing

@testable import HeadroomPlanner

/// Sizing for a request profile: prefill and decode by default, precision from the profile, latency
/// limits, and the errors for shapes or limits no replica meets.
@Suite struct InferenceProfileTests {
  let catalog = Repository.catalog

  func sized(_ request: InferenceSizingRequest) throws -> InferenceSizing.Estimate {
    let sizing = try InferenceSizing(request, catalog: catalog)
    let outcome = try #require(sizing.outcomes.first)
    guard let estimate = outcome.estimate else {
      throw SizingError.invalidInput(field: "", value: "", expected: outcome.error ?? "")
    }
    return estimate
  }

  @Test func theMLPerfProfileIsMLPerfsShape() throws {
    // Given the MLPerf Llama 2 70B profile, Then it has the benchmark's mean prompt and output lengths and
    // its server limits (TTFT 2 s, TPOT 200 ms), and names the model it was measured with.
    let profile = try catalog.profile("mlperf-llama2-70b")
    #expect(profile.promptTokens == 222 && profile.outputTokens == 294 && profile.model == "llama-2-70b")
    #expect(profile.timeToFirstToken == TimeSpan(seconds: 2) && profile.timePerOutputToken == TimeSpan(seconds: 0.2))
    #expect(catalog.profiles.defaultID == "chat")
  }

  @Test func eachPartIsServedAtTheFirstPrecisionTheProfileAcceptsThatItHas() throws {
    // Given the MLPerf profile (fp4, fp8, bf16, fp16), When the B200, the H100 and the A100 are sized,
    // Then they serve at FP4, FP8 and BF16, and a given precision wins.
    func precision(_ part: String, _ given: Precision? = nil) throws -> Precision {
      try sized(.init(model: nil, accelerators: [part], profile: "mlperf-llama2-70b", precision: given)).precision
    }
    #expect(try precision("b200") == .fp4)
    #expect(try precision("h100-sxm") == .fp8)
    #expect(try precision("a100-80gb") == .bf16)
    #expect(try precision("b200", .fp8) == .fp8)
  }

  @Test func prefillIsModelledByDefaultAndSharesEachDecodeCycle() throws {
    // Given chat (1,155 prompt + 211 output tokens) on H100s, When sized, Then each cycle carries
    // batch x 1,155 / 211 prompt tokens of prefill, the time per output token is the step plus that
    // prefill, tokens/s per replica = batch / that time, and both latencies meet their limits.
    let estimate = try sized(.init(model: "llama-3-70b", accelerators: ["h100-sxm"], profile: "chat", rate: 1e6))
    let prefillTokens = Double(estimate.batch) * 1155 / 211
    #expect(
      isClose(
        estimate.prefillTimePerCycle.seconds, to: prefillTokens / estimate.prefillTokensPerSecondPerReplica,
        relative: 1e-9))
    #expect(
      isClose(
        estimate.timePerOutputToken.seconds, to: (estimate.stepTime + estimate.prefillTimePerCycle).seconds,
        relative: 1e-12))
    #expect(
      isClose(
        estimate.tokensPerSecondPerReplica, to: Double(estimate.batch) / estimate.timePerOutputToken.seconds,
        relative: 1e-12))
    #expect(estimate.timePerOutputToken.seconds <= 0.04 && estimate.timeToFirstToken.seconds <= 0.45)
  }

  @Test func aPromptLongerThanTheContextIsAnErrorSayingBy() throws {
    // Given the long-context RAG profile (16,000 + 685 tokens) and Llama 3 70B (8,192-token context),
    // When sized, Then the error names the profile, the tokens and the model's context.
    #expect {
      try InferenceSizing(
        .init(model: "llama-3-70b", accelerators: ["h100-sxm"], profile: "rag-long-context"), catalog: catalog)
    } throws: { error in
      "\(error)"
        == "profile rag-long-context: prompt 16000 + output 685 = 16685 tokens exceed llama-3-70b's maximum context of 8192 tokens (serving llama-3-70b)"
    }
    // And Given a context below prompt + output, Then the same error names the context given.
    #expect {
      try InferenceSizing(
        .init(model: "llama-3-70b", accelerators: ["h100-sxm"], profile: "chat", context: 1000), catalog: catalog)
    } throws: { error in
      "\(error)".contains("= 1366 tokens exceed the KV-cache context given of 1000 tokens")
    }
  }

  @Test func aTimeToFirstTokenNoReplicaMeetsIsAnErrorSayingWhichLimitAndByHowMuch() throws {
    // Given a 1 ms TTFT limit for chat on Llama 3 70B, When sized on H100s, Then no replica of up to 64
    // meets it, and the error names the limit, the best achieved and the excess.
    let sizing = try InferenceSizing(
      .init(
        model: "llama-3-70b", accelerators: ["h100-sxm"], profile: "chat", timeToFirstToken: TimeSpan(seconds: 0.001)),
      catalog: catalog)
    let error = try #require(sizing.outcomes.first?.error)
    #expect(error.contains("cannot meet the time-to-first-token limit of 1 ms"), "\(error)")
    #expect(
      error.contains("on 64 accelerators") && error.contains("over the limit by") && error.contains("ms ("), "\(error)")
  }

  @Test func anEfficiencyOutsideZeroToOneIsAnError() throws {
    // Given a compute efficiency of 1.5, When sized, Then the error says it is outside (0, 1].
    #expect {
      try InferenceSizing(
        .init(model: "llama-3-70b", accelerators: ["h100-sxm"], computeEfficiency: 1.5), catalog: catalog)
    } throws: { error in
      "\(error)" == "the request: compute efficiency 1.5 is outside (0, 1]"
    }
  }

  @Test func theWorkloadEquivalenceReturnsTheCalibratedFigures() throws {
    // Given the walls' equivalence on Llama 2 70B under the MLPerf profile, Then the H100's tokens/s per
    // accelerator are MLPerf's (its fit; the server limits do not bind), and its training rate is the
    // BF16 peak x the median MFU of the H100 runs (0.41).
    let equivalence = try WorkloadEquivalence(
      catalog: catalog, referenceModel: "llama-2-70b", profile: "mlperf-llama2-70b")
    let h100 = try #require(equivalence.entry("h100-sxm"))
    #expect(isClose(try #require(h100.inferenceTokensPerSecond), to: 24_524.9 / 8, relative: 1e-6))
    #expect(h100.inferenceEfficiency?.basis == .fitted(cases: ["mlperf-v4.1-nvidia-h100-offline"]))
    #expect(isClose(try #require(h100.trainingRate).teraflops, to: 989.5 * 0.41, relative: 1e-12))
    #expect(equivalence.profile == "mlperf-llama2-70b" && equivalence.goodput == 0.9)
    // And an unknown profile is an error, not a silent default.
    #expect(throws: SizingError.self) {
      try WorkloadEquivalence(catalog: catalog, referenceModel: "llama-3-70b", profile: "chatt")
    }
  }

  @Test func theResultIsCodableWithTypedQuantities() throws {
    // Given a sized service, When encoded to JSON and decoded, Then every figure comes back.
    let sizing = try InferenceSizing(
      .init(model: "llama-3-70b", accelerators: ["h100-sxm", "h20"], profile: "chat", rate: 1e6), catalog: catalog)
    let data = try JSONEncoder().encode(sizing)
    let decoded = try JSONDecoder().decode(InferenceSizing.self, from: data)
    #expect(decoded.outcomes == sizing.outcomes && decoded.profile == sizing.profile)
    #expect(decoded.outcomes.first?.estimate?.facilityPower == sizing.outcomes.first?.estimate?.facilityPower)
  }
}

/// The closed-form batch of a dense model against bisection over every part, dense model and profile.
@Suite struct ClosedFormBatchTests {
  @Test func theClosedFormBatchEqualsTheBisectedOne() throws {
    // Given every accelerator, dense reference model and profile, When the largest batch meeting the
    // limits is found in closed form and by bisection on each power-of-two replica that holds the model,
    // Then the two agree (the closed form is only an acceleration).
    let catalog = Repository.catalog
    var compared = 0
    for part in catalog.accelerators {
      guard let memory = part.memory, let bandwidth = part.memoryBandwidth else { continue }
      for model in catalog.models where !model.isMixtureOfExperts {
        for profile in catalog.profiles.all where profile.context <= (model.maxContext ?? Int.max) {
          let service = InferenceService(model: model, accelerator: part, profile: profile, rate: 1)
          guard let (_, peak) = try? part.peak(at: service.precision) else { continue }
          let roof = InferenceService.Roof(service: service, peak: peak, bandwidth: bandwidth, memory: memory)
          for replica in [1, 2, 4, 8, 16, 32, 64] {
            let limit = service.memoryBatchLimit(replica: replica, memory: memory)
            guard limit >= 1 else { continue }
            let prefill = service.prefill(replica: replica, roof: roof).time
            let closed = service.closedFormBatch(replica: replica, limit: limit, roof: roof, prefillTime: prefill)
            let bisected = service.bisectedBatch(replica: replica, limit: limit, roof: roof, prefillTime: prefill)
            #expect(closed?.batch == bisected?.batch, "\(part.id) \(model.id) \(profile.id) x\(replica)")
            compared += 1
          }
        }
      }
    }
    #expect(compared > 500)
  }
}
