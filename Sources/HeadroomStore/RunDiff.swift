import HeadroomModel

/// What changed between two runs: wall years first, then the inputs beside them, then the objective.
///
/// For example, a what-if that lets China import H200s from 2026 might read:
/// ```
/// CN  chip wall   2027 -> 2030  (+3 years)
/// input  --set countries.CN.policy.H200   (none) -> allowed
/// objective  1.25e6 -> 1.19e6
/// ```
public struct RunDiff: Sendable, Hashable {
  /// A change in one of a country's walls.
  public struct WallChange: Sendable, Hashable {
    /// Which result changed.
    public enum Field: String, Sendable, Hashable, CaseIterable {
      case powerWallYear = "power wall"
      case chipWallYear = "chip wall"
      case firstShortYear = "first short year"
      case bindingWall = "binding wall"
    }

    public var country: String
    public var field: Field
    /// The value in the first run: a year, `none` (no wall within the horizon) or a binding wall;
    /// nil when the country is absent from that run.
    public var a: String?
    /// The value in the second run (same conventions).
    public var b: String?

    public init(country: String, field: Field, a: String?, b: String?) {
      self.country = country
      self.field = field
      self.a = a
      self.b = b
    }

    /// How many years the wall moved (later is positive), when both runs hit it.
    public var yearShift: Int? {
      guard field != .bindingWall, let a = a.flatMap(Int.init), let b = b.flatMap(Int.init) else { return nil }
      return b - a
    }
  }

  /// A change in what the runs were given.
  public struct InputChange: Sendable, Hashable {
    /// Which input changed.
    public enum Input: Sendable, Hashable {
      /// A `--set` override, by path.
      case override(String)
      case kind
      case scenario
      case site
      case dataHash
      case solver
    }

    public var input: Input
    /// The value in the first run; nil when absent (an override added in the second run).
    public var a: String?
    /// The value in the second run; nil when absent (an override removed).
    public var b: String?

    public init(input: Input, a: String?, b: String?) {
      self.input = input
      self.a = a
      self.b = b
    }

    /// The input as a user names it: `--set <path>`, `scenario`, `data hash`, `solver`, `kind`.
    public var label: String {
      switch input {
      case .override(let path): "--set \(path)"
      case .kind: "kind"
      case .scenario: "scenario"
      case .site: "site"
      case .dataHash: "data hash"
      case .solver: "solver"
      }
    }
  }

  /// The objective of both runs, when it differs.
  public struct ObjectiveChange: Sendable, Hashable {
    public var a: Double?
    public var b: Double?

    public init(a: Double?, b: Double?) {
      self.a = a
      self.b = b
    }

    /// b − a, when both are known.
    public var delta: Double? { a.flatMap { a in b.map { $0 - a } } }
  }

  /// A data field that differs between the data versions two runs read.
  public struct DataFieldChange: Sendable, Hashable {
    public enum Change: String, Sendable, Hashable, CaseIterable {
      case added, removed, changed
    }
    /// The file, relative to the data folder.
    public var file: String
    /// The dotted field path; nil when the whole file was added or removed.
    public var field: String?
    public var change: Change

    public init(file: String, field: String?, change: Change) {
      self.file = file
      self.field = field
      self.change = change
    }
  }

  /// What the data fields behind a changed data hash did.
  public enum DataFields: Sendable, Hashable {
    /// Both runs read the same data (or the data hash did not change).
    case same
    /// One run (or both) was saved without its field hashes: only the hash can be compared.
    case notRecorded
    /// The fields that differ, by file then field.
    case changed([DataFieldChange])
  }

  /// A country's served share and power used in the comparison year of both runs.
  public struct CountryChange: Sendable, Hashable {
    public var country: String
    public var year: Int
    /// Share of demand served, 0…1, in the first and the second run.
    public var servedShareA: Double
    public var servedShareB: Double
    /// Power used at the meter in the first and the second run.
    public var powerUsedA: Power
    public var powerUsedB: Power

    public init(
      country: String, year: Int, servedShareA: Double, servedShareB: Double, powerUsedA: Power, powerUsedB: Power
    ) {
      self.country = country
      self.year = year
      self.servedShareA = servedShareA
      self.servedShareB = servedShareB
      self.powerUsedA = powerUsedA
      self.powerUsedB = powerUsedB
    }

