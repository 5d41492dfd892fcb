import HeadroomModel

extension Catalog {
  /// The MFU to size a training run with on an accelerator at a precision: the given figure, else the
  /// median of the published runs on the part's silicon, else the precision's fallback.
  ///
  /// This is the one place MFU defaults are resolved (`size training`, site plans, workload
  /// equivalence).
  ///
  /// - Throws: ``SizingError/noDefaultMFU(accelerator:precision:)`` when nothing is given and the file
  ///   has neither, or ``SizingError/invalidInput(field:value:expected:)`` for a given figure outside
  ///   (0, 1].
  public func trainingMFU(accelerator id: String, precision: Precision, given: Double? = nil) throws(SizingError)
    -> ResolvedMFU
  {
    if let given {
      guard given > 0 && given <= 1 else {
        throw .invalidInput(field: "mfu", value: NumberText.plain(given, 4), expected: "a number in (0, 1]")
      }
      return ResolvedMFU(mfu: given, precision: precision, basis: .given)
    }
    guard let value = mfu.lookup(accelerator: id, precision: precision) else {
      throw .noDefaultMFU(accelerator: id, precision: precision)
    }
    let basis: ResolvedMFU.Basis
    switch value.basis {
    case .runs(let ids): basis = .runs(ids)
    case .fallback: basis = .fallback
    }
    return ResolvedMFU(
      mfu: value.mfu, precision: value.precision, basis: basis, mark: mfu.mark(of: value)?.kind.rawValue)
  }

  /// The goodput to size a training run with: the given share, else the median of the published runs'
  /// (`goodput` in `Scenarios/mfu.yaml`), else 1.
  public func trainingGoodput(given: Double? = nil) throws(SizingError) -> (goodput: Double, source: String) {
    if let given {
      guard given > 0 && given <= 1 else {
        throw .invalidInput(field: "goodput", value: NumberText.plain(given, 4), expected: "a number in (0, 1]")
      }
      return (given, "given with --goodput")
    }
    guard let median = mfu.goodput else { return (1, "no goodput runs in Scenarios/mfu.yaml: 1 assumed") }
    let runs = mfu.goodputOrder.map { "\($0) \(NumberText.plain(mfu.goodputRuns[$0] ?? 0, 3))" }
    return (median, "median of published runs in Scenarios/mfu.yaml (\(runs.joined(separator: ", ")))")
  }
}
