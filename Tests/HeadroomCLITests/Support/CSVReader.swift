/// An RFC 4180 CSV reader: records of fields, quoted fields holding commas, quotes ("") and line breaks.
enum CSVReader {
  struct Malformed: Error, CustomStringConvertible {
    var description: String
  }

  static func records(_ text: String) throws -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var afterQuote = false
    var characters = Array(text.unicodeScalars)[...]
    while let character = characters.popFirst() {
      if quoted {
        if character == "\"" {
          if characters.first == "\"" {
            field.unicodeScalars.append("\"")
            characters.removeFirst()
          } else {
            quoted = false
            afterQuote = true
          }
        } else {
          field.unicodeScalars.append(character)
        }
        continue
      }
      switch character {
      case ",":
        record.append(field)
        field = ""
        afterQuote = false
      case "\r":
        continue
      case "\n":
        record.append(field)
        records.append(record)
        record = []
        field = ""
        afterQuote = false
      case "\"":
        guard field.isEmpty, !afterQuote else {
          throw Malformed(description: "a quote inside an unquoted field, record \(records.count + 1)")
        }
        quoted = true
      default:
        if afterQuote { throw Malformed(description: "text after a closing quote, record \(records.count + 1)") }
        field.unicodeScalars.append(character)
      }
    }
    if quoted { throw Malformed(description: "an unterminated quoted field") }
    if !field.isEmpty || !record.isEmpty {
      record.append(field)
      records.append(record)
    }
    return records
  }
}
