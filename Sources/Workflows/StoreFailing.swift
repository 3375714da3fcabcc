import Store

/// A use case's failure that can carry a store error (every workflow's `Failure` has a `store` case).
package protocol StoreFailing: Error {
    /// The failure for a store error.
    static func store(_ error: StoreError) -> Self
}

extension StoreFailing {
    /// Runs `body`: this failure passes through, a store error becomes ``store(_:)``, anything else a database error.
    static func catching<T>(_ body: () throws -> T) throws(Self) -> T {
        do {
            return try body()
        } catch let failure as Self {
            throw failure
        } catch let error as StoreError {
            throw .store(error)
        } catch {
            throw .store(.database("\(error)"))
        }
    }
}
