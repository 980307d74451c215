import Foundation

/// Frees a large value (a long job's extracted pages, the structure stage's intermediate
/// values, a converted document and its output bytes) on a thread of its own at the lowest
/// priority, so the freeing, tens of thousands of small objects and milliseconds of cache
/// misses, takes CPU time the rest of the job leaves idle instead of lengthening the phase that
/// ends every run. When every core stays busy the thread still gets a small share, so values
/// never pile up. The thread holds the only reference and empties it; a process that ends
/// first simply does not finish freeing. Nothing waits on the thread: where none can be started
/// (a worker at its `--memory-limit`), the value is left unfreed instead of the job hanging,
/// as it would on a Dispatch queue, which retries a failed thread start for ever.
public enum BackgroundRelease {
    /// The nice value of the freeing thread: the lowest priority, about a sixtieth of a core
    /// when it competes with the conversion's own threads.
    static let niceValue: Int32 = 19

    /// Takes `value` over and frees it on a new thread at `niceValue`; returns at once.
    public static func release<Value>(_ value: consuming Value) {
        nonisolated(unsafe) var owned: Value? = consume value
        Thread.detachNewThread {
            // On Linux the nice value belongs to the thread, and 0 names the calling one.
            setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceValue)
            owned = nil
        }
    }
}
