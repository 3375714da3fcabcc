import Common

/// The store's in-memory ``PHashIndex`` of every stored photo's pHash: loaded from `photo_hash` on the first lookup of
/// a process, then brought up to date before each lookup by reading only the rows added since (`id > last seen`).
///
/// That read misses nothing because `photo_hash` ids become visible in order: SQLite has one writer, and on PostgreSQL
/// every submission takes the reuse advisory lock before it adds hashes, holding it until it commits. A submission adds
/// its own hashes only after its lookups, so the index never holds a row that may still be rolled back. One cache is
/// shared by every thread of a store; lookups are serialised by its lock (they take microseconds once loaded).
package final class PhotoHashCache: Sendable {
    private struct State: Sendable {
        var index = PHashIndex()
        var seen: Int64 = 0
    }

    private let state = Locked(State())

    /// An empty cache (it loads on first use).
    package init() {}

    /// Photos held (for benchmarks and tests).
    package var count: Int { state.withLock { $0.index.count } }

    /// Reads the hashes stored since the last call through `sql`, then returns every stored hash within `distance` of
    /// `hash`: `photo_hash` ids with their distances, nearest first.
    func within(_ distance: Int, of hash: [UInt64], using sql: any SQLExecutor) throws -> [PHashIndex.Hit] {
        try state.withLock { state in
            try Self.catchUp(&state, using: sql)
            return state.index.within(distance, of: hash)
        }
    }

    /// Loads what is new (a first call loads everything; the read is chunked so memory stays bounded).
    private static func catchUp(_ state: inout State, using sql: any SQLExecutor) throws {
        while true {
            let values = try sql.integerRows(
                "SELECT id, p0, p1, p2, p3 FROM photo_hash WHERE id > ? ORDER BY id LIMIT 1000000", [state.seen], columns: 5)
            guard !values.isEmpty else { return }
            var ids: [Int64] = [], packed: [UInt64] = []
            ids.reserveCapacity(values.count / 5)
            packed.reserveCapacity(values.count / 5 * 4)
            for row in stride(from: 0, to: values.count, by: 5) {
                ids.append(values[row])
                for word in 1...4 { packed.append(UInt64(bitPattern: values[row + word])) }
            }
            state.index.append(ids: ids, packed: packed)
            state.seen = ids.max() ?? state.seen  // the lowest ids above the last seen, in whatever order they came
            if values.count < 5 * 1_000_000 { return }
        }
    }
}
