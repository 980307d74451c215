import Foundation
import Synchronization

/// One `pdf2struct worker` child process and the pipes to its standard input, output and error,
/// driven by one thread at a time. Spawned with `posix_spawn` (no fork of a threaded parent);
/// every pipe end is close-on-exec, so no worker holds another's pipes open; the child runs with
/// `SWIFT_BACKTRACE=enable=no`, so a crash ends it at once instead of symbolicating a backtrace.
/// Sendable as a whole: one thread owns it at a time (the early worker passes from the main
/// thread to a batch driver), never two at once.
final class WorkerProcess: @unchecked Sendable {
    /// How a child process ended.
    enum Termination: Equatable {
        case exited(Int32)
        case signaled(Int32)

        var description: String {
            switch self {
            case .exited(let code): return "exited with status \(code)"
            case .signaled(let number): return "killed by signal \(number) (\(Self.signalName(number)))"
            }
        }

        static func signalName(_ number: Int32) -> String {
            let names: [Int32: String] = [
                SIGSEGV: "SIGSEGV", SIGBUS: "SIGBUS", SIGABRT: "SIGABRT", SIGILL: "SIGILL", SIGFPE: "SIGFPE",
                SIGTRAP: "SIGTRAP", SIGKILL: "SIGKILL", SIGTERM: "SIGTERM", SIGXCPU: "SIGXCPU", SIGSYS: "SIGSYS",
            ]
            return names[number] ?? "signal \(number)"
        }
    }

    /// What came back while waiting for a reply.
    enum Reply {
        case line(String)
        case ended(Termination)
        case timedOut
    }

    let pid: pid_t
    private var input: Int32
    private let output: Int32
    private var errors: Int32
    private var pending: [UInt8] = []
    private var finished: Termination?
    /// The last bytes the child wrote to standard error (a Swift fatal error message, say).
    private(set) var errorTail: [UInt8] = []

    private init(pid: pid_t, input: Int32, output: Int32, errors: Int32) {
        self.pid = pid
        self.input = input
        self.output = output
        self.errors = errors
    }

    deinit {
        if input >= 0 { close(input) }
        close(output)
        if errors >= 0 { close(errors) }
    }

    struct SpawnFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts `executable arguments…` with the current environment plus `extraEnvironment`.
    static func spawn(executable: String, arguments: [String], extraEnvironment: [String: String]) throws(SpawnFailure) -> WorkerProcess {
        // Pipes are made and marked close-on-exec under the same lock as the spawn, so no
        // worker started by another thread meanwhile inherits them.
        try spawning.withLock { _ throws(SpawnFailure) in
            try spawnLocked(executable: executable, arguments: arguments, extraEnvironment: extraEnvironment)
        }
    }

    private static let spawning = Mutex(())

    private static func makePipe() throws(SpawnFailure) -> [Int32] {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw SpawnFailure(description: "cannot make a pipe: \(OutputWriter.reason(errno))") }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return ends
    }

    private static func spawnLocked(executable: String, arguments: [String],
                                    extraEnvironment: [String: String]) throws(SpawnFailure) -> WorkerProcess {
        let toChild = try makePipe(), fromChild = try makePipe(), errorsFromChild = try makePipe()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errorsFromChild[1], 2)

        var environment = ProcessInfo.processInfo.environment
        for (key, value) in extraEnvironment { environment[key] = value }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        close(toChild[0])
        close(fromChild[1])
        close(errorsFromChild[1])
        guard status == 0 else {
            close(toChild[1])
            close(fromChild[0])
            close(errorsFromChild[0])
            throw SpawnFailure(description: "cannot start a worker process (\(executable)): \(OutputWriter.reason(status))")
        }
        return WorkerProcess(pid: pid, input: toChild[1], output: fromChild[0], errors: errorsFromChild[0])
    }

    /// Writes one line to the child's standard input; false when the child is gone.
    func send(_ line: String) -> Bool {
        var bytes = Array(line.utf8)
        bytes.append(UInt8(ascii: "\n"))
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(input, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return true
    }

    /// Waits for the next line on the child's standard output, at most `timeout` seconds
    /// (forever when nil), collecting its standard error meanwhile.
    func receive(timeout: Double?) -> Reply {
        errorTail.removeAll()
        let deadline = timeout.map { DispatchTime.now().uptimeNanoseconds + UInt64($0 * 1e9) }
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return .line(line)
            }
            var wait: Int32 = -1
            if let deadline {
                let now = DispatchTime.now().uptimeNanoseconds
                guard now < deadline else { return .timedOut }
                wait = Int32(min(UInt64(Int32.max), (deadline - now) / 1_000_000 + 1))
            }
            var descriptors = [pollfd(fd: output, events: Int16(POLLIN), revents: 0),
                               pollfd(fd: errors, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&descriptors, nfds_t(errors >= 0 ? 2 : 1), wait)
            if ready < 0 && errno == EINTR { continue }
            if ready == 0 { continue }
            if errors >= 0, descriptors[1].revents != 0, !drainErrors() {
                close(errors)
                errors = -1
            }
            if descriptors[0].revents != 0 {
                var buffer = [UInt8](repeating: 0, count: 65536)
                let count = buffer.withUnsafeMutableBytes { Glibc.read(output, $0.baseAddress!, $0.count) }
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { return .ended(collectEnd()) }
                pending += buffer[..<count]
            }
        }
    }

    /// Reads what is waiting on standard error into `errorTail`; false at end of file.
    private func drainErrors() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(errors, $0.baseAddress!, $0.count) }
        if count < 0 { return errno == EINTR || errno == EAGAIN }
        guard count > 0 else { return false }
        errorTail += buffer[..<count]
        if errorTail.count > 4096 { errorTail.removeFirst(errorTail.count - 4096) }
        return true
    }

    /// After the child closed its standard output: the rest of its standard error, then its end.
    private func collectEnd() -> Termination {
        while errors >= 0 {
            var descriptor = pollfd(fd: errors, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 2000) > 0, drainErrors() else { break }
        }
        return reap()
    }

    /// The last line the child wrote to standard error, if any.
    var lastErrorLine: String? {
        let text = String(decoding: errorTail, as: UTF8.self)
        return text.split(whereSeparator: \.isNewline).last.map { String($0).trimmingCharacters(in: .whitespaces) }
    }

    /// Kills the child at once and waits for it.
    @discardableResult
    func kill() -> Termination {
        if finished == nil { Glibc.kill(pid, SIGKILL) }
        return reap()
    }

    /// Closes the child's standard input, so it ends by itself, and waits for it.
    func finish() -> Termination {
        if input >= 0 {
            close(input)
            input = -1
        }
        return reap()
    }

    private func reap() -> Termination {
        if let finished { return finished }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let termination: Termination = status & 0x7f == 0 ? .exited((status >> 8) & 0xff) : .signaled(status & 0x7f)
        finished = termination
        return termination
    }
}
