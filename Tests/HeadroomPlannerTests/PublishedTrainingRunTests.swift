import HeadroomCatalog
import HeadroomModel
import HeadroomPlanner
import HeadroomTestSupport
import Testing

/// Training sizing against published runs (shared/facts/hardware.md section 4): from each run's parameters,
/// tokens, hardware and reported MFU, Headroom must land within 15 % of the published time.
@Suite struct PublishedTrainingRunTests {
  /// The stated tolerance for every published-run comparison.
  static let tolerance = 0.15

  @Test func deepSeekV3PreTrainingOnH800sMatchesThePublishedGPUHours() throws {
    // Source: DeepSeek-V3 Technical Report, https://arxiv.org/abs/2412.19437 (Table 1: pre-training
    // 2,664K H800 GPU-hours of 2,788K in all; 14.8T tokens; 37B activated of 671B; 2,048 H800s; FP8
    // mixed precision). MFU about 19-22 % of the FP8 peak per Epoch AI (https://epoch.ai/data/notable-ai-models,
    // quoted in shared/facts/hardware.md section 4); "about 20 %" is used.
    // Given 37B active parameters, 14.8T tokens, 2,048 H800s at FP8 and MFU 0.20,
    let estimate = try SizingTestData.train(
      parameters: 671e9, activeParameters: 37e9, tokens: 14.8e12, on: "h800", count: 2048, precision: .fp8,
      mfu: 0.20)
    // When sized, Then the GPU-hours are within 15 % of the 2.664M pre-training hours (Headroom: 2.31M, -13 %;
    // 6ND leaves out attention and the multi-token-prediction module, so it runs low).
    #expect(estimate.precision == .fp8)
    #expect(estimate.compute.flop.isWithin(0.05, of: 3.4e24), "Epoch's 3.4e24 FLOP; saw \(estimate.compute)")
    let error = SizingTestData.error(estimate.acceleratorHours, 2.664e6)
    #expect(abs(error) <= Self.tolerance, "GPU-hours \(estimate.acceleratorHours) vs 2.664M: \(error)")
  }

  @Test func palm540BOnTPUv4MatchesThePublishedThroughputAndBoundsTheReportedChipHours() throws {
    // Source: Chowdhery et al., PaLM: Scaling Language Modeling with Pathways, https://arxiv.org/abs/2204.02311
    // - 540B parameters, 780B tokens, 2,527.2 zettaFLOP of training compute; 6,144 TPU v4 chips; Appendix B:
    // 238.3K tokens/s, MFU 46.2 % with self-attention; the energy section: 6,144 chips for 1,200 h and 3,072 chips
    // for 336 h "including some downtime and repeated steps" (8.40M chip-hours).
    // Given 540B parameters, 780B tokens, 6,144 TPU v4s at BF16 and MFU 0.462,
    let estimate = try SizingTestData.train(
      parameters: 540e9, tokens: 780e9, on: "tpu-v4", count: 6144, precision: .bf16, mfu: 0.462)
    // When sized, Then the compute matches 2.527e24 within 1 %,
    #expect(estimate.compute.flop.isWithin(0.01, of: 2.5272e24))
    // the days on 6,144 chips are within 15 % of 780B tokens at the published 238.3K tokens/s (37.9 days),
    let publishedDays = 780e9 / 238.3e3 / 86_400
    let error = SizingTestData.error(estimate.duration.days, publishedDays)
    #expect(abs(error) <= Self.tolerance, "\(estimate.duration.days) days vs \(publishedDays): \(error)")
    // and with goodput 1 the chip-hours stay below the 8.40M reported, which include downtime and repeats
    // (the reported hours imply a goodput of about 0.66).
    let reported = 6144.0 * 1200 + 3072 * 336
    #expect(estimate.acceleratorHours < reported)
    #expect((estimate.acceleratorHours / reported).isWithin(0.05, of: 0.66))
  }

  @Test func nemotron4_340BOnH100sMatchesTheTimeImpliedByItsIterationTime() throws {
    // Source: NVIDIA, Nemotron-4 340B Technical Report, https://arxiv.org/abs/2406.11704 - 9T tokens
    // (8T + 1T continued pre-training), up to 6,144 H100s (768 DGX H100), global batch 2,304 x 4,096
    // tokens, Table 2: 8.0 s per iteration and 41.0 % MFU at 6,144 GPUs; 1.8e25 FLOP per Epoch
    // (https://epoch.ai/data/notable-ai-models). No training duration is published, so the days implied
    // by the published iteration time at full scale are the reference.
    // Given 340B parameters, 9T tokens, 6,144 H100s at BF16 and MFU 0.41,
    let estimate = try SizingTestData.train(
      parameters: 340e9, tokens: 9e12, on: "h100-sxm", count: 6144, precision: .bf16, mfu: 0.41)
    // When sized, Then the compute matches 1.8e25 within 3 %,
    #expect(estimate.compute.flop.isWithin(0.03, of: 1.8e25))
    // and the days are within 15 % of 9T tokens at 2,304 x 4,096 tokens per 8.0 s (88.3 days).
    let publishedDays = 9e12 / (2304.0 * 4096 / 8.0) / 86_400
    let error = SizingTestData.error(estimate.duration.days, publishedDays)
    #expect(abs(error) <= Self.tolerance, "\(estimate.duration.days) days vs \(publishedDays): \(error)")
  }

