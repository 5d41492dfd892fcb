import ArgumentParser
import HeadroomModel

/// Checks `headroom help <topic> ...` before argument-parser shows help: it silently shows the
/// nearest known command's help (and exits 0) for a topic it does not know.
enum HelpTopics {
  /// What is wrong with a `help` request, or nil when the arguments are not one or name known commands.
  ///
  /// For example, `["help", "wals"]` gives "unknown help topic 'wals'; did you mean 'walls'? ...".
  static func problem(in arguments: [String], root: any ParsableCommand.Type = HeadroomCommand.self) -> String? {
    guard arguments.first == "help" else { return nil }
    var command: any ParsableCommand.Type = root
    var path = ["headroom"]
    for topic in arguments.dropFirst() {
      if topic.hasPrefix("-") { continue }
      let children: [any ParsableCommand.Type] = command.configuration.subcommands
      var names: [String] = []
      for child in children { names.append(child._commandName) }
      guard let position = names.firstIndex(of: topic) else {
        let place = path.joined(separator: " ")
        let known =
          names.isEmpty ? "'\(place)' has no subcommands" : "topics of '\(place)': \(names.joined(separator: ", "))"
        return "unknown help topic '\(topic)'" + NearestNames.suggestion(for: topic, among: names) + " (\(known))"
      }
      command = children[position]
      path.append(topic)
    }
    return nil
  }
}
