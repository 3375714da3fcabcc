// swift-tools-version:6.2
import PackageDescription

/// Settings every target of ours gets: Swift 6 mode (the default for 6.x tools), warnings are errors,
/// and the upcoming features that make imports and existentials explicit.
let strictSettings: [SwiftSetting] = [
    .treatAllWarnings(as: .error),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "inspect",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "inspect", targets: ["InspectCLI"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // libcrypto (OpenSSL) for SHA-256.
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // libjpeg-turbo and libpng behind one C shim that owns every setjmp/longjmp, plus the pixel kernels.
        .target(
            name: "CImageOps",
            // Always optimised: the pixel kernels would be ~10x slower at -O0 and the tests decode real photos.
            cSettings: [.unsafeFlags(["-O3"])],
            linkerSettings: [.linkedLibrary("jpeg"), .linkedLibrary("png16")]
        ),
        // Domain: checklist templates, submissions, validation, VIN, grading.
        .target(
            name: "Inspection",
            dependencies: ["CCrypto", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        // Walkaround photos: decoding, orientation, resizing, metadata stripping, quality gates, hashes.
        .target(
            name: "ImageOps",
            dependencies: ["CImageOps", "Inspection"],
            swiftSettings: strictSettings
        ),
        // SQLite store (GRDB): append-only inspections, revisions, odometer readings, photo files.
        .target(
            name: "Store",
            dependencies: ["Inspection", "ImageOps", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        // Renderers: one per output format.
        .target(
            name: "ReportGen",
            dependencies: ["Inspection", "ImageOps", "Store"],
            swiftSettings: strictSettings
        ),
        // A day's cars in one run: parallel, resumable, observable.
        .target(
            name: "Batch",
            dependencies: ["Inspection", "ImageOps", "Store", "ReportGen"],
            swiftSettings: strictSettings
        ),
        // The thin `inspect` command: parse arguments, wire modules, print.
        .executableTarget(
            name: "InspectCLI",
            dependencies: [
                "Inspection", "ImageOps", "Store", "ReportGen", "Batch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // Fuzzing: the entry points (also replayed by the tests) and the libFuzzer/replay executable (scripts/fuzz.sh).
        .target(
            name: "FuzzHarness",
            dependencies: ["ImageOps", "Inspection"],
            path: "Fuzz/Harness",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "inspect-fuzz",
            dependencies: ["FuzzHarness"],
            path: "Fuzz/Driver",
            swiftSettings: strictSettings
        ),
        // Shared fixtures for the test targets (temporary folders, sample submissions).
        .target(
            name: "TestSupport",
            dependencies: ["Inspection"],
            path: "Tests/TestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "InspectionTests",
            dependencies: ["Inspection", "TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ImageOpsTests",
            dependencies: ["ImageOps", "Inspection", "TestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ReportGenTests",
            dependencies: ["Inspection", "ImageOps", "Store", "ReportGen", "TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "StoreTests",
            dependencies: ["Inspection", "ImageOps", "Store", "ReportGen", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FuzzRegressionTests",
            dependencies: ["FuzzHarness"],
            exclude: ["Inputs"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "InspectCLITests",
            dependencies: ["InspectCLI", "Batch", "Store", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
    ]
)
