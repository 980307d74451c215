import ArgumentParser
import Foundation
import PDF2Struct

/// `pdf2struct worker`: the hidden subcommand batch runs start in child processes. It reads
/// `WorkerJob`s, one JSON line at a time, from standard input and answers each with one
/// `WorkerReply` line on standard output, until standard input closes. A crash or hang in here
/// (inside poppler, say) costs the parent only the job at hand. The worker ends by itself if
/// its parent goes away, and caps its own memory with `--memory-limit`.
struct Worker: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Convert jobs read from standard input (used by batch runs; not for direct use).",
        shouldDisplay: false
    )

    @Option(help: "Data memory limit in MiB (0: none).")
    var memoryLimit: Int = 0

    /// The arguments a batch run starts a worker with (read back by `started(with:)`).
    static func arguments(memoryLimit: Int) -> [String] {
        [configuration.commandName ?? "worker", memoryLimitOption, String(memoryLimit)]
    }

    private static let memoryLimitOption = "--memory-limit"

    /// The command for `arguments` (those after `worker`). The exact form batch runs start it
    /// with, `--memory-limit N`, is read directly: the parser spent 8.7 M instructions, a
    /// quarter of a worker's start, on reflecting over this one option. Anything else goes to
    /// the parser, so help and errors read as for any command.
    static func started(with arguments: [String]) throws -> any ParsableCommand {
        if arguments.count == 2, arguments[0] == memoryLimitOption, let limit = Int(arguments[1]) {
            var worker = Worker()
            worker.memoryLimit = limit
            return worker
        }
        return try parseAsRoot(arguments)
    }

    func run() throws {
        if memoryLimit > 0 {
            var limit = rlimit(rlim_cur: rlim_t(memoryLimit) << 20, rlim_max: rlim_t(memoryLimit) << 20)
            setrlimit(__rlimit_resource_t(RLIMIT_DATA.rawValue), &limit)
        }
        Self.endWithParent()
        FaultInjection.applyAtStart()
        // ICU's pattern tables are built on a spare core while the first job is read.
        Thread.detachNewThread { Pipeline.compilePatterns() }
        var runners: [String: JobRunner] = [:]
        let decoder = JSONDecoder()
        let encoder = JSONEncoder()
        while let line = readLine() {
            let reply: WorkerReply
            if let job = try? decoder.decode(WorkerJob.self, from: Data(line.utf8)) {
                let key = job.configPath ?? ""
                if runners[key] == nil, let runner = Self.runner(configPath: job.configPath) { runners[key] = runner }
                if let runner = runners[key] {
                    reply = WorkerReply(id: job.id, outcome: runner.run(job))
                } else {
                    reply = WorkerReply(id: job.id, outcome: .failed(ConversionFailure(.internalError, "cannot load --config \(key)")))
                }
            } else {
                reply = WorkerReply(id: -1, outcome: .failed(ConversionFailure(.internalError, "unreadable job")))
            }
            let data = (try? encoder.encode(reply)) ?? Data()
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        }
    }

    private static func runner(configPath: String?) -> JobRunner? {
        guard let configPath else { return JobRunner(pipeline: Pipeline()) }
        guard let configuration = try? Configuration.load(from: URL(fileURLWithPath: configPath)) else { return nil }
        return JobRunner(pipeline: Pipeline(configuration: configuration))
    }

    /// Ends this process when its parent does (checked every second), so a worker stuck in a
    /// hostile PDF never outlives an interrupted batch.
    private static func endWithParent() {
        let parent = getppid()
        Thread.detachNewThread {
            while true {
                sleep(1)
                if getppid() != parent { _exit(70) }
            }
        }
    }
}
