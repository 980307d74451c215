import Dispatch

extension Collection where Self: Sendable, Element: Sendable {
    /// `map` spread over up to `threads` threads; the results are in the collection's order, so
    /// the outcome is the same whatever `threads` is. `transform` must not depend on the order
    /// in which elements are visited (it runs concurrently).
    func concurrentMap<T: Sendable>(threads: Int, _ transform: @escaping @Sendable (Element) -> T) -> [T] {
        let elements = Array(self)
        let workers = Swift.min(threads, elements.count)
        guard workers > 1 else { return elements.map(transform) }
        return [T](unsafeUninitializedCapacity: elements.count) { buffer, initialized in
            nonisolated(unsafe) let results = buffer
            // Threads take elements in turn (0, n, 2n… for the first), so a long stretch of
            // cheap or costly elements is shared out evenly.
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for index in stride(from: worker, to: elements.count, by: workers) {
                    (results.baseAddress! + index).initialize(to: transform(elements[index]))
                }
            }
            initialized = elements.count
        }
    }
}