    /// How the share of demand served changed from the first run to the second, -1…1 (more served is positive).
    public var servedShareChange: Double { servedShareB - servedShareA }
    /// How the power used changed from the first run to the second (more used is positive).
    public var powerUsedChange: Power { powerUsedB - powerUsedA }
  }

  /// One year of two site plans.
  public struct PlanChange: Sendable, Hashable {
    public var year: Int
    public var a: RunSummary.PlanYear?
    public var b: RunSummary.PlanYear?

    public init(year: Int, a: RunSummary.PlanYear?, b: RunSummary.PlanYear?) {
      self.year = year
      self.a = a
      self.b = b
    }
  }

  /// The first run's id, when read from a database.
  public var a: Int64?
  /// The second run's id.
  public var b: Int64?
  /// Wall changes, by country then field.
  public var wallChanges: [WallChange]
  /// Input changes: kind, scenario, overrides by path, data hash, solver.
  public var inputChanges: [InputChange]
  /// Nil when the objective is the same.
  public var objective: ObjectiveChange?
  /// The data fields that changed when the data hashes differ (set by ``HeadroomDatabase/diff(_:_:)``).
  public var dataFields: DataFields = .same
  /// The kinds of the two runs (`walls`, `sweep` …).
  public var kindA: RunSummary.Kind = .walls
  public var kindB: RunSummary.Kind = .walls
  /// The year served shares and power are compared in: 2030 when both runs have it, else the last year
  /// both have; nil when they share no year.
  public var comparisonYear: Int?
  /// Per country in both runs, served share and power used in ``comparisonYear`` (those that changed).
  public var countryChanges: [CountryChange] = []
  /// Per year of two plans, the years that differ.
  public var planChanges: [PlanChange] = []

  /// Whether the runs are of different kinds (a sweep's wall years are medians, a batch's come from
  /// phase 1 only): the diff is shown with a warning.
  public var kindsDiffer: Bool { kindA != kindB }

  /// Whether the runs have nothing to compare: a plan against a run of another kind.
  public var incomparable: Bool { kindsDiffer && (kindA == .plan || kindB == .plan) }

  public init(
    a: Int64? = nil, b: Int64? = nil, wallChanges: [WallChange], inputChanges: [InputChange],
    objective: ObjectiveChange?
  ) {
    self.a = a
    self.b = b
    self.wallChanges = wallChanges
    self.inputChanges = inputChanges
    self.objective = objective
  }

  /// The differences between two stored runs.
  public init(from first: StoredRun, to second: StoredRun) {
    self.init(from: first.summary, to: second.summary)
    a = first.id
    b = second.id
  }

