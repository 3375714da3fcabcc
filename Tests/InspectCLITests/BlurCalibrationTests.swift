import Foundation
import ImageOps
import InspectDevTools
import TestSupport
import Testing

/// The blur gate on the real photos in the repository and their copies blurred with a Gaussian of 2.5 px at the
/// analysis size (docs/photos.md has the procedure and the figures on more photos).
struct BlurCalibrationTests {
    let policy: PhotoPolicy
    init() throws { policy = try PhotoPolicyLoader.load(from: Fixtures.photoPolicyFile) }

    /// Usable photos: two real cars, a camera frame, an outdoor scene in two orientations, a test card, and synthetic
    /// walkaround photos of the sample day (a white car's side and a wheel).
    static let usable = [
        "opencv-samples/black_car.jpg", "opencv-samples/white_car.jpg", "camera/olympus_ep3_2016x1512.jpg",
        "exif-orientation-examples/Landscape_1.jpg", "exif-orientation-examples/Portrait_6.jpg", "libjpeg-turbo-testimages/testorig.jpg",
    ]

    @Test func noUsablePhotoFailsAndEveryBlurredCopyDoes() throws {
        let samples = ["LGXCE6CB2H0123456/photos/right_side.jpg", "LGXCE6CB2H0123456/photos/wheel_lf.jpg"]
        let paths = Self.usable.map { Fixtures.corpus($0).path } + samples.map { Fixtures.sampleDay.appending(path: $0).path }
        let rows = try paths.map { try BlurCalibration.measure(fileAt: $0, policy: policy) }
        for row in rows {
            #expect(row.verdict == .ok, "\(row.name): focus \(row.focus)")
            #expect(row.blurredVerdict == .fail, "\(row.name) blurred: focus \(row.blurredFocus)")
        }
    }

    /// The smooth, light-coloured car: its large plain panels give a whole-image variance of the Laplacian in the
    /// warning band, yet it is a sharp, usable photo; the sharpest tiles say so.
    @Test func aPlainLightCarIsNotCalledBlurry() throws {
        let white = try BlurCalibration.measure(fileAt: Fixtures.corpus("opencv-samples/white_car.jpg").path, policy: policy)
        #expect(white.laplacianVariance < policy.blurWarnBelow)  // the old whole-image measure would have warned
        #expect(white.focus > 2 * policy.blurWarnBelow && white.verdict == .ok)
    }

    @Test(arguments: ["opencv-samples/licenseplate_motion.jpg", "opencv-samples/text_defocus.jpg"])
    func reallyBlurredPhotosFail(photo: String) throws {
        #expect(try BlurCalibration.measure(fileAt: Fixtures.corpus(photo).path, policy: policy).verdict == .fail)
    }
}
