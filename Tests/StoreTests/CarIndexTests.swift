import Common
import Foundation
import ImageOps
import Inspection
import TestSupport
import Testing
import Workflows

@testable import Store

/// The lookup index is derived data kept in step by a stale mark: storing an inspection marks its car, re-indexing
/// clears the mark only when nothing newer arrived meanwhile, and the text index (FTS5 on SQLite, tsvector on
/// PostgreSQL) follows every row change.
@Suite struct CarIndexTests {
    let folder = TemporaryFolder()

    func submit(_ text: String, name: String, to store: InspectionStore) throws {
        try Fixtures.writePhotos(into: folder)
        let report = SubmissionValidator(catalog: Fixtures.catalog()).validate(fileAt: try folder.write(text, to: name), displayPath: name)
        let validated = try #require(report.validated, "\(report.diagnostics.map(\.rendered))")
        let policy = try PhotoPolicyLoader.load(from: Fixtures.photoPolicyFile)
        _ = try SubmissionIntake(store: store, policy: policy, concurrency: 2).take(validated, submittedAt: "t0")
    }

    func row(_ vin: String, words: String) -> CarIndexRow {
        CarIndexRow(vin: vin, plateKey: "京N8P2Q1", latestEpoch: 1, summary: "{}", searchText: words)
    }

    @Test(arguments: StoreBackend.allCases)
    func aMarkSurvivesARebuildThatRacedANewInspection(backend: StoreBackend) throws {
        let store = try StoreBackend.Opener(backend, folder: folder.url).open()
        let vin = "LSVAM4189C2184526"
        try submit(Fixtures.submissionYAML(), name: "appraisal.yaml", to: store)
        #expect(try store.staleCars().map(\.vin) == [vin] && store.staleCars().first?.generation == 1)
        // An audit is stored after the indexer read generation 1: writing the row must leave the car marked.
        try submit(Fixtures.submissionYAML(stage: "audit"), name: "audit.yaml", to: store)
        try store.index([(row(vin, words: "lavida"), 1)], indexedAt: "t1")
        #expect(try store.staleCars().map(\.generation) == [2])
        try store.index([(row(vin, words: "lavida 1 6l"), 2)], indexedAt: "t2")
        #expect(try store.staleCars().isEmpty)
        // The text index follows the update: the old words are gone, the new ones found, prefixes match.
        func term(_ word: String, prefix: Bool = false) -> [CarSearchTerm] { [CarSearchTerm(words: [word], prefix: prefix)] }
        #expect(try store.searchCars(term("lavida"), limit: 10).total == 1 && store.searchCars(term("6l"), limit: 10).total == 1)
        try store.index([(row(vin, words: "jetta"), 2)], indexedAt: "t3")
        #expect(
            try store.searchCars(term("lavida"), limit: 10).total == 0
                && store.searchCars(term("jet", prefix: true), limit: 10).rows.map(\.vin) == [vin])
        #expect(try store.indexedCars(vinTail: "184526").map(\.vin) == [vin] && store.indexedCars(plateKey: "京N8P2Q1").count == 1)
    }

    @Test func wordsAreTheSameForTheIndexAndTheQuery() {
        #expect(SearchText.words("FAW-Volkswagen Jetta 1.6L 全景天窗") == ["faw", "volkswagen", "jetta", "1", "6l", "全", "景", "天", "窗"])
        #expect(CarSearchTerm.fts5(SearchText.terms("Jetta 天窗")) == "\"jetta\"* AND \"天 窗\"")
        #expect(CarSearchTerm.tsquery(SearchText.terms("Jetta 天窗")) == "('jetta':*) & ('天' <-> '窗')")
        #expect(CarSearchTerm.fts5(SearchText.terms("1.6L")) == "\"1 6l\"*")
        // FTS syntax a person types is words or separators, never operators.
        #expect(SearchText.terms("\" * -").isEmpty && CarSearchTerm.fts5(SearchText.terms("a OR b*")) == "\"a\"* AND \"or\"* AND \"b\"*")
        #expect(CarIndexer.plateKey("京n·8p2 q1") == "京N8P2Q1")
    }
}
