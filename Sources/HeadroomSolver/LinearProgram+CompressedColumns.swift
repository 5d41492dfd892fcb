extension LinearProgram {
  /// The constraint matrix in compressed sparse column (CSC) form, as solvers load it.
  ///
  /// Column `j`'s coefficients are `values[columnStarts[j] ..< columnStarts[j + 1]]`, in the rows
  /// `rowIndices[…]` of the same range, in increasing row order, with no row twice. The arrays
  /// use 32-bit indices, the width of COIN-OR's `CoinBigIndex` and of most solvers' C APIs.
  public struct CompressedColumns: Hashable, Sendable {
    /// For each column, where its coefficients start; one more entry than columns.
    public var columnStarts: [Int32]
    /// The row of each coefficient.
    public var rowIndices: [Int32]
    /// The coefficients.
    public var values: [Double]

    /// The number of columns.
    public var numberOfColumns: Int { columnStarts.count - 1 }

    /// The number of stored coefficients.
    public var numberOfNonzeros: Int { values.count }
  }

  /// The constraint matrix compressed by column, with duplicate (row, column) entries summed.
  ///
  /// Two stable counting sorts, by row (skipped when the coefficients were added row by row, as
  /// ``addConstraint(_:_:_:_:soft:)`` does) and then by column, so the rows of each column come out
  /// in increasing order and duplicates are adjacent.
  ///
  /// - Complexity: O(coefficients + rows + columns) time and memory.
  public func compressedColumns() -> CompressedColumns {
    let count = entryValues.count
    var rows = entryRows
    var columns = entryColumns
    var values = entryValues
    if !entriesAreRowOrdered {
      Self.stableSort(keys: &rows, keyCount: numberOfConstraints, carrying: &columns, &values)
    }
    let starts = Self.stableSort(
      keys: &columns, keyCount: numberOfVariables, carrying: &rows, &values)

    // Sum duplicate rows within each column, compacting in place.
    var compactStarts = [Int32](repeating: 0, count: numberOfVariables + 1)
    var written = 0
    rows.withUnsafeMutableBufferPointer { rows in
      values.withUnsafeMutableBufferPointer { values in
        for column in 0..<numberOfVariables {
          compactStarts[column] = Int32(truncatingIfNeeded: written)
          let columnStart = written
          for position in Int(starts[column])..<Int(starts[column + 1]) {
            if written > columnStart && rows[written - 1] == rows[position] {
              values[written - 1] += values[position]
            } else {
              rows[written] = rows[position]
              values[written] = values[position]
              written += 1
            }
          }
        }
      }
    }
    compactStarts[numberOfVariables] = Int32(truncatingIfNeeded: written)
    if written < count {
      rows.removeSubrange(written...)
      values.removeSubrange(written...)
    }
    return CompressedColumns(columnStarts: compactStarts, rowIndices: rows, values: values)
  }

  /// Sorts `keys` (each in `0 ..< keyCount`) stably by counting, moving the two carried arrays
  /// along, and returns where each key's run starts (`keyCount + 1` entries).
  @discardableResult
  static func stableSort(
    keys: inout [Int32], keyCount: Int, carrying first: inout [Int32], _ second: inout [Double]
  ) -> [Int32] {
    let count = keys.count
    var starts = [Int32](repeating: 0, count: keyCount + 1)
    keys.withUnsafeBufferPointer { keys in
      starts.withUnsafeMutableBufferPointer { starts in
        for key in keys { starts[Int(key) + 1] += 1 }
        for key in 0..<keyCount { starts[key + 1] += starts[key] }
      }
    }
    var next = starts
    var sortedKeys = [Int32](repeating: 0, count: count)
    var sortedFirst = [Int32](repeating: 0, count: count)
    var sortedSecond = [Double](repeating: 0, count: count)
    keys.withUnsafeBufferPointer { keys in
      first.withUnsafeBufferPointer { first in
        second.withUnsafeBufferPointer { second in
          next.withUnsafeMutableBufferPointer { next in
            sortedKeys.withUnsafeMutableBufferPointer { sortedKeys in
              sortedFirst.withUnsafeMutableBufferPointer { sortedFirst in
                sortedSecond.withUnsafeMutableBufferPointer { sortedSecond in
                  for position in 0..<count {
                    let key = Int(keys[position])
                    let target = Int(next[key])
                    next[key] += 1
                    sortedKeys[target] = keys[position]
                    sortedFirst[target] = first[position]
                    sortedSecond[target] = second[position]
                  }
                }
              }
            }
          }
        }
      }
    }
    keys = sortedKeys
    first = sortedFirst
    second = sortedSecond
    return starts
  }
}
