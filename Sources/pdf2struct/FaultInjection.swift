import Foundation

/// Faults the isolation tests inject into a worker process, read from its environment:
/// `PDF2STRUCT_TEST_CRASH=NAME` makes it die of SIGSEGV, and `PDF2STRUCT_TEST_HANG=NAME` makes
/// it sleep forever, when it starts on an input whose file name is NAME — standing in for a
/// crash or an endless loop inside poppler. `PDF2STRUCT_TEST_SLOW_START=SECONDS` makes a worker
/// wait that long before it reads its first job, as a worker still loading its libraries does.
/// Unset, as outside the tests, they do nothing.
enum FaultInjection {
    static func applyAtStart() {
        if let seconds = ProcessInfo.processInfo.environment["PDF2STRUCT_TEST_SLOW_START"].flatMap(UInt32.init) {
            sleep(seconds)
        }
    }

    static func apply(toInputs paths: [String]) {
        let environment = ProcessInfo.processInfo.environment
        let names = Set(paths.map { URL(fileURLWithPath: $0).lastPathComponent })
        if let crash = environment["PDF2STRUCT_TEST_CRASH"], names.contains(crash) {
            signal(SIGSEGV, SIG_DFL)
            raise(SIGSEGV)
        }
        if let hang = environment["PDF2STRUCT_TEST_HANG"], names.contains(hang) {
            while true { sleep(3600) }
        }
    }
}
