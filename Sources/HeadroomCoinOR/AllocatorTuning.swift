import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Keeps glibc's allocator from handing freed memory back to the kernel after every small LP.
///
/// Each walls sample builds and frees a few hundred small CLP models. With glibc's defaults the
/// worker threads' arenas shrink after almost every free (`madvise`, `brk`), and each shrink flushes
/// the other core's TLB: measured on the 1,000-sample baseline sweep on 2 cores, 30 % of the run was
/// kernel time (7.7 s for 200 samples, 3.2 s of it system time; 4.9 s and 0.04 s with the thresholds
/// below). Raising the trim threshold to 256 MiB and fixing the mmap threshold at 32 MiB keeps that
/// memory in the process for reuse; the peak resident memory of the sweep does not change measurably.
///
/// `mallopt` is not in Swift's Glibc module (it lives in `malloc.h`), so it is looked up by name; on
/// platforms without it (macOS, musl) this does nothing.
enum AllocatorTuning {
  /// `M_TRIM_THRESHOLD` and `M_MMAP_THRESHOLD` from glibc's `malloc.h`.
  private static let trimThreshold: Int32 = -1
  private static let mmapThreshold: Int32 = -3

  /// Applies the thresholds once per process; true when glibc accepted both.
  static let applied: Bool = {
    #if canImport(Glibc)
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
      typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
      let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
      return mallopt(trimThreshold, 256 << 20) == 1 && mallopt(mmapThreshold, 32 << 20) == 1
    #else
      return false
    #endif
  }()
}
