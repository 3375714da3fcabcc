import Common
import Foundation
import Inspection
import TestSupport
import Testing

@testable import ImageOps

/// The resampler's arithmetic and the photo policy file.
@Suite struct ResampleAndPolicyTests {
    @Test(arguments: [(37, 23, 11, 7), (2016, 1512, 1600, 1200), (10, 10, 25, 13), (5, 3, 1, 1), (1, 1, 9, 9)])
    func aFlatImageStaysFlat(width: Int, height: Int, newWidth: Int, newHeight: Int) {
        let flat = PixelImage(width: width, height: height, channels: 3, pixels: [UInt8](repeating: 137, count: width * height * 3))
        let resized = flat.resized(width: newWidth, height: newHeight)
        #expect((resized.width, resized.height) == (newWidth, newHeight))
        #expect(resized.pixels.allSatisfy { $0 == 137 })
    }

    @Test func halvingACheckerboardAveragesIt() {
        var pixels: [UInt8] = []
        for y in 0..<8 { for x in 0..<8 { pixels.append((x + y) % 2 == 0 ? 0 : 255) } }
        let board = PixelImage(width: 8, height: 8, channels: 1, pixels: pixels)
        let half = board.resized(width: 4, height: 4)
        #expect(half.pixels.allSatisfy { $0 == 127 || $0 == 128 })
    }

    @Test func fittingKeepsTheAspectAndNeverEnlarges() {
        let image = PixelImage(width: 4032, height: 3024, channels: 1, pixels: [UInt8](repeating: 0, count: 4032 * 3024))
        #expect(image.fitting(longEdge: 1600) == (1600, 1200))
        #expect(image.fitting(longEdge: 5000) == (4032, 3024))
        let portrait = PixelImage(width: 3, height: 1000, channels: 1, pixels: [UInt8](repeating: 0, count: 3000))
        #expect(portrait.fitting(longEdge: 100) == (1, 100))
    }

    @Test func theShippedPolicyLoads() throws {
        let policy = try ImageFixtures.policy()
        #expect(policy.longEdge == 1600)
        #expect(policy.thumbnailLongEdge == 320)
        #expect(policy.analysisLongEdge == 1024)
        #expect(policy.limits.maxPixels == 100_000_000)
        #expect(policy.blurFailBelow == 60)
        #expect(policy.resolutionWarnBelow == .init(long: 1920, short: 1080))
        #expect(policy.requiredAngleFailureIsError)
        #expect((policy.samePhotoMaxDistance, policy.reviewMaxDistance) == (24, 31))
    }

    @Test func aBrokenPolicyListsEveryProblem() throws {
        let text = try String(contentsOf: Fixtures.photoPolicyFile, encoding: .utf8)
            .replacingOccurrences(of: "    fail_below: 60", with: "    fail_below: 200")
            .replacingOccurrences(of: "  jpeg_quality: 85", with: "  jpeg_quality: 101")
            .replacingOccurrences(of: "required_angle_failure: error", with: "required_angle_failure: maybe")
        do {
            _ = try PhotoPolicyLoader.parse(Array(text.utf8), path: "p.yaml")
            Issue.record("a broken policy loaded")
        } catch {
            let rendered = error.problems.map(\.rendered)
            #expect(rendered.contains("p.yaml:\(text.line(of: "jpeg_quality")):17: output: jpeg_quality 101 is out of range (1-100)"), "\(rendered)")
            #expect(rendered.contains { $0.hasSuffix("blur: fail_below must not exceed warn_below") }, "\(rendered)")
            #expect(
                rendered.contains(
                    "p.yaml:\(text.line(of: "required_angle_failure")):25: required_angle_failure \"maybe\" is not allowed (allowed: error warning)"),
                "\(rendered)")
        }
    }
}
