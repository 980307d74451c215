import ArgumentParser
import Foundation

/// Runs the command and maps argument errors to exit status 2 (swift-argument-parser's own
/// default for them is 64). `-j4` is read as `-j 4`. A worker process (started by a batch run
/// with `worker` as its first argument) parses only the worker's own options: building the
/// whole command tree cost 14 M instructions per worker start (see `Worker.started(with:)`).
/// A conversion's first worker is started before the arguments are parsed (`EarlyWorker`).
@main
enum EntryPoint {
    static func main() {
        do {
            let arguments = AttachedOptionValue.separated(Array(CommandLine.arguments.dropFirst()))
            if arguments.first == Worker.configuration.commandName {
                var worker = try Worker.started(with: Array(arguments.dropFirst()))
                try worker.run()
                return
            }
            EarlyWorker.start(for: arguments)
            var command = try Root.parseAsRoot(arguments)
            try command.run()
            EarlyWorker.discard()
        } catch {
            EarlyWorker.discard()
            let code = Root.exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((Root.fullMessage(for: error) + "\n").utf8))
                exit(ExitStatus.usage.rawValue)
            }
            Root.exit(withError: error)
        }
    }
}
