import Foundation
import Testing

/// Every PDF in fixtures/faults/ once crashed, hung or stalled the converter: in one batch, with
/// a timeout far above what each needs now, none may crash, time out or fail internally.
@Suite("Faults: regression cases")
struct FaultRegressionTests {
    @Test("No committed fault case crashes, hangs or fails internally")
    func faultCasesStayFixed() throws {
        let faults = TestSupport.fixtures.appendingPathComponent("faults")
        let cases = try FileManager.default.contentsOfDirectory(atPath: faults.path).filter { $0.hasSuffix(".pdf") }
        try #require(!cases.isEmpty, "fixtures/faults/ has no cases")
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("report.json")
        let result = try BatchTestSupport.run([faults.path, "-o", folder.appendingPathComponent("out").path, "-q",
                                               "--format", "json", "--timeout", "8", "--report", report.path], deadline: 180)
        #expect([0, 1, 3].contains(result.status), "\(result.stderr)")
        let records = BatchTestSupport.records(try BatchTestSupport.report(report))
        #expect(records.count == cases.count)
        for (input, record) in records {
            let kind = record["error_kind"] as? String
            #expect(!["crashed", "timed_out", "internal_error"].contains(kind ?? ""), "\(input): \(record["error"] ?? "")")
        }
        let leaders = records.first { $0.key.hasSuffix("dot-leaders-backtracking.pdf") }?.value
        #expect(leaders?["status"] as? String == "converted")
    }
}
