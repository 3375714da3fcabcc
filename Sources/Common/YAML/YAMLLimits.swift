/// Bounds that keep a hostile document from exhausting time or memory.
package struct YAMLLimits: Sendable, Hashable {
    /// Largest file accepted, in bytes.
    package var maxBytes: Int
    /// Deepest flow or block nesting accepted.
    package var maxDepth: Int
    /// Most nodes accepted in one document.
    package var maxNodes: Int

    /// Creates limits.
    package init(maxBytes: Int, maxDepth: Int, maxNodes: Int) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
    }

    /// Limits for one inspection submission: 1 MiB is far above a real one (a full GB/T checklist with
    /// notes is about 5 KiB).
    package static let submission = YAMLLimits(maxBytes: 1 << 20, maxDepth: 32, maxNodes: 100_000)

    /// Limits for a checklist template.
    package static let template = YAMLLimits(maxBytes: 4 << 20, maxDepth: 32, maxNodes: 200_000)
}
