import Foundation
import HeadroomCatalog
import HeadroomModel
import Testing

/// Reference models (Scenarios/models) and default MFUs (Scenarios/mfu.yaml): loading and errors.
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
    let catalog = TestData.catalog
    #expect(
      Set(catalog.models.map(\.id)).isSuperset(of: ["llama-3.1-8b", "llama-3-70b", "llama-3.1-405b", "deepseek-v3"]))
    let deepSeek = try catalog.model("deepseek-v3")
    #expect(deepSeek.parameters == 671e9 && deepSeek.activeParameters == 37e9)
    #expect(deepSeek.attention == .latent(rank: 512, ropeDimension: 64))
    let llama = try catalog.model("llama-3.1-405b")
    #expect(llama.layers == 126 && llama.hiddenSize == 16384 && llama.kvHeads == 8 && llama.headDimension == 128)
    let check = CatalogCheck(catalog)
    for kind in ["models", "mfu defaults"] {
      let coverage = try #require(check.coverage.first { $0.kind == kind })
      #expect(coverage.items > 0 && coverage.uncovered.isEmpty, "\(kind): \(coverage.uncovered)")
    }
  }

  @Test func anUnknownModelIdSuggestsTheNearest() throws {
    // Given the repository models, When 'llama-3-7b' is looked up, Then the error suggests llama-3-70b.
    #expect {
      try TestData.catalog.model("llama-3-7b")
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

  @Test func anMFUOutsideZeroToOneAndAnUnknownAcceleratorAreErrors() throws {
    // Given an MFU table with 1.5 for a known part and an entry for an unknown id, When loaded,
    // Then both are errors naming the field.
    let mfu = """
      accelerators:
        test-gpu:
          bf16: 1.5
      sources:
        - url: https://example.com
          supports: [accelerators]
          confidence: primary
      """
    guard
      case .failure(let errors) = try load([
        "Hardware/accelerators/t/test-gpu.yaml": TestData.accelerator(), "Scenarios/mfu.yaml": mfu,
      ])
    else {
      Issue.record("loaded an MFU of 1.5")
      return
    }
    #expect("\(errors)".contains("field 'accelerators.test-gpu.bf16': value '1.5': expected an MFU"), "\(errors)")
    let unknown = mfu.replacingOccurrences(of: "bf16: 1.5", with: "bf16: 0.4").replacingOccurrences(
      of: "  test-gpu:", with: "  test-gpx:")
    guard
      case .failure(let more) = try load([
        "Hardware/accelerators/t/test-gpu.yaml": TestData.accelerator(), "Scenarios/mfu.yaml": unknown,
      ])
    else {
      Issue.record("loaded an MFU for an unknown accelerator")
      return
    }
    #expect("\(more)".contains("unknown accelerator id; did you mean 'test-gpu'?"), "\(more)")
  }
}
