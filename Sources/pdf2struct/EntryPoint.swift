import ArgumentParser
import Foundation

/// Runs the command and maps argument errors to exit status 2 (swift-argument-parser's own
/// default for them is 64).
@main
enum EntryPoint {
    static func main() {
        do {
            var command = try Convert.parseAsRoot()
            try command.run()
        } catch {
            let code = Convert.exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((Convert.fullMessage(for: error) + "\n").utf8))
                exit(ExitStatus.usage.rawValue)
            }
            Convert.exit(withError: error)
        }
    }
}
