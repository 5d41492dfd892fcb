/// The request profiles of `Scenarios/inference-profiles.yaml`, the default one and their sources.
public struct InferenceProfiles: Sendable, Hashable {
  /// The profiles in file order.
  public var all: [InferenceProfile]
  /// The id of the profile used when none is named.
  public var defaultID: String?
  /// Sources and marks, with field paths `profiles.<id>.<field>`.
  public var provenance: Provenance

  public init(_ all: [InferenceProfile] = [], defaultID: String? = nil, provenance: Provenance = .init()) {
    self.all = all
    self.defaultID = defaultID
    self.provenance = provenance
  }

  /// A profile by id.
  public func profile(_ id: String) -> InferenceProfile? { all.first { $0.id == id } }

  /// The default profile, when the file names one.
  public var defaultProfile: InferenceProfile? { defaultID.flatMap(profile) }
}
