import HeadroomFuzzing

/// libFuzzer's entry point for the 'quantity' target (built by 'make fuzz', not by 'swift build').
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  FuzzEntries.quantity(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
  return 0
}
