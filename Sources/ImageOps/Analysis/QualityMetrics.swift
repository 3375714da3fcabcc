import CImageOps

/// Sharpness and exposure of a photo, measured on the fixed-size analysis image (long edge 1024, where the
/// thresholds were calibrated: variance of the Laplacian depends strongly on resolution).
package struct QualityMetrics: Sendable, Hashable, Codable {
    /// Variance of the 4-neighbour Laplacian of luma (higher is sharper).
    package var laplacianVariance: Double
    /// Mean squared Sobel gradient (Tenengrad; higher is sharper).
    package var tenengrad: Double
    /// Mean luma, 0 (black) to 1 (white).
    package var meanLuma: Double
    /// Share of pixels with luma <= 5.
    package var darkFraction: Double
    /// Share of pixels with luma >= 250.
    package var brightFraction: Double
    /// Mean variance of the Laplacian of the sharpest 6 tiles of an 8 x 8 grid (see `IC_FOCUS_GRID`): robust to a
    /// car's large plain panels. Nil in quality reports stored before it existed.
    package var tileFocus: Double?
    /// The focus measure the blur gate uses: ``tileFocus`` (``laplacianVariance`` for reports stored before it).
    package var focus: Double { tileFocus ?? laplacianVariance }
    /// Width and height the metrics were computed at.
    package var analysisWidth: Int
    /// See ``analysisWidth``.
    package var analysisHeight: Int

    /// Measures a luma (or RGB) image.
    package init(luma image: PixelImage) {
        let gray = image.luma
        var metrics = ic_metrics()
        gray.pixels.withUnsafeBufferPointer { ic_measure($0.baseAddress, Int32(gray.width), Int32(gray.height), 5, 250, &metrics) }
        laplacianVariance = metrics.laplacian_variance
        tenengrad = metrics.tenengrad
        tileFocus = metrics.tile_focus
        meanLuma = metrics.mean / 255
        darkFraction = metrics.dark_fraction
        brightFraction = metrics.bright_fraction
        analysisWidth = gray.width
        analysisHeight = gray.height
    }
}
