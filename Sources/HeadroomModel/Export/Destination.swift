/// A country as export rules see it: its code, its EAR country groups and its AI Diffusion tier.
public struct Destination: Sendable, Hashable {
  /// ISO 3166-1 alpha-2 code.
  public var iso: String
  /// EAR Supplement 1 to Part 740 groups, e.g. `D:1`, `D:4`, `D:5`, `A:5`, `A:6`.
  public var groups: [String]
  /// Jan 2025 AI Diffusion tier (1, 2 or 3), when known.
  public var diffusionTier: Int?

  public init(iso: String, groups: [String], diffusionTier: Int?) {
    self.iso = iso
    self.groups = groups
    self.diffusionTier = diffusionTier
  }
}
