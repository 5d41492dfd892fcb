import HeadroomModel

/// A CSV file read by RFC 4180: a header row, then records of the same width.
///
/// Our own parser (no dependency): fields are separated by commas and records by CRLF or LF; a field in
/// double quotes may hold commas, line breaks and doubled quotes (`""`); text after a closing quote, a
/// quote inside an unquoted field, or a record of another width than the header is an error naming the
/// row (the record's number, the header being row 1) and the column. Blank lines and a UTF-8 byte order
/// mark are skipped; spaces around unquoted fields are trimmed.
///
/// For example:
/// ```swift
/// let table = try CSVTable(parsing: "country,units\nUS,1000\n", file: "fleet.csv")
/// table.rows[0].cells   // ["US", "1000"], row 2
/// ```
public struct CSVTable: Sendable, Hashable {
  /// One record after the header.
  public struct Row: Sendable, Hashable {
    /// The record's number in the file (the header is row 1).
    public var number: Int
    public var cells: [String]
  }

  /// The file, for messages.
  public var file: String
  public var header: [String]
  public var rows: [Row]

  /// Parses CSV text.
  ///
  /// - Throws: ``CatalogError`` naming the file, the row and the column of the first problem.
  public init(parsing text: String, file: String) throws(CatalogError) {
    self.file = file
    var records: [(number: Int, cells: [String])] = []
    var fields: [String] = []
    var field = ""
    var quoted = false
    var inQuotes = false
    var afterQuote = false
    var record = 1
    var characters = Array(text)
    if characters.first == "\u{FEFF}" { characters.removeFirst() }
    func error(_ expected: String) -> CatalogError {
      CatalogError(file: "\(file): row \(record), column \(fields.count + 1)", expected: expected)
    }
    func endField() {
      fields.append(quoted ? field : field.trimmingCharacters(in: .whitespaces))
      field = ""
      quoted = false
      afterQuote = false
    }
    func endRecord() {
      endField()
      if !(fields.count == 1 && fields[0].isEmpty && !quoted) {
        records.append((record, fields))
        record += 1
      }
      fields = []
    }
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if inQuotes {
        if character == "\"" {
          if index + 1 < characters.count && characters[index + 1] == "\"" {
            field.append("\"")
            index += 1
          } else {
            inQuotes = false
            afterQuote = true
          }
        } else {
          field.append(character)
        }
      } else {
        switch character {
        case ",":
          endField()
        case "\r\n", "\n", "\r":
          // A blank line is skipped (its record number is not used).
          if fields.isEmpty && field.trimmingCharacters(in: .whitespaces).isEmpty && !quoted {
            field = ""
          } else {
            endRecord()
          }
        case "\"":
          guard field.trimmingCharacters(in: .whitespaces).isEmpty, !afterQuote else {
            throw error("a double quote inside an unquoted field; quote the whole field and double the quote (\"\")")
          }
          field = ""
          quoted = true
          inQuotes = true
        default:
          if afterQuote {
            guard character == " " || character == "\t" else {
              throw error("text after the closing quote of a quoted field; quote the whole field")
            }
          } else {
            field.append(character)
          }
        }
      }
      index += 1
    }
    if inQuotes { throw error("a quoted field is not closed (a missing double quote)") }
    if !fields.isEmpty || !field.trimmingCharacters(in: .whitespaces).isEmpty || quoted { endRecord() }
    guard let first = records.first else {
      throw CatalogError(
        file: file, line: 1, expected: "the file is empty: expected a header row, then one row per item")
    }
    header = first.cells
    for (position, name) in header.enumerated() where name.isEmpty {
      throw CatalogError(file: "\(file): row 1, column \(position + 1)", expected: "an empty column name")
    }
    var rows: [Row] = []
    for entry in records.dropFirst() {
      guard entry.cells.count == header.count else {
        throw CatalogError(
          file: "\(file): row \(entry.number), column \(min(entry.cells.count, header.count) + 1)",
          expected: "\(entry.cells.count) fields where the header has \(header.count)")
      }
      rows.append(Row(number: entry.number, cells: entry.cells))
    }
    self.rows = rows
  }
}
