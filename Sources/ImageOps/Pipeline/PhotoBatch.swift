import Dispatch
import Foundation
import Synchronization

/// Normalises many photos at once, spread over the cores (each photo is independent; the C code keeps no global state).
package struct PhotoBatch: Sendable {
    /// The normaliser used for every photo.
    package var normaliser: PhotoNormaliser
    /// Photos processed at the same time.
    package var concurrency: Int

    /// Creates a batch runner; `concurrency` defaults to the core count.
    package init(policy: PhotoPolicy, concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) {
        normaliser = PhotoNormaliser(policy: policy)
        self.concurrency = max(1, concurrency)
    }

    /// Normalises every file (read from disk; a file whose bytes no longer have the expected SHA-256 is an error, so
    /// what is stored is what was checked), keyed as given.
    package func normalise(_ files: [String: PhotoSource]) -> [String: Result<NormalisedPhoto, ImageError>] {
        let entries = files.sorted { $0.key < $1.key }
        // One slot per photo, each written by exactly one worker; `concurrentPerform` returning orders those writes
        // before the reads below. (No lock: Synchronization.Mutex hands over through the kernel on Linux, which
        // ThreadSanitizer cannot see, so it reported a race that was not there.)
        let slots = UnsafeMutableBufferPointer<Result<NormalisedPhoto, ImageError>?>.allocate(capacity: entries.count)
        slots.initialize(repeating: nil)
        defer {
            _ = slots.deinitialize()
            slots.deallocate()
        }
        nonisolated(unsafe) let output = slots
        let next = Atomic<Int>(0)
        let normaliser = self.normaliser
        DispatchQueue.concurrentPerform(iterations: min(concurrency, max(1, entries.count))) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < entries.count else { return }
                output[index] = Self.normalise(entries[index].value, with: normaliser)
            }
        }
        var results: [String: Result<NormalisedPhoto, ImageError>] = [:]
        for (index, entry) in entries.enumerated() {
            if let result = slots[index] { results[entry.key] = result }
        }
        return results
    }

    private static func normalise(_ file: PhotoSource, with normaliser: PhotoNormaliser) -> Result<NormalisedPhoto, ImageError> {
        if let byteCount = file.byteCount, byteCount > normaliser.policy.limits.maxFileBytes {
            return .failure(.fileTooLarge(bytes: byteCount, limit: normaliser.policy.limits.maxFileBytes))
        }
        guard let data = FileManager.default.contents(atPath: file.url.path) else {
            return .failure(.unreadable("\(file.name) cannot be opened"))
        }
        do {
            let photo = try normaliser.normalise(Array(data))
            if let expected = file.sha256, photo.sourceSHA256 != expected {
                return .failure(.unreadable("\(file.name) changed while it was being submitted"))
            }
            return .success(photo)
        } catch {
            return .failure(error)
        }
    }
}