  /// The differences between two runs.
  public init(from first: RunSummary, to second: RunSummary) {
    var walls: [WallChange] = []
    let before = Dictionary(first.countries.map { ($0.country, $0) }, uniquingKeysWith: { _, last in last })
    let after = Dictionary(second.countries.map { ($0.country, $0) }, uniquingKeysWith: { _, last in last })
    func year(_ value: Int?) -> String { value.map(String.init) ?? "none" }
    for country in Set(before.keys).union(after.keys).sorted() {
      let x = before[country]
      let y = after[country]
      let pairs: [(WallChange.Field, String?, String?)] = [
        (.powerWallYear, x.map { year($0.powerWallYear) }, y.map { year($0.powerWallYear) }),
        (.chipWallYear, x.map { year($0.chipWallYear) }, y.map { year($0.chipWallYear) }),
        (.firstShortYear, x.map { year($0.firstShortYear) }, y.map { year($0.firstShortYear) }),
        (.bindingWall, x?.bindingWall.rawValue, y?.bindingWall.rawValue),
      ]
      for (field, a, b) in pairs where a != b {
        walls.append(WallChange(country: country, field: field, a: a, b: b))
      }
    }

    var inputs: [InputChange] = []
    if first.kind != second.kind {
      inputs.append(InputChange(input: .kind, a: first.kind.rawValue, b: second.kind.rawValue))
    }
    if first.scenario != second.scenario {
      inputs.append(
        InputChange(input: .scenario, a: first.scenario ?? "(baseline)", b: second.scenario ?? "(baseline)"))
    }
    let setBefore = Dictionary(first.overrides.map { ($0.path, $0.value) }, uniquingKeysWith: { _, last in last })
    let setAfter = Dictionary(second.overrides.map { ($0.path, $0.value) }, uniquingKeysWith: { _, last in last })
    for path in Set(setBefore.keys).union(setAfter.keys).sorted() where setBefore[path] != setAfter[path] {
      inputs.append(InputChange(input: .override(path), a: setBefore[path], b: setAfter[path]))
    }
    if first.dataHash != second.dataHash {
      inputs.append(InputChange(input: .dataHash, a: first.dataHash, b: second.dataHash))
    }
    let solverA = first.solverDescription
    let solverB = second.solverDescription
    if solverA != solverB { inputs.append(InputChange(input: .solver, a: solverA, b: solverB)) }

    self.init(
      wallChanges: walls, inputChanges: inputs,
      objective: first.objective == second.objective ? nil : ObjectiveChange(a: first.objective, b: second.objective))
    kindA = first.kind
    kindB = second.kind
    let yearsA = Set(first.years.map(\.year))
    let common = yearsA.intersection(second.years.map(\.year))
    comparisonYear = common.contains(2030) ? 2030 : common.max()
    if let year = comparisonYear {
      let rowsA = Dictionary(
        first.years.filter { $0.year == year }.map { ($0.country, $0) }, uniquingKeysWith: { _, last in last })
      let rowsB = Dictionary(
        second.years.filter { $0.year == year }.map { ($0.country, $0) }, uniquingKeysWith: { _, last in last })
      countryChanges = Set(rowsA.keys).intersection(rowsB.keys).sorted().compactMap { country -> CountryChange? in
        guard let a = rowsA[country], let b = rowsB[country],
          a.servedShare != b.servedShare || a.powerUsed != b.powerUsed
        else { return nil }
        return CountryChange(
          country: country, year: year, servedShareA: a.servedShare, servedShareB: b.servedShare,
          powerUsedA: a.powerUsed, powerUsedB: b.powerUsed)
      }
    }
    let planA = Dictionary(first.planYears.map { ($0.year, $0) }, uniquingKeysWith: { _, last in last })
    let planB = Dictionary(second.planYears.map { ($0.year, $0) }, uniquingKeysWith: { _, last in last })
    planChanges = Set(planA.keys).union(planB.keys).sorted().compactMap { year in
      planA[year] == planB[year] ? nil : PlanChange(year: year, a: planA[year], b: planB[year])
    }
    if first.site != second.site {
      inputChanges.append(InputChange(input: .site, a: first.site ?? "(none)", b: second.site ?? "(none)"))
    }
  }

  /// The field changes between two data versions' recorded hashes (`file` → `field` → hash); a file
  /// present on one side only is one change with no field.
  public static func dataFieldChanges(_ a: [String: [String: String]]?, _ b: [String: [String: String]]?)
    -> DataFields
  {
    guard let a, let b else { return .notRecorded }
    var changes: [DataFieldChange] = []
    for file in Set(a.keys).union(b.keys).sorted() {
      guard let before = a[file] else {
        changes.append(DataFieldChange(file: file, field: nil, change: .added))
        continue
      }
      guard let after = b[file] else {
        changes.append(DataFieldChange(file: file, field: nil, change: .removed))
        continue
      }
      for field in Set(before.keys).union(after.keys).sorted() where before[field] != after[field] {
        let change: DataFieldChange.Change =
          before[field] == nil ? .added : after[field] == nil ? .removed : .changed
        changes.append(DataFieldChange(file: file, field: field, change: change))
      }
    }
    return changes.isEmpty ? .same : .changed(changes)
  }

  /// True when neither walls, inputs, the objective, served shares, power nor plan years differ.
  public var isEmpty: Bool {
    wallChanges.isEmpty && inputChanges.isEmpty && objective == nil && countryChanges.isEmpty && planChanges.isEmpty
  }
}
