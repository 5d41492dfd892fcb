import HeadroomSolver

/// Whether two numbers agree within an absolute tolerance (default 1e-9: these tests compare
/// numbers that were copied or summed once, not solved).
func isClose(_ a: Double, _ b: Double, tolerance: Double = 1e-9) -> Bool {
  abs(a - b) <= tolerance
}

/// Whether two arrays agree element by element within `tolerance`.
func isClose(_ a: [Double], _ b: [Double], tolerance: Double = 1e-9) -> Bool {
  a.count == b.count && zip(a, b).allSatisfy { isClose($0, $1, tolerance: tolerance) }
}

/// `max 3x + 5y` subject to `x <= 4`, `2y <= 12`, `3x + 2y <= 18`, whose optimum is 36 at (2, 6).
func plantsProgram() -> LinearProgram {
  var program = LinearProgram(name: "plants", sense: .maximize)
  let x = program.addVariable("x", objective: 3)
  let y = program.addVariable("y", objective: 5)
  program.addConstraint("plant1", [1 * x], .lessOrEqual, 4)
  program.addConstraint("plant2", [2 * y], .lessOrEqual, 12)
  program.addConstraint("plant3", [3 * x, 2 * y], .lessOrEqual, 18)
  return program
}
