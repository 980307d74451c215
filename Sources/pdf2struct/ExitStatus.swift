/// The process exit statuses, documented in `--help` and the README. A batch stopped by SIGINT
/// or SIGTERM exits with 128 + the signal number (130, 143), as shells expect.
enum ExitStatus: Int32 {
    /// Every input converted.
    case success = 0
    /// At least one input failed; the others were written.
    case someFailed = 1
    /// The command line was wrong; nothing was converted.
    case usage = 2
    /// Inputs failed only because they are encrypted and the password was missing or wrong.
    case encrypted = 3
}
