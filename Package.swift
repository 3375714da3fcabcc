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
        // PostgreSQL as the shared store of many workers (issue 15): the driver, its TLS and its logger.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
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
        // The shared leaf: diagnostics with locations, strict YAML/JSON loading with limits, hashing, a lock.
        .target(
            name: "Common",
            dependencies: ["CCrypto", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        // Domain: checklist templates, submissions, validation, VIN, grading.
        .target(
            name: "Inspection",
            dependencies: ["Common"],
            swiftSettings: strictSettings
        ),
        // Walkaround photos: decoding, orientation, resizing, metadata stripping, quality gates, hashes.
        .target(
            name: "ImageOps",
            dependencies: ["CImageOps", "Common"],
            swiftSettings: strictSettings
        ),
        // SQLite store (GRDB): append-only inspections, revisions, odometer readings, photo files.
        .target(
            name: "Store",
            dependencies: [
                "Common", "Inspection", "ImageOps", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // The application layer: each use case (submit, compare, deliver, report, batch) once; the CLI calls it.
        .target(
            name: "Workflows",
            dependencies: ["Common", "Inspection", "ImageOps", "Store", "ReportGen"],
            swiftSettings: strictSettings
        ),
        // Renderers: one per output format.
        .target(
            name: "ReportGen",
            dependencies: ["Common", "Inspection", "ImageOps"],
            swiftSettings: strictSettings
        ),
        // A day's cars in one run: parallel, resumable, observable.
        .target(
            name: "Batch",
            dependencies: ["Common", "Inspection", "ImageOps", "Store", "ReportGen", "Workflows"],
            swiftSettings: strictSettings
        ),
        // The thin `inspect` command: parse arguments, wire modules, print.
        .executableTarget(
            name: "InspectCLI",
            dependencies: [
                "Common", "Inspection", "ImageOps", "Store", "ReportGen", "Workflows", "Batch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // Developer tools, not shipped: the synthetic day generator (with its EXIF writer) and the benchmark seeding,
        // behind the `inspect-dev` executable.
        .target(
            name: "InspectDevTools",
            dependencies: ["Common", "Inspection", "ImageOps", "Store", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "inspect-dev",
            dependencies: [
                "InspectDevTools", "Common", "Inspection", "ImageOps", "Store", "ReportGen", "Workflows",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // Fuzzing: the entry points (also replayed by the tests) and the libFuzzer/replay executable (scripts/fuzz.sh).
        .target(
            name: "FuzzHarness",
            dependencies: ["ImageOps", "Common", "Inspection"],
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
            dependencies: ["Common", "Inspection"],
            path: "Tests/TestSupport",
            swiftSettings: strictSettings
        ),
        // The module rules of docs/architecture.md, read from the import lines.
        .testTarget(
            name: "ArchitectureTests",
            dependencies: ["TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "InspectionTests",
            dependencies: ["Common", "Inspection", "TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ImageOpsTests",
            dependencies: ["ImageOps", "Common", "Inspection", "TestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ReportGenTests",
            dependencies: ["Common", "Inspection", "ReportGen", "TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WorkflowsTests",
            dependencies: ["Common", "Inspection", "ImageOps", "Store", "ReportGen", "Workflows", "TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "StoreTests",
            dependencies: [
                "Common", "Inspection", "ImageOps", "Store", "ReportGen", "Workflows", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
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
            dependencies: [
                "InspectCLI", "Batch", "Common", "Inspection", "ImageOps", "ReportGen", "InspectDevTools", "Store", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)
