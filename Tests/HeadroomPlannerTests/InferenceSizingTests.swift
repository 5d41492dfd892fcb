import HeadroomCatalog
import HeadroomModel
import HeadroomPlanner
import HeadroomTestSupport
import Testing

/// Inference sizing: replicas, the decode roofline, the batch choice, and the errors.
@Suite struct InferenceSizingTests {
  func estimate(
    _ model: String, on id: String, precision: Precision? = nil, latency: Double = 0.05, rate: Double = 1e6,
    replica: Int? = nil
  ) throws -> InferenceEstimate {
    let part = try SizingTestData.part(id)
    let service = InferenceService(
      model: try Repository.catalog.model(model), accelerator: part, precision: precision,
      latency: TimeSpan(seconds: latency), rate: rate, replica: replica)
    return try service.estimate(
      power: SizingTestData.power(part), facility: SizingTestData.bareFacility,
      unitPrice: part.unitPrice(systems: Repository.catalog.systems))
  }

  @Test func theH20IsWorthFarMoreForBandwidthBoundDecodeThanForTraining() throws {
    // Given the catalog's H100 SXM and H20 (3.35 vs 4 TB/s, 989.5 vs 148 BF16 TFLOP/s, 80 vs 96 GB),
    let catalog = Repository.catalog
    let h100 = try SizingTestData.part("h100-sxm")
    let h20 = try SizingTestData.part("h20")
    // When Llama 3.1 8B is served in FP8 at 50 ms per token on each, and each trains at its default MFU,
    let onH100 = try estimate("llama-3.1-8b", on: "h100-sxm", precision: .fp8)
    let onH20 = try estimate("llama-3.1-8b", on: "h20", precision: .fp8)
    let h20Peak = try #require(h20.bf16)
    let h100Peak = try #require(h100.bf16)
    let h20MFU = try #require(catalog.mfu.lookup(accelerator: "h20", precision: .bf16))
    let h100MFU = try #require(catalog.mfu.lookup(accelerator: "h100-sxm", precision: .bf16))
    let trainingRatio = h20Peak.flopsPerSecond * h20MFU.mfu / (h100Peak.flopsPerSecond * h100MFU.mfu)
    let inferenceRatio = onH20.tokensPerSecondPerAccelerator / onH100.tokensPerSecondPerAccelerator
    // Then decode is bandwidth-bound on both,
    #expect(onH100.decodeBound == .bandwidth)
    #expect(onH20.decodeBound == .bandwidth)
    // the H20 is ahead of its training ratio (0.15) by far - it out-serves the H100 -
    #expect(inferenceRatio > 5 * trainingRatio, "inference \(inferenceRatio) vs training \(trainingRatio)")
    #expect(inferenceRatio > 1)
    // and, with the batch filling memory, tokens/s scale with memory bandwidth (within 5 %).
    let h20Bandwidth = try #require(h20.memoryBandwidth)
    let h100Bandwidth = try #require(h100.memoryBandwidth)
    let bandwidthRatio = h20Bandwidth / h100Bandwidth
    #expect(inferenceRatio.isWithin(0.05, of: bandwidthRatio), "\(inferenceRatio) vs bandwidth ratio \(bandwidthRatio)")
    // The walls model's ratios say the same for decode-heavy serving: under the reasoning profile
    // (1,000 prompt + 3,748 output tokens) Llama 3.1 8B makes the H20 worth over twice its training
    // ratio, while prefill-heavy chat (1,155 + 211) on Llama 3 70B leaves it near its training ratio
    // (prefill is compute-bound).
    let reasoning = try WorkloadEquivalence(catalog: catalog, referenceModel: "llama-3.1-8b", profile: "reasoning")
    let entry = try #require(reasoning.entry("h20"))
    #expect(try #require(entry.training).isWithin(1e-9, of: trainingRatio))
    #expect(try #require(entry.inference) > 2 * trainingRatio)
    let chat = try WorkloadEquivalence(catalog: catalog, referenceModel: "llama-3-70b", profile: "chat")
    #expect(try #require(chat.entry("h20")?.inference).isWithin(0.25, of: trainingRatio))
    #expect(chat.entry("h100-sxm")?.training == 1)
    #expect(chat.entry("h100-sxm")?.inference == 1)
  }

  @Test func theBatchIsTheLargestThatFitsMemoryAndMeetsTheLatencyTarget() throws {
    // Given Llama 3 70B in FP8 on H100s at 50 ms, When sized,
    let result = try estimate("llama-3-70b", on: "h100-sxm", precision: .fp8)
    let service = result.service
    let perAccelerator = try #require(service.accelerator.memory)
    let memory = perAccelerator * (Double(result.replicaAccelerators) * 0.9)
    // Then the batch's weights and KV caches fit 90 % of the replica's memory and the step meets 50 ms,
    #expect(service.weights + service.kvPerSequence * Double(result.batch) <= memory)
    #expect(result.step.time.seconds <= 0.05)
    // and one more sequence would break one of the two.
    let fitsOneMore = service.weights + service.kvPerSequence * Double(result.batch + 1) <= memory
    let next = try estimate("llama-3-70b", on: "h100-sxm", precision: .fp8, replica: result.replicaAccelerators)
    #expect(next.batch == result.batch)
    #expect(!fitsOneMore || result.memoryBatchLimit == result.batch)
    // Tokens/s per replica = batch / step time (no prompt tokens), the fleet covers the rate.
    #expect(result.tokensPerSecondPerReplica.isWithin(1e-12, of: Double(result.batch) / result.step.time.seconds))
    #expect(Double(result.replicas) * result.tokensPerSecondPerReplica >= 1e6)
    #expect(result.accelerators == result.replicas * result.replicaAccelerators)
  }

