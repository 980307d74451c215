import Foundation
import PDF2Struct
import PopplerText
import Synchronization

/// Converts one job inside a worker process: reads the inputs, skips them when `--skip-existing`
/// finds the outputs up to date, runs the pipeline, adds the checks poppler does not report
/// (a rebuilt cross-reference table, cut metadata), and writes the outputs as one atomic group.
/// Every way a job can fail becomes a `ConversionFailure`; nothing here ends the process.
struct JobRunner {
    var pipeline: Pipeline

    func run(_ job: WorkerJob) -> JobOutcome {
        let start = DispatchTime.now().uptimeNanoseconds
        var outcome: JobOutcome
        do {
            outcome = try convert(job)
        } catch {
            outcome = .failed(error)
        }
        outcome.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return outcome
    }

    private func convert(_ job: WorkerJob) throws(ConversionFailure) -> JobOutcome {
        FaultInjection.apply(toInputs: job.parts)
        var inputs: [Pipeline.Input] = []
        for path in job.parts {
            do {
                let data = try InputFileReader.read(path)
                inputs.append(Pipeline.Input(fileName: URL(fileURLWithPath: path).lastPathComponent, data: data, password: job.password))
            } catch {
                throw job.parts.count > 1 ? ConversionFailure(error.kind, "\(path): \(error.message)") : error
            }
        }
        if job.skipExisting, isUpToDate(job, &inputs) {
            return JobOutcome(status: .skipped, outputs: job.outputPaths)
        }
        var document: Document
        do {
            document = try pipeline.convert(inputs, threads: job.threads)
        } catch let error as PDFError {
            throw ConversionFailure(error)
        } catch {
            throw ConversionFailure(.internalError, "conversion failed: \(error)")
        }
        if let empty = document.sources.firstIndex(where: { $0.info.pageCount == 0 }) {
            throw ConversionFailure(.noPages, job.parts.count > 1 ? "\(job.parts[empty]): the PDF has no pages" : "the PDF has no pages")
        }
        for (index, input) in inputs.enumerated() {
            if let diagnostic = CrossReferenceCheck().diagnostic(for: input.data, part: index + 1) {
                document.diagnostics.append(diagnostic)
            }
        }
        MetadataLimit().apply(to: &document)

        let files = Self.export(document, name: job.name, formats: job.formats, threads: job.threads)
            .map { (path: job.outputPath($0.kind), bytes: $0.bytes) }
        do {
            if let slash = job.outputBase.lastIndex(of: "/") { try OutputWriter.ensureFolder(String(job.outputBase[..<slash])) }
            try OutputWriter.write(files)
        } catch {
            throw ConversionFailure(.writeFailed, error.description)
        }
        let outcome = JobOutcome(status: .converted, pages: document.sources.reduce(0) { $0 + $1.info.pageCount },
                                 blocks: document.blocks.count, notes: document.notes.count,
                                 warnings: Self.warnings(document), outputs: files.map(\.path))
        // The reply need not wait for the document and its output bytes to be freed (about
        // 2 ms on a long report); a job that may use a second thread frees them on one.
        if job.threads > 1 { BackgroundRelease.release((document, files)) }
        return outcome
    }

    /// The UTF-8 texts of the requested formats, in the order asked; made side by side when the
    /// job may use more than one thread.
    static func export(_ document: Document, name: String, formats: [OutputKind], threads: Int) -> [(kind: OutputKind, bytes: [UInt8])] {
        let texts = Mutex([[UInt8]?](repeating: nil, count: formats.count))
        let make: @Sendable (Int) -> Void = { index in
            let bytes = formats[index] == .json ? JSONExporter().exportUTF8(document, name: name) : MarkdownExporter().exportUTF8(document)
            texts.withLock { $0[index] = bytes }
        }
        if threads > 1 && formats.count > 1 {
            DispatchQueue.concurrentPerform(iterations: formats.count, execute: make)
        } else {
            formats.indices.forEach(make)
        }
        return texts.withLock { list in zip(formats, list).map { ($0, $1!) } }
    }

    /// Whether the outputs are up to date; the inputs keep the hashes worked out here, which
    /// the conversion then reuses.
    private func isUpToDate(_ job: WorkerJob, _ inputs: inout [Pipeline.Input]) -> Bool {
        let check = UpToDateCheck()
        if job.formats.contains(.json) {
            return check.isUpToDate(jsonPath: job.outputPath(.json), others: job.outputPaths.filter { !$0.hasSuffix(".json") },
                                    sha256s: inputs.indices.map { inputs[$0].sha256 })
        }
        return job.outputPaths.allSatisfy { check.isNewer(output: $0, than: job.parts) }
    }

    /// The warnings worth a line on standard error: a scan that needs OCR, characters with no
    /// Unicode mapping, a rebuilt cross-reference table, cut metadata.
    static func warnings(_ document: Document) -> [String] {
        var warnings: [String] = []
        if document.needsOCR { warnings.append("no text layer (a scan?): the output is empty and needs OCR") }
        let unmapped = document.diagnostics.filter { $0.code == "unmapped_characters" }
        if !unmapped.isEmpty {
            warnings.append("characters with no Unicode mapping on \(unmapped.count) page(s); the text there may be garbage (see diagnostics)")
        }
        for diagnostic in document.diagnostics where diagnostic.code == CrossReferenceCheck.diagnosticCode || diagnostic.code == MetadataLimit.diagnosticCode {
            warnings.append(diagnostic.message)
        }
        return warnings
    }
}
