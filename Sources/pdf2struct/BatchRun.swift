import Foundation
import PDF2Struct
import Synchronization

/// Runs the jobs of a batch in `pdf2struct worker` processes, `workers` at a time, and returns
/// one outcome per job in job order, whatever order they finished in. A job that ends its
/// worker (a signal inside poppler, an unexpected exit) or outlives `timeout` fails alone: the
/// worker is killed and replaced, the job's temporary files are removed, and the batch goes on.
/// A worker is also replaced after `jobsPerWorker` jobs, so memory stays flat over long runs.
/// `interrupt()` (on SIGINT or SIGTERM) stops handing out jobs and kills the running ones,
/// which then fail as `interrupted`, like the jobs never started.
final class BatchRun: Sendable {
    struct Settings: Sendable {
        var workers: Int
        /// Seconds one job may take; nil for no limit.
        var timeout: Double?
        /// Data memory limit per worker in MiB; 0 for none.
        var memoryLimit: Int
        var jobsPerWorker = 200
    }

    /// How a worker process is started: this program, its arguments and the environment added.
    struct WorkerCommand: Equatable {
        var executable: String
        var arguments: [String]
        var environment: [String: String]
    }

    /// The command of every worker with `memoryLimit` (MiB, 0 for none). Workers run with
    /// `SWIFT_BACKTRACE=enable=no`, so a crash ends one at once instead of symbolicating.
    static func workerCommand(memoryLimit: Int) -> WorkerCommand {
        WorkerCommand(executable: currentExecutable, arguments: Worker.arguments(memoryLimit: memoryLimit),
                      environment: ["SWIFT_BACKTRACE": "enable=no"])
    }

    private let jobs: [WorkerJob]
    private let settings: Settings
    private let onOutcome: @Sendable (WorkerJob, JobOutcome) -> Void
    private let nextJob = Mutex(0)
    private let outcomes: Mutex<[JobOutcome?]>
    private let livePIDs = Mutex(Set<pid_t>())
    private let stopped = Atomic(false)

    init(jobs: [WorkerJob], settings: Settings, onOutcome: @escaping @Sendable (WorkerJob, JobOutcome) -> Void) {
        self.jobs = jobs
        self.settings = settings
        self.onOutcome = onOutcome
        self.outcomes = Mutex([JobOutcome?](repeating: nil, count: jobs.count))
    }

    var wasInterrupted: Bool { stopped.load(ordering: .acquiring) }

