/// A problem with a sweep samples or batch results file, naming the file and what is wrong.
public struct StudyFileError: Error, Sendable, CustomStringConvertible {
  public var file: String
  public var problem: String

  public init(file: String, problem: String) {
    self.file = file
    self.problem = problem
  }

  public var description: String { "\(file): \(problem)" }
}
