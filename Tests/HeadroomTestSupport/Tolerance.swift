/// Whether two numbers agree within an absolute tolerance.
///
/// Tests state the tolerance they need: 1e-9 for figures copied or summed once, 1e-6 for LP optima
/// (above CLP's feasibility and optimality tolerances of 1e-7 on well-scaled models).
public func isClose(_ a: Double, _ b: Double, tolerance: Double) -> Bool {
  abs(a - b) <= tolerance
}

/// Whether two arrays agree element by element within an absolute tolerance.
public func isClose(_ a: [Double], _ b: [Double], tolerance: Double) -> Bool {
  a.count == b.count && zip(a, b).allSatisfy { isClose($0, $1, tolerance: tolerance) }
}

/// Whether `observed` is within a relative tolerance of `expected` (|observed − expected| ≤ tolerance × |expected|).
public func isClose(_ observed: Double, to expected: Double, relative tolerance: Double) -> Bool {
  abs(observed - expected) <= tolerance * abs(expected)
}
