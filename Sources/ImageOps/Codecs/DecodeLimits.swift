/// Bounds applied to every decode, so a hostile file costs bounded time and memory.
package struct DecodeLimits: Sendable, Hashable, Codable {
    /// Largest file read, in bytes.
    package var maxFileBytes: Int
    /// Largest width x height accepted (from the header, before allocation).
    package var maxPixels: Int
    /// libjpeg's working-memory cap, in bytes (progressive coefficient buffers count here).
    package var maxDecoderMemory: Int
    /// Most progressive scans accepted.
    package var maxScans: Int
    /// Most corrupt-data warnings accepted before giving up.
    package var maxWarnings: Int

    /// Creates limits.
    package init(maxFileBytes: Int, maxPixels: Int, maxDecoderMemory: Int, maxScans: Int, maxWarnings: Int) {
        self.maxFileBytes = maxFileBytes
        self.maxPixels = maxPixels
        self.maxDecoderMemory = maxDecoderMemory
        self.maxScans = maxScans
        self.maxWarnings = maxWarnings
    }

    /// 64 MiB files, 100 MP, 512 MiB decoder memory, 100 scans, 100 warnings.
    package static let standard = DecodeLimits(
        maxFileBytes: 64 << 20, maxPixels: 100_000_000, maxDecoderMemory: 512 << 20, maxScans: 100, maxWarnings: 100)
}
