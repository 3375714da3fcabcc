extension Array where Element == UInt8 {
    /// True when `subsequence` occurs somewhere in these bytes.
    package func contains(subsequence: [UInt8]) -> Bool {
        guard !subsequence.isEmpty, subsequence.count <= count else { return false }
        for start in 0...(count - subsequence.count) where self[start..<(start + subsequence.count)].elementsEqual(subsequence) { return true }
        return false
    }
}
