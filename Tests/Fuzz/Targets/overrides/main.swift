import HeadroomFuzzing

/// libFuzzer's entry point for the 'overrides' target (built by 'make fuzz', not by 'swift build').
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  FuzzEntries.overrides(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
  return 0
}
