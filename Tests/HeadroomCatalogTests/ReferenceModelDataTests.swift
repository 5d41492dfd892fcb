import Foundation
import HeadroomCatalog
import HeadroomModel
import HeadroomTestSupport
import Testing

/// Reference models (Scenarios/models), training defaults (Scenarios/mfu.yaml), request profiles and the
/// inference calibration: loading and errors.
@Suite struct ReferenceModelDataTests {
  static let model = """
    id: test-70b
    name: Test 70B
    parameters: 70e9
    layers: 80
    hidden_size: 8192
    attention_heads: 64
    kv_heads: 8
    head_dim: 128
    context: 8192
    sources:
      - url: https://example.com/model-card
        supports: [parameters, layers, hidden_size, attention_heads, kv_heads, head_dim, context]
        confidence: primary

    """

  func load(_ files: [String: String]) throws -> Result<Catalog, CatalogErrors> {
    let root = try TestData.folder(files)
    defer { try? FileManager.default.removeItem(at: root) }
    return Result { () throws(CatalogErrors) in try CatalogLoader(root: root).load() }
  }

  @Test func theRepositoryModelsAreSourcedAndShapedAsPublished() throws {
    // Given the repository data, When loaded, Then the four reference models are there with the
    // published shapes, and the models and MFU defaults are fully covered by sources.
    let catalog = Repository.catalog
    #expect(
      Set(catalog.models.map(\.id)).isSuperset(of: [
        "llama-3.1-8b", "llama-3-70b", "llama-3.1-405b", "deepseek-v3", "llama-2-70b",
      ]))
    let deepSeek = try catalog.model("deepseek-v3")
    #expect(deepSeek.parameters == 671e9 && deepSeek.activeParameters == 37e9)
    #expect(deepSeek.attention == .latent(rank: 512, ropeDimension: 64))
    let llama = try catalog.model("llama-3.1-405b")
    #expect(llama.layers == 126 && llama.hiddenSize == 16384 && llama.kvHeads == 8 && llama.headDimension == 128)
    let check = CatalogCheck(catalog)
    for kind in ["models", "mfu defaults", "inference profiles", "inference calibration"] {
      let coverage = try #require(check.coverage.first { $0.kind == kind })
      #expect(coverage.items > 0 && coverage.uncovered.isEmpty, "\(kind): \(coverage.uncovered)")
    }
  }

  @Test func anUnknownModelIdSuggestsTheNearest() throws {
    // Given the repository models, When 'llama-3-7b' is looked up, Then the error suggests llama-3-70b.
    #expect {
      try Repository.catalog.model("llama-3-7b")
    } throws: { error in
      "\(error)".contains("unknown model id; nearest known: llama-3-70b")
    }
  }

  @Test func aModelFileWithMoreActiveThanAllParametersNamesFileLineAndField() throws {
    // Given a model whose active parameters exceed its parameters, When loaded,
    // Then the error names the file, the line and the field.
    let text = Self.model.replacingOccurrences(of: "layers: 80", with: "active_parameters: 80e9\nlayers: 80")
    guard case .failure(let errors) = try load(["Scenarios/models/test-70b.yaml": text]) else {
      Issue.record("loaded a model with 80B active of 70B")
      return
    }
    #expect("\(errors)".contains("Scenarios/models/test-70b.yaml:4: field 'active_parameters'"), "\(errors)")
  }

  static let mfu = """
    runs:
      test-run:
        name: Test run
        accelerator: test-gpu
        accelerators: 1024
        precision: bf16
        parameters: 70e9
        mfu: 0.4
        published:
          tokens_per_second: 50000
    sources:
      - url: https://example.com
        supports: [runs]
        confidence: primary
    """

  @Test func anMFUOutsideZeroToOneAndAnUnknownAcceleratorAreErrors() throws {
    // Given a run with MFU 1.5 on a known part, When loaded, Then the error names the field and what an
    // MFU is.
    let high = Self.mfu.replacingOccurrences(of: "mfu: 0.4", with: "mfu: 1.5")
    guard
      case .failure(let errors) = try load([
        "Hardware/accelerators/t/test-gpu.yaml": TestData.accelerator(), "Scenarios/mfu.yaml": high,
      ])
    else {
      Issue.record("loaded an MFU of 1.5")
      return
    }
    #expect("\(errors)".contains("field 'runs.test-run.mfu': value '1.5': expected an MFU"), "\(errors)")
    // And Given a run on an unknown part, Then the error names its line and suggests the nearest id.
    let unknown = Self.mfu.replacingOccurrences(of: "accelerator: test-gpu", with: "accelerator: test-gpx")
    guard
      case .failure(let more) = try load([
        "Hardware/accelerators/t/test-gpu.yaml": TestData.accelerator(), "Scenarios/mfu.yaml": unknown,
      ])
    else {
      Issue.record("loaded an MFU for an unknown accelerator")
      return
    }
    #expect("\(more)".contains("Scenarios/mfu.yaml:4: field 'runs.test-run.accelerator'"), "\(more)")
    #expect("\(more)".contains("unknown accelerator id; did you mean 'test-gpu'?"), "\(more)")
  }

  @Test func aRunWithoutAPublishedFigureOrWithTwoIsAnError() throws {
    // Given a run whose published block gives two figures, When loaded, Then the error says one is expected.
    let two = Self.mfu.replacingOccurrences(
      of: "tokens_per_second: 50000", with: "tokens_per_second: 50000\n      accelerator_hours: 1e6")
    guard
      case .failure(let errors) = try load([
        "Hardware/accelerators/t/test-gpu.yaml": TestData.accelerator(), "Scenarios/mfu.yaml": two,
      ])
    else {
      Issue.record("loaded a run with two published figures")
      return
    }
    #expect(
      "\(errors)".contains("expected exactly one of tokens_per_second, accelerator_hours, flops_per_accelerator"),
      "\(errors)")
  }

  static let profiles = """
    default: chat
    profiles:
      chat:
        name: Chat
        prompt_tokens: 1000
        output_tokens: 200
        time_to_first_token: 450 ms
        time_per_output_token: 40 ms
        precisions: [fp8, bf16]
    sources:
      - url: https://example.com/trace
        supports: [profiles]
        confidence: primary
    """

  @Test func aProfileReadsItsShapeAndBadLimitsOrPrecisionsAreErrors() throws {
    // Given a profile file, When loaded, Then the shape, limits and precisions are read with their units.
    guard
      case .success(let catalog) = try load([
        "Hardware/accelerators/t/test-gpu.yaml": TestData.accelerator(),
        "Scenarios/inference-profiles.yaml": Self.profiles,
      ])
    else {
      Issue.record("the profile file does not load")
      return
    }
    let chat = try catalog.profile("chat")
    #expect(chat.promptTokens == 1000 && chat.outputTokens == 200 && chat.context == 1200)
    #expect(chat.timeToFirstToken == TimeSpan(seconds: 0.45) && chat.timePerOutputToken == TimeSpan(seconds: 0.04))
    #expect(chat.precisions == [.fp8, .bf16] && catalog.profiles.defaultProfile == chat)
    // And Given a limit written in gigabytes and an unknown precision, Then each error names file, line and field.
    let bytes = Self.profiles.replacingOccurrences(
      of: "time_per_output_token: 40 ms", with: "time_per_output_token: 40 GB")
    guard case .failure(let errors) = try load(["Scenarios/inference-profiles.yaml": bytes]) else {
      Issue.record("loaded a TPOT of 40 GB")
      return
    }
    #expect("\(errors)".contains("inference-profiles.yaml:8: field 'profiles.chat.time_per_output_token'"), "\(errors)")
    let precision = Self.profiles.replacingOccurrences(of: "[fp8, bf16]", with: "[fp8, fp3]")
    guard case .failure(let more) = try load(["Scenarios/inference-profiles.yaml": precision]) else {
      Issue.record("loaded precision fp3")
      return
    }
    #expect("\(more)".contains("unknown precision 'fp3'"), "\(more)")
  }

  @Test func aCalibrationFallbackOutsideZeroToOneIsAnErrorNamingTheField() throws {
    // Given a bandwidth efficiency of 1.2 in the calibration file, When loaded, Then the error names the
    // file, line and field and says (0, 1].
    let calibration = """
      serving:
        fallback:
          bandwidth_efficiency: 1.2
      sources:
        - url: https://example.com
          supports: [serving]
          confidence: estimate
      """
    guard case .failure(let errors) = try load(["Scenarios/calibration.yaml": calibration]) else {
      Issue.record("loaded a bandwidth efficiency of 1.2")
      return
    }
    #expect(
      "\(errors)".contains("calibration.yaml:3: field 'serving.fallback.bandwidth_efficiency': value '1.2'"),
      "\(errors)")
  }
}
