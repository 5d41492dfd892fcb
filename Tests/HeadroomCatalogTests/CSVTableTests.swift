import Foundation
import HeadroomCatalog
import HeadroomModel
import HeadroomTestSupport
import Testing

/// RFC 4180 CSV reading and the checked import of own data.
@Suite struct CSVTableTests {
  @Test func quotedFieldsHoldCommasLineBreaksAndDoubledQuotes() throws {
    // Given RFC 4180 text with CRLF line ends, a quoted comma, a quoted line break and a doubled quote,
    let text = "id,name,note\r\na,\"Acme, Inc.\",\"two\nlines\"\r\nb,\"say \"\"hi\"\"\",  plain  \r\n\r\n"
    // When parsed, Then the fields come back as written (unquoted ones trimmed) and rows are numbered by record.
    let table = try CSVTable(parsing: text, file: "t.csv")
    #expect(table.header == ["id", "name", "note"])
    #expect(table.rows.map(\.cells) == [["a", "Acme, Inc.", "two\nlines"], ["b", "say \"hi\"", "plain"]])
    #expect(table.rows.map(\.number) == [2, 3])
  }

  @Test(arguments: [
    ("a,b\n1,\"x\"y\n", "row 2, column 2", "text after the closing quote"),
    ("a,b\n1,x\"y\n", "row 2, column 2", "a double quote inside an unquoted field"),
    ("a,b\n1,\"open\n", "row 2, column 2", "not closed"),
    ("a,b\n1,2\n3\n", "row 3, column 2", "1 fields where the header has 2"),
  ])
  func malformedCSVNamesTheRowAndColumn(text: String, place: String, message: String) throws {
    #expect {
      _ = try CSVTable(parsing: text, file: "bad.csv")
    } throws: { error in
      "\(error)".contains("bad.csv") && "\(error)".contains(place) && "\(error)".contains(message)
    }
  }

  @Test func aQuantityColumnWithoutItsUnitIsAnError() throws {
    let table = try CSVTable(
      parsing: "id,vendor,year,origin,bf16_tflop_s,tdp\nx1,acme,2026,US,1000,700\n", file: "p.csv")
    #expect {
      _ = try CSVImport(kind: .accelerators, table: table, catalog: Repository.catalog)
    } throws: { error in
      "\(error)"
        == "p.csv: row 1, column 6: value 'tdp': the column 'tdp' needs its unit in its name, e.g. 'tdp_w' (a power)"
    }
  }

  @Test func anAcceleratorRowBecomesAFileTheLoaderReads() throws {
    // Given one accelerator row with units in the header and a source URL,
    let table = try CSVTable(
      parsing: """
        id,name,vendor,year,origin,bf16_tflop_s,fp8_tflop_s,memory_gb,memory_bandwidth_tb_s,tdp_w,price_usd,price_year,source_url,confidence
        x1,"Acme X1, 144 GB",acme,2026,US,1200,2400,144,6,900,22000,2026,https://example.com/x1,secondary
        """, file: "parts.csv")
    // When imported, Then the file is where the catalog looks and reads back with the same figures.
    let imported = try CSVImport(kind: .accelerators, table: table, catalog: Repository.catalog)
    let file = try #require(imported.files.first)
    #expect(file.relative == "Hardware/accelerators/acme/x1.yaml")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("headroom-csv-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent(file.relative)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try file.text.write(to: url, atomically: true, encoding: .utf8)
    let catalog = try CatalogLoader(folders: DataFolders(layers: [Repository.root, folder])).load()
    let part = try catalog.accelerator("x1")
    #expect(part.name == "Acme X1, 144 GB")
    #expect(part.tdp == Power(baseValue: 900))
    #expect(part.price?.amount == Money(dollars: 22000))
    #expect(part.provenance.uncoveredFields.isEmpty)
    #expect(part.provenance.privateFields.isEmpty)
  }
}