  @Test func gpt3OnV100sMatchesThePublishedV100Hours() throws {
    // Source: Patterson et al., Carbon Emissions and Large Neural Network Training,
    // https://arxiv.org/abs/2104.10350, Table 4 - GPT-3 175B: 3.14e23 FLOP, 10,000 V100s, 14.8 days
    // (405 V100-years, 3.55M V100-hours). Brown et al. (https://arxiv.org/abs/2005.14165) give 300B tokens.
    // No MFU is published for GPT-3; 0.20 is assumed - the utilisation Patterson's own figures imply
    // (3.14e23 / (3.55M h x 125 TFLOP/s) = 19.7 %), so this case checks consistency, not prediction.
    // Given 175B parameters, 300B tokens, 10,000 V100s (no BF16: FP16 tensor cores) and MFU 0.20,
    let estimate = try SizingTestData.train(
      parameters: 175e9, tokens: 300e9, on: "v100-sxm2", count: 10_000, precision: .bf16, mfu: 0.20)
    // When sized, Then FP16 stands in for BF16, the compute matches 3.14e23 within 1 %,
    #expect(estimate.precision == .fp16)
    #expect(estimate.compute.flop.isWithin(0.01, of: 3.14e23))
    // and the V100-hours are within 15 % of 10,000 x 14.8 days.
    let published = 10_000 * 14.8 * 24
    let error = SizingTestData.error(estimate.acceleratorHours, published)
    #expect(abs(error) <= Self.tolerance, "\(estimate.acceleratorHours) V100-hours vs \(published): \(error)")
  }

  @Test func theDefaultMFUsAreMediansOfThePublishedRunsOnTheSilicon() throws {
    // Given the catalog's runs (Scenarios/mfu.yaml), When defaults are looked up, Then each is the median
    // of the runs on the part's silicon, computed here independently of DefaultMFU.
    let mfu = Repository.catalog.mfu
    func median(_ values: [Double]) -> Double {
      let sorted = values.sorted()
      return sorted.count % 2 == 1
        ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
    let a100 = mfu.runs.filter { ["a100-40gb", "a100-80gb", "a800"].contains($0.accelerator) }.compactMap(\.mfu)
    #expect(a100.count >= 3)
    // the two A100 variants (and the A800) share one default: same die, same clocks.
    for part in ["a100-40gb", "a100-80gb", "a800"] {
      #expect(mfu.lookup(accelerator: part, precision: .bf16)?.mfu == median(a100), "\(part)")
    }
    #expect(mfu.lookup(accelerator: "tpu-v4", precision: .bf16)?.mfu == 0.462)
    #expect(mfu.lookup(accelerator: "h100-sxm", precision: .bf16)?.mfu == median([0.41, 0.41]))
    // FP8 runs on GH100 silicon: DeepSeek-V3 on H800 and Llama 4 Behemoth on H100.
    #expect(mfu.lookup(accelerator: "h800", precision: .fp8)?.mfu == median([0.20, 0.197]))
    let fallback = try #require(mfu.lookup(accelerator: "h20", precision: .bf16))
    #expect(fallback.basis == .fallback)
    #expect(mfu.mark(of: fallback)?.kind == .assumption)
    #expect(mfu.lookup(accelerator: "v100-sxm2", precision: .bf16)?.precision == .fp16)
    // A held-out run (Llama 2 70B) feeds no default.
    #expect(mfu.runs.first { $0.id == "llama-2-70b" }?.mfu == nil)
  }

  @Test func theDefaultGoodputIsTheMedianOfPublishedRunsAndStretchesWallClockTime() throws {
    // Given the goodput runs (Llama 3 0.90, Gemini 0.97, PaLM's derived 0.66), When the default is
    // resolved, Then it is their median, 0.90, and a given goodput wins.
    let catalog = Repository.catalog
    #expect(try catalog.trainingGoodput().goodput == 0.90)
    #expect(try catalog.trainingGoodput(given: 0.8).goodput == 0.8)
    #expect(throws: SizingError.self) { try catalog.trainingGoodput(given: 1.2) }
  }
}