    func run() -> [JobOutcome] {
        let drivers = max(1, min(settings.workers, jobs.count))
        let done = DispatchSemaphore(value: 0)
        for _ in 0..<drivers {
            let thread = Thread { [self] in
                drive()
                done.signal()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        for _ in 0..<drivers { done.wait() }
        return outcomes.withLock { list in
            list.map { $0 ?? .failed(ConversionFailure(.interrupted, "not converted: the run was interrupted")) }
        }
    }

    /// Stops the run: no more jobs start, running workers are killed.
    func interrupt() {
        stopped.store(true, ordering: .releasing)
        livePIDs.withLock { pids in for pid in pids { kill(pid, SIGKILL) } }
    }

    /// One driver thread: takes jobs one by one and runs each in its worker process.
    private func drive() {
        var worker: WorkerProcess? = nil
        var served = 0
        while !stopped.load(ordering: .acquiring), let index = takeJob() {
            let job = jobs[index]
            if worker == nil {
                do {
                    worker = try startWorker()
                    served = 0
                } catch {
                    record(job, index, .failed(ConversionFailure(.internalError, "\(error)")))
                    continue
                }
            }
            let (outcome, alive) = perform(job, in: worker!)
            if !alive { worker = nil }
            record(job, index, outcome)
            served += 1
            if let current = worker, served >= settings.jobsPerWorker {
                retire(current)
                worker = nil
            }
        }
        if let worker { retire(worker) }
    }

    private func takeJob() -> Int? {
        nextJob.withLock { next in
            guard next < jobs.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    private func record(_ job: WorkerJob, _ index: Int, _ outcome: JobOutcome) {
        outcomes.withLock { $0[index] = outcome }
        onOutcome(job, outcome)
    }

    /// A worker for a driver: the one started before the arguments were parsed when it fits,
    /// otherwise a new one.
    private func startWorker() throws -> WorkerProcess {
        let command = Self.workerCommand(memoryLimit: settings.memoryLimit)
        let worker = try EarlyWorker.take(command)
            ?? WorkerProcess.spawn(executable: command.executable, arguments: command.arguments, extraEnvironment: command.environment)
        livePIDs.withLock { _ = $0.insert(worker.pid) }
        if stopped.load(ordering: .acquiring) { kill(worker.pid, SIGKILL) }
        return worker
    }

    private func retire(_ worker: WorkerProcess) {
        _ = worker.finish()
        livePIDs.withLock { _ = $0.remove(worker.pid) }
    }

    /// Runs `job` in `worker`: the outcome, and whether the worker is still alive and usable.
    private func perform(_ job: WorkerJob, in worker: WorkerProcess) -> (JobOutcome, Bool) {
        let start = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        guard let line = String(data: (try? JSONEncoder().encode(job)) ?? Data(), encoding: .utf8), worker.send(line) else {
            return (giveUp(worker, job, failure: ended(worker, worker.kill()), seconds: elapsed()), false)
        }
        switch worker.receive(timeout: settings.timeout) {
        case .line(let text):
            guard let reply = try? JSONDecoder().decode(WorkerReply.self, from: Data(text.utf8)), reply.id == job.id else {
                let failure = ConversionFailure(.internalError, "the worker answered with something unreadable")
                return (giveUp(worker, job, failure: failure, seconds: elapsed()), false)
            }
            return (reply.outcome, true)
        case .ended(let termination):
            return (giveUp(worker, job, failure: ended(worker, termination), seconds: elapsed()), false)
        case .timedOut:
            worker.kill()
            let limit = settings.timeout.map { String(format: "%g", $0) } ?? "?"
            let failure = stopped.load(ordering: .acquiring)
                ? ConversionFailure(.interrupted, "not converted: the run was interrupted")
                : ConversionFailure(.timedOut, "gave up after \(limit) s (--timeout); the worker was stopped")
            return (giveUp(worker, job, failure: failure, seconds: elapsed()), false)
        }
    }

    private func ended(_ worker: WorkerProcess, _ termination: WorkerProcess.Termination) -> ConversionFailure {
        if stopped.load(ordering: .acquiring) {
            return ConversionFailure(.interrupted, "not converted: the run was interrupted")
        }
        let line = worker.lastErrorLine ?? ""
        let lowered = line.lowercased()
        if settings.memoryLimit > 0, lowered.contains("memory") || lowered.contains("bad_alloc") || lowered.contains("allocat") {
            return ConversionFailure(.crashed, "the conversion ran out of memory (worker \(termination.description): \(line)); "
                + "the limit is \(settings.memoryLimit) MiB, see --memory-limit")
        }
        var message = "the conversion crashed (worker \(termination.description))"
        if !line.isEmpty { message += ": \(line)" }
        if settings.memoryLimit > 0 { message += "; if it ran out of memory, raise --memory-limit (now \(settings.memoryLimit) MiB)" }
        return ConversionFailure(.crashed, message)
    }

    /// Ends the worker after a failed job and removes the job's temporary files; the driver
    /// then starts a new worker.
    private func giveUp(_ worker: WorkerProcess, _ job: WorkerJob, failure: ConversionFailure, seconds: Double) -> JobOutcome {
        worker.kill()
        livePIDs.withLock { _ = $0.remove(worker.pid) }
        for path in job.outputPaths { unlink(OutputWriter.temporaryPath(for: path, pid: worker.pid)) }
        return .failed(failure, seconds: seconds)
    }

    /// This program's own executable, which the workers run.
    private static let currentExecutable: String = {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if count > 0 { return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        return CommandLine.arguments[0]
    }()
}