  @Test func aReplicaIsTheSmallestPowerOfTwoThatHoldsTheWeightsAndOneSequence() throws {
    // Given Llama 3.1 405B in BF16 (810 GB of weights) on 80 GB H100s, When sized,
    let result = try estimate("llama-3.1-405b", on: "h100-sxm", precision: .bf16)
    // Then the smallest replica is the least power of two k with k x 72 GB >= weights + one KV cache (16).
    let needed = result.service.weights + result.service.kvPerSequence
    let expected = [1, 2, 4, 8, 16, 32, 64].first { Bytes(gigabytes: 72) * Double($0) >= needed }
    #expect(result.minimumReplica == expected)
    #expect(result.minimumReplica == 16)
    #expect(result.replicaAccelerators >= result.minimumReplica)
  }

  @Test func latentAttentionCachesSeventyKilobytesPerTokenForDeepSeekV3() throws {
    // Given DeepSeek-V3 (61 layers of MLA: a 512-element latent plus a 64-element RoPE key),
    let model = try Repository.catalog.model("deepseek-v3")
    // When its BF16 KV cache per token is computed, Then it is 576 x 61 x 2 = 70,272 bytes, the "70 KB
    // per token" DeepSeek reports (https://arxiv.org/abs/2505.09343), against 327,680 for Llama 3 70B (GQA).
    #expect(model.kvCachePerToken(at: .bf16).bytes == 70_272)
    #expect(try Repository.catalog.model("llama-3-70b").kvCachePerToken(at: .bf16).bytes == 327_680)
    #expect(model.isMixtureOfExperts)
  }

  @Test func aModelThatFitsNoReplicaOfUpTo64IsAnErrorWithTheMemoryNeededAndAvailable() throws {
    // Given DeepSeek-V3 in FP16 (1.34 TB) on 16 GB T4s (64 x 14.4 GB usable = 922 GB), When sized,
    // Then it fails naming the memory needed and available.
    #expect {
      try estimate("deepseek-v3", on: "t4", precision: .fp16)
    } throws: { error in
      guard case .modelDoesNotFit(_, _, let needed, let available, let maxReplica) = error as? SizingError else {
        return false
      }
      let text = "\(error)"
      return maxReplica == 64 && needed.bytes > 1.34e12 && available.bytes.isWithin(1e-12, of: 64 * 16e9 * 0.9)
        && text.contains("1.34 TB") && text.contains("922 GB")
    }
  }

  @Test func anUnreachableLatencyAndAnUnsupportedPrecisionAreErrors() throws {
    // Given a 1 ms target for Llama 3.1 405B, When sized, Then no replica of up to 64 meets it.
    #expect(throws: SizingError.self) { try estimate("llama-3.1-405b", on: "h100-sxm", latency: 0.001) }
    // Given FP8 on the V100 (no FP8 rate), When sized, Then the error lists what the part supports.
    #expect {
      try estimate("llama-3.1-8b", on: "v100-sxm2", precision: .fp8)
    } throws: { error in
      "\(error)".contains("v100-sxm2 has no fp8 rate; it supports")
    }
  }

  @Test func prefillIsComputeBoundAndSharesTheReplicaWithDecode() throws {
    // Given Llama 3 70B on H100s with 2,000-token prompts and 500-token answers,
    let part = try SizingTestData.part("h100-sxm")
    let model = try Repository.catalog.model("llama-3-70b")
    let service = InferenceService(
      model: model, accelerator: part, precision: .fp8, promptTokens: 2000, outputTokens: 500, rate: 1e5,
      replica: 8)
    let result = try service.estimate(power: nil, facility: SizingTestData.bareFacility, unitPrice: nil)
    // When sized, Then prefill runs at 8 x peak x 0.5 / (2 x N) prompt tokens/s and is compute-bound,
    let peak = try #require(part.fp8OrInt8)
    #expect(
      result.prefillTokensPerSecondPerReplica.isWithin(
        1e-12, of: 8 * peak.flopsPerSecond * 0.5 / (2 * model.activeParameters)))
    #expect(result.prefillBound == .compute)
    // and each output token carries 4 prompt tokens of prefill time.
    let perToken = result.step.time.seconds / Double(result.batch) + 4 / result.prefillTokensPerSecondPerReplica
    #expect(result.tokensPerSecondPerReplica.isWithin(1e-12, of: 1 / perToken))
  }
}
