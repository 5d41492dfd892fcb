extension ExportRuleSet {
  /// The terms on which a destination obtains an item under this (resolved) rule set.
  ///
  /// 1. Origin: an item designed in the destination country is ``ExportTerms/Access/domestic`` (a
  ///    Chinese part into China is not a US export). An item of unstated origin counts as US-designed.
  /// 2. Routes: a US-designed item is looked at as an ``ExportRoute/export`` (from the United States)
  ///    and as a ``ExportRoute/reexport`` (from a third country); an item designed by a non-US firm
  ///    as ``ExportRoute/foreignProduced``, which only lines listing that route cover (else allowed: US
  ///    rules are not modelled to reach it).
  /// 3. For each route the first destination rule whose destinations match and that has a line covering
  ///    the item decides (``policy(for:classifiedAs:to:route:)``); the best route wins (allowed, then
  ///    licensed, then denied; export before re-export on a tie).
  /// 4. A licensed route carries its fee (flat plus the bands the item falls in) and its caps.
  ///
  /// - Precondition: the rule set is resolved (its clauses are present).
  public func terms(for item: ExportItem, to destination: Destination) -> ExportTerms {
    let classification = classify(item)
    let eccn = classification.eccn
    let advisories = advisories(for: item, eccn: eccn)
    let origin = item.origin ?? "US"
    if origin == destination.iso {
      return ExportTerms(
        part: item.name, destination: destination.iso, ruleSet: id, classification: classification,
        access: .domestic, route: nil, review: "designed in \(origin): not an export", advisories: advisories)
    }
    let candidates: [ExportRoute] = origin == "US" ? ExportRoute.usOrigin : [.foreignProduced]
    var considered: [(route: ExportRoute, policy: ExportPolicy, rule: String?)] = []
    for route in candidates {
      let (policy, rule) = policy(for: item, classifiedAs: eccn, to: destination, route: route)
      considered.append((route, policy, rule))
    }
    // Stable: the first route wins ties.
    let ordered = considered.enumerated().sorted { lhs, rhs in
      (ExportTerms.Access(lhs.element.policy.decision).rank, lhs.offset)
        < (ExportTerms.Access(rhs.element.policy.decision).rank, rhs.offset)
    }.map(\.element)
    let best = ordered[0]
    let access = ExportTerms.Access(best.policy.decision)
    var caps: [ExportTerms.SupplyCap] = []
    if access == .licensed {
      if let cap = best.policy.cap { caps.append(.cumulative(cap)) }
      if let volume = best.policy.volumeCap { caps.append(.shareOfShipments(volume)) }
    }
    let notUS = best.route == .foreignProduced && best.rule == nil
    return ExportTerms(
      part: item.name, destination: destination.iso, ruleSet: id, classification: classification, access: access,
      route: best.route, rule: best.rule,
      review: best.policy.review ?? (notUS ? "designed outside the US; US licensing not modelled for it" : nil),
      fee: access == .licensed ? best.policy.fee : nil,
      feeBands: access == .licensed ? best.policy.fees.map(\.name) : [], caps: caps,
      routes: ordered.map {
        ExportTerms.RouteTerms(
          route: $0.route, access: ExportTerms.Access($0.policy.decision), rule: $0.rule, review: $0.policy.review)
      },
      advisories: advisories)
  }
}
