import HeadroomSolver

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
