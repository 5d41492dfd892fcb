import HeadroomReport
import Testing

/// Text written into SVG and HTML is escaped, and nothing else about it changes.
@Suite struct SVGTextTests {
  @Test func escapingReplacesTheFourMarkupCharactersAndKeepsTheRest() {
    // Given labels with and without markup characters (and characters outside ASCII)
    // Then the four are replaced, everything else is kept as it was
    #expect(SVG.escape("US ▲2030 ●2032") == "US ▲2030 ●2032")
    #expect(SVG.escape("a < b & \"c\" > d") == "a &lt; b &amp; &quot;c&quot; &gt; d")
    #expect(SVG.escape("Ascend 950 — <é>") == "Ascend 950 — &lt;é&gt;")
    #expect(SVG.escape("") == "")
  }
}
