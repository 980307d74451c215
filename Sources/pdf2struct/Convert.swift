import ArgumentParser
import Foundation
import PDF2Struct
import Synchronization

/// `pdf2struct INPUT… -o DIR`: converts PDFs to JSON and Markdown, each document in a worker
/// process so that one bad file costs only itself. This type parses and checks the options,
/// plans the jobs (inputs, output names, shard) and reports; `BatchRun` runs them.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert report PDFs into structured JSON and Markdown (the default command).",
        discussion: Root.examples
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, md, both

        var kinds: [OutputKind] {
            switch self {
            case .json: return [.json]
            case .md: return [.md]
            case .both: return [.json, .md]
            }
        }
    }

    @Argument(help: "PDF files, folders (every *.pdf below them) and @LIST files (one path per line).")
    var inputs: [String] = []

    @Option(name: [.short, .customLong("output")], help: "Output folder (made when missing).")
    var output: String = "."

    @Option(help: "Which files to write: json, md or both.")
    var format: Format = .both

    @Flag(help: "Write the JSON to standard output instead of files (one input, or --merge).")
    var stdout = false

    @Option(help: "Password for encrypted PDFs.")
    var password: String?

    @Option(help: "Treat the inputs as consecutive parts of one document named NAME.")
    var merge: String?

    @Option(help: "A JSON configuration file overriding thresholds and recommendation rules.")
    var config: String?

    @Flag(help: "Print the default configuration as JSON and exit.")
    var dumpConfig = false

    @Option(name: [.customShort("j"), .customLong("jobs")], help: "Documents converted in parallel (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Skip inputs whose outputs are up to date (same input SHA-256, tool and schema version).")
    var skipExisting = false

    @Option(help: ArgumentHelp("Convert only the K-th of N stable parts of the inputs (1 ≤ K ≤ N).", valueName: "K/N"))
    var shard: String?

    @Option(help: ArgumentHelp("Give up on a document after this many seconds (0: never).", valueName: "seconds"))
    var timeout: Double = 300

    @Option(help: ArgumentHelp("Memory limit of each worker process in MiB (0: none).", valueName: "MiB"))
    var memoryLimit: Int = Convert.defaultMemoryLimit

    /// `--memory-limit` when none is given, in MiB.
    static let defaultMemoryLimit = 4096

    @Option(help: ArgumentHelp("Write a JSON report of every input's outcome to FILE.", valueName: "file"))
    var report: String?

    @Flag(help: "Show progress on standard error even when it is not a terminal.")
    var progress = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if dumpConfig { return }
        if inputs.isEmpty { throw ValidationError("give at least one PDF file, folder or @LIST") }
        if stdout && inputs.count > 1 && merge == nil {
            throw ValidationError("--stdout takes one input (or several with --merge)")
        }
        if let merge, merge.isEmpty || merge.contains("/") {
            throw ValidationError("--merge NAME must be a plain file name")
        }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let shard, Shard(shard) == nil { throw ValidationError("--shard takes K/N with 1 ≤ K ≤ N, e.g. 3/8") }
        if timeout < 0 || !timeout.isFinite { throw ValidationError("--timeout must be 0 (none) or a number of seconds") }
        if memoryLimit < 0 { throw ValidationError("--memory-limit must be 0 (none) or a number of MiB") }
    }

    mutating func run() throws {
        if dumpConfig {
            print(Configuration().jsonText(), terminator: "")
            return
        }
        if let config {
            do { _ = try Configuration.load(from: URL(fileURLWithPath: config)) } catch {
                throw ValidationError("--config \(config): \(error)")
            }
        }
        let plan = try plannedJobs()
        if !stdout {
            do { try OutputWriter.ensureFolder(output) } catch {
                FileHandle.standardError.write(Data("pdf2struct: \(error)\n".utf8))
                throw ExitCode(ExitStatus.someFailed.rawValue)
            }
        }
        let display = ProgressLine(mode: progressMode, totalFiles: plan.count,
                                   totalBytes: plan.reduce(0) { $0 + $1.bytes })
        let quiet = self.quiet
        let start = DispatchTime.now().uptimeNanoseconds
        let runnable = plan.filter { $0.problem == nil }.map(\.job)
        let byID = Dictionary(plan.map { ($0.job.id, $0) }, uniquingKeysWith: { first, _ in first })
        let settings = BatchRun.Settings(workers: jobs, timeout: timeout > 0 ? timeout : nil, memoryLimit: memoryLimit)
        let run = BatchRun(jobs: runnable, settings: settings) { job, outcome in
            let planned = byID[job.id]
            Self.tell(outcome, about: planned?.label ?? job.name, name: planned?.shortName ?? job.name, display: display, quiet: quiet)
            display.advance(bytes: planned?.bytes ?? 0, pages: outcome.pages)
        }
        let interruption = Mutex<Int32?>(nil)
        let signals = TerminationSignals { number in
            interruption.withLock { $0 = number }
            run.interrupt()
        }
        for planned in plan {
            if let problem = planned.problem {
                Self.tell(.failed(problem), about: planned.label, name: planned.shortName, display: display, quiet: quiet)
                display.advance(bytes: 0, pages: 0)
            }
        }
        var finished = run.run()[...]
        let records = plan.map { planned in
            BatchReport.Record(input: planned.label, outcome: planned.problem.map { .failed($0) } ?? finished.removeFirst())
        }
        display.close()
        _ = signals
        let summary = BatchReport(records: records, elapsedSeconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9,
                                  shard: shard.flatMap(Shard.init), interrupted: run.wasInterrupted)
        if stdout, let planned = plan.first { emitStandardOutput(planned.job) }
        finish(summary, interruptedBy: interruption.withLock { $0 })
    }

    /// One planned job: what it converts, how it is named in messages, its input size.
    struct PlannedJob {
        var job: WorkerJob
        /// The input path (or the --merge name) that messages start with.
        var label: String
        /// The relative output name shown on success (`2019/report`).
        var shortName: String
        var bytes: Int
        var problem: ConversionFailure?
    }

    private func plannedJobs() throws -> [PlannedJob] {
        let collected = InputCollector().collect(inputs)
        let selected = shard.flatMap(Shard.init)
        let layout = OutputLayout(folder: stdout ? Self.standardOutputFolder : output)
        var template = WorkerJob(id: 0, parts: [], name: "", outputBase: "", formats: stdout ? [.json] : format.kinds,
                                 password: password, configPath: config, threads: 1, skipExisting: skipExisting && !stdout)
        var plan: [PlannedJob] = []
        if let merge {
            template.parts = collected.map(\.path)
            template.name = merge
            template.outputBase = layout.base(for: merge)
            let problem = collected.first { $0.problem != nil }.map { input in
                ConversionFailure(input.problem!.kind, "\(input.path): \(input.problem!.message)")
            }
            if selected.map({ $0.contains(merge) }) ?? true {
                plan.append(PlannedJob(job: template, label: merge, shortName: merge, bytes: Self.size(of: template.parts), problem: problem))
            }
        } else {
            for input in layout.claim(collected) where selected.map({ $0.contains(input.relativePath) }) ?? true {
                var job = template
                job.id = plan.count
                job.parts = [input.path]
                job.name = OutputLayout.stem(of: InputCollector.fileName(of: input.relativePath))
                job.outputBase = layout.base(for: input.relativePath)
                plan.append(PlannedJob(job: job, label: input.path, shortName: OutputLayout.stem(of: input.relativePath),
                                       bytes: Self.size(of: [input.path]), problem: input.problem))
            }
        }
        if stdout && plan.count > 1 {
            throw ValidationError("--stdout takes one input, but the arguments name \(plan.count) PDFs")
        }
        let workers = max(1, min(jobs, plan.count))
        for index in plan.indices { plan[index].job.threads = max(1, jobs / workers) }
        return plan
    }

    private var progressMode: ProgressLine.Mode {
        let terminal = isatty(STDERR_FILENO) == 1
        if progress { return terminal ? .terminal : .lines }
        return terminal && !quiet ? .terminal : .off
    }

    /// Tells the user what became of one job: errors always, the rest unless `--quiet`.
    private static func tell(_ outcome: JobOutcome, about label: String, name: String, display: ProgressLine, quiet: Bool) {
        switch outcome.status {
        case .failed:
            display.message("\(label): \(outcome.failure?.message ?? "failed")")
        case .skipped:
            if !quiet { display.message("\(name): up to date, skipped") }
        case .converted:
            guard !quiet else { return }
            for warning in outcome.warnings { display.message("\(label): warning: \(warning)") }
            display.message("\(name): \(outcome.pages) pages, \(outcome.blocks) blocks, \(outcome.notes) notes")
        }
    }

    /// Summary, report file and exit status: 0 when nothing failed, 3 when every failure is an
    /// encrypted PDF, 1 otherwise, 128 + signal when interrupted.
    private func finish(_ summary: BatchReport, interruptedBy signal: Int32?) {
        var status = ExitStatus.success.rawValue
        if !quiet && (summary.records.count > 1 || summary.interrupted) {
            let seconds = summary.elapsedSeconds
            FileHandle.standardError.write(Data(("pdf2struct: \(summary.countsLine); \(summary.pages) pages in "
                + String(format: "%.1f s (%.1f pages/s)", seconds, Double(summary.pages) / max(seconds, 1e-3))
                + (summary.interrupted ? "; interrupted" : "") + "\n").utf8))
        }
        if let report {
            do { try OutputWriter.write(summary.json(), to: report) } catch {
                FileHandle.standardError.write(Data("pdf2struct: --report: \(error)\n".utf8))
                status = ExitStatus.someFailed.rawValue
            }
        }
        let failures = summary.records.compactMap(\.outcome.failure)
        if !failures.isEmpty {
            status = failures.allSatisfy { $0.kind == .encrypted } ? ExitStatus.encrypted.rawValue : ExitStatus.someFailed.rawValue
        }
        if let signal { status = 128 + signal }
        // A run whose inputs all failed before reaching a worker never took the early one.
        EarlyWorker.discard()
        Foundation.exit(status)
    }

    /// With --stdout the worker writes the JSON into a private folder; it is copied to standard
    /// output and removed.
    private func emitStandardOutput(_ job: WorkerJob) {
        let path = job.outputPath(.json)
        if let data = FileManager.default.contents(atPath: path) { FileHandle.standardOutput.write(data) }
        try? FileManager.default.removeItem(atPath: Self.standardOutputFolder)
    }

    private static let standardOutputFolder: String = {
        FileManager.default.temporaryDirectory.appendingPathComponent("pdf2struct-stdout-\(getpid())").path
    }()

    private static func size(of paths: [String]) -> Int {
        paths.reduce(0) { total, path in
            var status = stat()
            return total + (stat(path, &status) == 0 ? Int(status.st_size) : 0)
        }
    }
}
