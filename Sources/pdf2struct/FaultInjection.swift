import Foundation

/// Faults the isolation tests inject into a worker process, read from its environment:
/// `PDF2STRUCT_TEST_CRASH=NAME` makes it die of SIGSEGV, and `PDF2STRUCT_TEST_HANG=NAME` makes
/// it sleep forever, when it starts on an input whose file name is NAME — standing in for a
/// crash or an endless loop inside poppler. `PDF2STRUCT_TEST_SLOW_START=SECONDS` makes a worker
/// wait that long before it reads its first job, as a worker still loading its libraries does.
/// Unset, as outside the tests, they do nothing.
///
/// The variables are read with `getenv`, once: building `ProcessInfo`'s environment dictionary
/// for each job cost 0.4% of converting a folder of short reports, and 0.8 M instructions at
/// every worker's start.
enum FaultInjection {
    private static let crashName = value(of: "PDF2STRUCT_TEST_CRASH")
    private static let hangName = value(of: "PDF2STRUCT_TEST_HANG")

    private static func value(of name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    static func applyAtStart() {
        if let seconds = value(of: "PDF2STRUCT_TEST_SLOW_START").flatMap(UInt32.init) {
            sleep(seconds)
        }
    }

    static func apply(toInputs paths: [String]) {
        guard crashName != nil || hangName != nil else { return }
        let names = Set(paths.map { URL(fileURLWithPath: $0).lastPathComponent })
        if let crash = crashName, names.contains(crash) {
            signal(SIGSEGV, SIG_DFL)
            raise(SIGSEGV)
        }
        if let hang = hangName, names.contains(hang) {
            while true { sleep(3600) }
        }
    }
}
