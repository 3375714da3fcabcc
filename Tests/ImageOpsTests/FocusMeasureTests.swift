import ImageOps
import Testing

/// The blur gate's focus measure: the variance of the Laplacian of each tile of an 8 x 8 grid, and the mean of the
/// sharpest six, checked against a plain reimplementation.
struct FocusMeasureTests {
    /// A deterministic test image: smooth gradients with some sharp detail in scattered places.
    static func image(width: Int, height: Int) -> PixelImage {
        var state: UInt32 = 12345
        var pixels = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                state = state &* 1_103_515_245 &+ 12345
                let detail = (x / 37 + y / 23) % 5 == 0 ? Int(state >> 24) : 0
                pixels[y * width + x] = UInt8(min(255, (x + y) / 8 + detail / 2))
            }
        }
        return PixelImage(width: width, height: height, channels: 1, pixels: pixels)
    }

    /// The measure written out the slow way.
    static func reference(_ image: PixelImage) -> Double {
        let (w, h) = (image.width, image.height)
        var sums = [Double](repeating: 0, count: 64), squares = sums, counts = sums
        for y in 1..<(h - 1) {
            for x in 1..<(w - 1) {
                let p = { (dx: Int, dy: Int) in Double(image.pixels[(y + dy) * w + x + dx]) }
                let l = p(0, -1) + p(0, 1) + p(-1, 0) + p(1, 0) - 4 * p(0, 0)
                let tile = (y * 8 / h) * 8 + x * 8 / w
                sums[tile] += l
                squares[tile] += l * l
                counts[tile] += 1
            }
        }
        var variances: [Double] = []
        for tile in 0..<64 where counts[tile] > 0 {
            let mean: Double = sums[tile] / counts[tile]
            variances.append(squares[tile] / counts[tile] - mean * mean)
        }
        return variances.sorted(by: >).prefix(6).reduce(0, +) / 6
    }

    @Test(arguments: [(640, 480), (1024, 683), (97, 61)])
    func theSharpestTilesDecide(width: Int, height: Int) {
        let image = Self.image(width: width, height: height)
        let metrics = QualityMetrics(luma: image)
        let focus = metrics.tileFocus ?? -1
        #expect(abs(focus - Self.reference(image)) < 1e-6 * max(1, focus))
        #expect(focus > metrics.laplacianVariance)  // detail in a few tiles weighs more than in the whole image
    }

    @Test func aFlatImageHasNoFocus() {
        let flat = PixelImage(width: 64, height: 48, channels: 1, pixels: [UInt8](repeating: 128, count: 64 * 48))
        #expect(QualityMetrics(luma: flat).tileFocus == 0)
    }
}
