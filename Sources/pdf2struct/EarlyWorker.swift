import Foundation
import Synchronization

/// A worker process started before the command line is parsed, so that its start (about
/// 14 ms, most of it loading poppler-glib's libraries) runs beside the parsing and planning
/// (about 5 ms) instead of after them. Started only when the arguments look like a conversion
/// with the default memory limit; the first batch worker takes it over when its command is
/// the same, and `discard()` ends it when no run did.
enum EarlyWorker {
    /// The waiting worker and the command it was started with.
    private static let slot = Mutex<(worker: WorkerProcess, command: BatchRun.WorkerCommand)?>(nil)

    /// Starts the worker when `arguments` (after the program name) look like a conversion.
    /// A failure to start is ignored: the batch starts its workers as usual.
    static func start(for arguments: [String]) {
        guard looksLikeConversion(arguments) else { return }
        let command = BatchRun.workerCommand(memoryLimit: Convert.defaultMemoryLimit)
        guard let worker = try? WorkerProcess.spawn(executable: command.executable, arguments: command.arguments,
                                                    extraEnvironment: command.environment) else { return }
        slot.withLock { $0 = (worker, command) }
    }

    /// The early worker, when it was started with exactly this command; nil otherwise (then
    /// it is killed: it has been given nothing to do).
    static func take(_ command: BatchRun.WorkerCommand) -> WorkerProcess? {
        guard let waiting = removed() else { return nil }
        guard command == waiting.command else {
            waiting.worker.kill()
            return nil
        }
        return waiting.worker
    }

    /// Ends the early worker if no run took it over: it is killed and reaped at once, without
    /// waiting for it to finish starting, as it has been given nothing to do.
    static func discard() {
        removed()?.worker.kill()
    }

    /// The early worker and its command, if one is waiting, which are no longer kept here.
    private static func removed() -> (worker: WorkerProcess, command: BatchRun.WorkerCommand)? {
        slot.withLock { slot in
            defer { slot = nil }
            return slot
        }
    }

    /// True for a conversion (the default command) that neither asks for help, the version or
    /// the configuration nor sets its own memory limit. A wrong guess costs only a worker
    /// started and ended, or no head start.
    static func looksLikeConversion(_ arguments: [String]) -> Bool {
        guard let first = arguments.first else { return false }
        let otherCommands = [Inspect.configuration.commandName, Worker.configuration.commandName, "help"]
        if otherCommands.contains(first) { return false }
        let noWorker: Set<String> = ["-h", "--help", "--version", "--dump-config", "--generate-completion-script",
                                     "--experimental-dump-help", "--memory-limit"]
        return !arguments.contains { noWorker.contains($0) || $0.hasPrefix("--memory-limit=") || $0.hasPrefix("--generate-completion-script=") }
    }
}
