import Foundation

/// A value shared between threads behind a pthread mutex (`NSLock`).
///
/// Used instead of `Synchronization.Mutex`, whose Linux implementation hands a contended lock over inside the kernel:
/// correct, but invisible to ThreadSanitizer, which then reports races that do not exist (`scripts/sanitizers.sh`).
package final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    /// Creates the lock around `value`.
    package init(_ value: Value) { self.value = value }

    /// Runs `body` with exclusive access to the value.
    package func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
