import Foundation
import GRDB
import Store

/// What a running `inspect` has observably done to a store: photo files under their final names, stored inspections,
/// cars a batch has finished. Read from outside the process (the file system, and the database through a read-only
/// WAL connection), so a kill test can choose its moment by progress, not by the clock.
struct StoreProgress: Sendable {
    /// The database path (its `photos/` folder beside it).
    var database: String

    /// Photo files under their final, content-addressed names (files being written in `.incoming` do not count).
    func photoFiles() -> Int {
        let folder = URL(filePath: database).deletingLastPathComponent().appending(path: "photos")
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return 0 }
        var count = 0
        while let path = walker.nextObject() as? String {
            if path.hasPrefix(PhotoFileStore.incomingFolder) { continue }
            if path.hasSuffix(".jpg") { count += 1 }
        }
        return count
    }

    /// Rows of `table` (0 while the database or the table does not exist yet, or is busy being created).
    func rows(_ table: String) -> Int {
        (try? read { db in try db.tableExists(table) ? Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 : 0 }) ?? 0
    }

    /// Reads the database through a read-only connection, once its header says WAL mode (file format version 2 at
    /// bytes 18-19), so this reader never stands in the way of a process switching a new database to WAL.
    func read<T>(_ body: (Database) throws -> T) throws -> T? {
        guard let handle = FileHandle(forReadingAtPath: database) else { return nil }
        let header = try handle.read(upToCount: 20) ?? Data()
        try handle.close()
        guard header.count == 20, header[18] == 2, header[19] == 2 else { return nil }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(1)
        return try DatabaseQueue(path: database, configuration: configuration).read(body)
    }

    /// For every car of a finished store, an upper bound of the events its work leaves: its distinct photo files (a
    /// file shared with another car counted for both), their thumbnails, its inspections, and one finished-car row.
    func eventsPerCar() throws -> [String: Int] {
        let rows = try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT i.vin AS vin, count(DISTINCT i.id) AS inspections,
                        (SELECT count(DISTINCT p.stored_path) FROM photo p JOIN inspection j ON p.inspection_id = j.id WHERE j.vin = i.vin) AS photos
                    FROM inspection i GROUP BY i.vin
                    """)
        }
        var events: [String: Int] = [:]
        for row in rows ?? [] { events[row["vin"]] = 2 * (row["photos"] as Int) + (row["inspections"] as Int) + 1 }
        return events
    }

    /// Stored inspections.
    func inspections() -> Int { rows("inspection") }

    /// Cars whose batch outcome is recorded (done or failed).
    func carsFinished() -> Int { rows("batch_step") }

    /// Everything a submit or batch run leaves behind, as one growing count: photo files, inspections, finished cars.
    func events() -> Int { photoFiles() + inspections() + carsFinished() }
}
