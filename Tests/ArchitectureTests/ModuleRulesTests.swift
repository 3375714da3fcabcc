import Foundation
import TestSupport
import Testing

/// The module rules of `docs/architecture.md`, read from the code: every `import` line of every module is an edge
/// the graph allows, no Swift file in `Sources` is over 350 lines, and the CLI holds no SQL.
@Suite struct ModuleRulesTests {
    /// What each module may import (besides itself). System modules are listed where they are allowed.
    static let allowed: [String: Set<String>] = [
        // The shared leaf.
        "Common": ["Foundation", "Dispatch", "Synchronization", "Yams", "CCrypto"],
        // The domain: no database, file layout, CLI, renderer or C.
        "Inspection": ["Foundation", "Common"],
        // Images only: nothing of inspections.
        "ImageOps": ["Foundation", "Dispatch", "Synchronization", "Common", "CImageOps"],
        // Persistence and queries.
        "Store": ["Foundation", "Common", "Inspection", "ImageOps", "GRDB", "GRDBSQLite", "PostgresNIO", "NIOCore", "NIOPosix", "NIOSSL", "Logging"],
        // Renders a model; never queries.
        "ReportGen": ["Foundation", "Common", "Inspection", "ImageOps"],
        // The application layer: each use case once.
        "Workflows": ["Foundation", "Dispatch", "Synchronization", "Common", "Inspection", "ImageOps", "Store", "ReportGen"],
        "Batch": ["Foundation", "Dispatch", "Synchronization", "Common", "Inspection", "ImageOps", "Store", "ReportGen", "Workflows"],
        // The executable: parse, call one use case, print.
        "InspectCLI": ["Foundation", "ArgumentParser", "Common", "Inspection", "ImageOps", "Store", "ReportGen", "Workflows", "Batch"],
        // Developer tools, not shipped.
        "InspectDevTools": ["Foundation", "Dispatch", "Synchronization", "Common", "Inspection", "ImageOps", "Store", "GRDB"],
        "inspect-dev": ["Foundation", "ArgumentParser", "Common", "Inspection", "ImageOps", "Store", "ReportGen", "Workflows", "InspectDevTools"],
        // C modules.
        "CImageOps": [],
        "CCrypto": [],
    ]

    static let sources = Fixtures.repoRoot.appending(path: "Sources")

    /// Every Swift file of a module, with its text.
    static func files(of module: String) throws -> [(path: String, text: String)] {
        let folder = sources.appending(path: module)
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var result: [(String, String)] = []
        while let path = walker.nextObject() as? String {
            guard path.hasSuffix(".swift") else { continue }
            result.append(("\(module)/\(path)", try String(contentsOf: folder.appending(path: path), encoding: .utf8)))
        }
        return result.sorted { $0.0 < $1.0 }
    }

    /// The modules an `import` line names (`import X`, `@preconcurrency import X`, `package import X`, `import struct X.Y`).
    static func imports(in text: String) -> [String] {
        let pattern =
            /^\s*(?:@\w+\s+)*(?:public |package |internal |private |fileprivate )?import\s+(?:(?:struct|class|enum|protocol|func|var|typealias)\s+)?([A-Za-z_][A-Za-z0-9_]*)/
        return text.split(separator: "\n").compactMap { line in (try? pattern.firstMatch(in: line)).flatMap { $0 }.map { String($0.1) } }
    }

    @Test func everyModuleHasRules() throws {
        let modules = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path).filter { !$0.hasPrefix(".") }
        #expect(Set(modules) == Set(Self.allowed.keys), "a new module needs its rules here and in docs/architecture.md")
    }

    @Test(arguments: allowed.keys.sorted())
    func importsFollowTheGraph(module: String) throws {
        let allowed = try #require(Self.allowed[module])
        for file in try Self.files(of: module) {
            for name in Self.imports(in: file.text) where name != module {
                #expect(allowed.contains(name), "\(file.path) imports \(name), which \(module) may not")
            }
        }
    }

    @Test func theImportReaderSeesEveryForm() {
        let text = "import GRDB\n@preconcurrency import Yams\npackage import Store\nimport struct Foundation.URL\n// import Nothing\nlet x = 1\n"
        #expect(Self.imports(in: text) == ["GRDB", "Yams", "Store", "Foundation"])
    }

    @Test func noSourceFileIsOver350Lines() throws {
        for module in Self.allowed.keys.sorted() {
            for file in try Self.files(of: module) {
                let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false).count - (file.text.hasSuffix("\n") ? 1 : 0)
                #expect(lines <= 350, "\(file.path) has \(lines) lines")
            }
        }
    }

    @Test func theCLIHoldsNoSQL() throws {
        let sql = /\b(SELECT|INSERT INTO|UPDATE\s+\w+\s+SET|DELETE FROM|CREATE TABLE|PRAGMA)\b/
        for file in try Self.files(of: "InspectCLI") {
            #expect(file.text.firstMatch(of: sql) == nil, "\(file.path) holds SQL")
        }
    }
}
