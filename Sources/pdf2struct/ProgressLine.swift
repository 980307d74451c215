import Foundation
import Synchronization

/// What a batch run shows on standard error while it works: `12/40 files, 310 pages,
/// 52.3 pages/s, ETA 0:42` (the time left is estimated from the input bytes still to convert).
/// On a terminal the line is redrawn in place; in `lines` mode (`--progress` when standard
/// error is not a terminal) it is printed as a plain line at most every `interval` seconds;
/// `off` shows nothing. Every other message of the run goes through `message(_:)`, which erases
/// the line first, so messages and progress never garble each other.
final class ProgressLine: Sendable {
    enum Mode: Sendable {
        case off, terminal, lines
    }

    private struct State {
        var files = 0
        var pages = 0
        var bytes = 0
        var drawn = false
        var lastLine: UInt64 = 0
    }

    let mode: Mode
    private let totalFiles: Int
    private let totalBytes: Int
    private let start = DispatchTime.now().uptimeNanoseconds
    /// Seconds between two plain lines in `lines` mode.
    private let interval: Double = 5
    private let state = Mutex(State())
    private let closed = Atomic(false)

    init(mode: Mode, totalFiles: Int, totalBytes: Int) {
        self.mode = mode
        self.totalFiles = totalFiles
        self.totalBytes = totalBytes
        if mode == .terminal {
            Thread.detachNewThread { [self] in
                while !closed.load(ordering: .acquiring) {
                    usleep(250_000)
                    if !closed.load(ordering: .acquiring) { state.withLock { draw(&$0) } }
                }
            }
        }
    }

    /// Prints `pdf2struct: TEXT` on its own line.
    func message(_ text: String) {
        state.withLock { state in
            var output = ""
            if state.drawn { output += "\r\u{1B}[K" }
            output += "pdf2struct: \(text)\n"
            Self.write(output)
            state.drawn = false
            if mode == .terminal { draw(&state) }
        }
    }

    /// Counts a finished job.
    func advance(bytes: Int, pages: Int) {
        state.withLock { state in
            state.files += 1
            state.bytes += bytes
            state.pages += pages
            switch mode {
            case .off: break
            case .terminal: draw(&state)
            case .lines:
                let now = DispatchTime.now().uptimeNanoseconds
                if Double(now - state.lastLine) / 1e9 >= interval || state.files == totalFiles {
                    state.lastLine = now
                    Self.write("pdf2struct: \(text(state))\n")
                }
            }
        }
    }

    /// Erases the line on a terminal; nothing more is drawn afterwards.
    func close() {
        closed.store(true, ordering: .releasing)
        state.withLock { state in
            if state.drawn { Self.write("\r\u{1B}[K") }
            state.drawn = false
        }
    }

    private func draw(_ state: inout State) {
        guard mode == .terminal, !closed.load(ordering: .acquiring) else { return }
        Self.write("\r\u{1B}[K" + text(state))
        state.drawn = true
    }

    private func text(_ state: State) -> String {
        let seconds = max(1e-3, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        var line = "\(state.files)/\(totalFiles) files, \(state.pages) pages, " + String(format: "%.1f pages/s", Double(state.pages) / seconds)
        if state.bytes > 0, state.files < totalFiles {
            line += ", ETA " + Self.clock(seconds * Double(max(0, totalBytes - state.bytes)) / Double(state.bytes))
        }
        return line
    }

    /// `42` → `0:42`, `3725` → `1:02:05`.
    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let (hours, minutes, rest) = (total / 3600, total / 60 % 60, total % 60)
        return hours > 0 ? String(format: "%d:%02d:%02d", hours, minutes, rest) : String(format: "%d:%02d", minutes, rest)
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
