import Dispatch
import Foundation

/// Turns SIGINT and SIGTERM into a call of `handler` with the signal number, so a batch can
/// stop its workers, remove their temporary files and write its summary before it exits with
/// 128 + the signal. The signals are ignored while the handler is installed, so children
/// started meanwhile (the workers) ignore them too and end only when the batch ends them.
final class TerminationSignals {
    private let sources: [any DispatchSourceSignal]

    init(handler: @escaping @Sendable (Int32) -> Void) {
        let queue = DispatchQueue(label: "pdf2struct.signals")
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { handler(number) }
            source.resume()
            return source
        }
    }

    deinit {
        sources.forEach { $0.cancel() }
    }
}
