/// Replaces the content-addressed photo paths of a report (`photos/ab/<pixel sha256>.jpg`, `.thumb.jpg`) with
/// stable names numbered by first appearance (`photos/p01.jpg`, `photos/p01.thumb.jpg`), so that golden files do not
/// change when the resampler or the encoder changes a photo's pixels.
package enum PhotoPathScrubber {
    /// `text` with every stored photo path replaced.
    package static func scrub(_ text: String) -> String {
        let pattern = /photos\/[0-9a-f]{2}\/([0-9a-f]{64})(\.thumb)?\.jpg/
        var numbers: [Substring: Int] = [:]
        return text.replacing(pattern) { match in
            let number = numbers[match.output.1] ?? (numbers.count + 1)
            numbers[match.output.1] = number
            let name = number < 10 ? "p0\(number)" : "p\(number)"
            return "photos/\(name)\(match.output.2 ?? "").jpg"
        }
    }
}
