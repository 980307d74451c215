import ArgumentParser
import Foundation

/// Runs the command and maps argument errors to exit status 2 (swift-argument-parser's own
/// default for them is 64). `-j4` is read as `-j 4`.
@main
enum EntryPoint {
    static func main() {
        do {
            var command = try Root.parseAsRoot(AttachedOptionValue.separated(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch {
            let code = Root.exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((Root.fullMessage(for: error) + "\n").utf8))
                exit(ExitStatus.usage.rawValue)
            }
            Root.exit(withError: error)
        }
    }
}
