import Foundation
import PDF2Struct

/// Reads an input PDF whole, naming the cause of each way that can fail (no such file, a
/// folder, not a regular file, permission or I/O errors) in the words of the system.
enum InputFileReader {
    static func read(_ path: String) throws(ConversionFailure) -> Data {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT { throw ConversionFailure(.fileNotFound, "no such file") }
            if code == ENOTDIR { throw ConversionFailure(.fileNotFound, "no such file (a part of its path is not a folder)") }
            throw ConversionFailure(.unreadable, "cannot read file: \(OutputWriter.reason(code))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw ConversionFailure(.unreadable, "cannot read file: \(OutputWriter.reason(errno))")
        }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: throw ConversionFailure(.notAFile, "is a folder, not a PDF file")
        case S_IFREG: break
        default: throw ConversionFailure(.notAFile, "not a regular file")
        }
        var data = Data(count: Int(status.st_size))
        var filled = 0
        var failure: Int32 = 0
        data.withUnsafeMutableBytes { buffer in
            while filled < buffer.count {
                let count = Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                if count < 0 && errno == EINTR { continue }
                if count < 0 { failure = errno; return }
                if count == 0 { return }
                filled += count
            }
        }
        if failure != 0 { throw ConversionFailure(.unreadable, "cannot read file: \(OutputWriter.reason(failure))") }
        return filled == data.count ? data : data.prefix(filled)
    }
}
