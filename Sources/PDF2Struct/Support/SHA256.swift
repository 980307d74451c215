import CSHA256
import Foundation

/// SHA-256 (FIPS 180-4) of a byte buffer, written out so the library needs no crypto package
/// for the one digest it records (`source.sha256`). Whole blocks are read in place from the
/// input; only the padded tail is copied. On x86 processors with the SHA extensions the blocks
/// go through those instructions (`CSHA256`), about ten times faster; the digest is the same.
public enum SHA256 {
    private static let blockSize = 64
    private static let rounds = 64
    /// The message length in bits closes the padding, big-endian in this many bytes.
    private static let lengthSize = 8

    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]
    private static let initialHash: [UInt32] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ]
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// The digest as 64 lower-case hex digits.
    public static func hex(of data: Data) -> String {
        let digest = digest(of: data)
        var text: [UInt8] = []
        text.reserveCapacity(2 * digest.count)
        for byte in digest {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Whether this processor's SHA instructions compress the blocks.
    public static let isAccelerated = p2s_sha256_accelerated()

    /// The 32-byte digest.
    public static func digest(of data: Data) -> [UInt8] {
        digest(of: data, accelerated: isAccelerated)
    }

    /// The digest through the SHA instructions or, with `accelerated: false`, the portable
    /// code; the tests compare the two.
    static func digest(of data: Data, accelerated: Bool) -> [UInt8] {
        var hash = initialHash
        data.withUnsafeBytes { message in
            let wholeBlocks = message.count / blockSize * blockSize
            // The last partial block, the 0x80 byte and the length: one block, or two when they do not fit.
            var tail = [UInt8](repeating: 0, count: 2 * blockSize)
            let tailCount = message.count - wholeBlocks
            if tailCount > 0 { tail.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: message[wholeBlocks...])) } }
            tail[tailCount] = 0x80
            let paddedTail = tailCount + 1 + lengthSize <= blockSize ? blockSize : 2 * blockSize
            let bitLength = UInt64(message.count) &* 8
            for index in 0..<lengthSize {
                tail[paddedTail - 1 - index] = UInt8(truncatingIfNeeded: bitLength >> UInt64(8 * index))
            }
            hash.withUnsafeMutableBufferPointer { hash in
                k.withUnsafeBufferPointer { k in
                    if accelerated, let state = hash.baseAddress {
                        if wholeBlocks > 0, let start = message.baseAddress {
                            p2s_sha256_blocks(state, start.assumingMemoryBound(to: UInt8.self), wholeBlocks / blockSize, k.baseAddress)
                        }
                        tail.withUnsafeBufferPointer { p2s_sha256_blocks(state, $0.baseAddress, paddedTail / blockSize, k.baseAddress) }
                        return
                    }
                    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: rounds) { schedule in
                        for offset in stride(from: 0, to: wholeBlocks, by: blockSize) {
                            compress(UnsafeRawBufferPointer(rebasing: message[offset..<offset + blockSize]), into: hash, k: k, schedule: schedule)
                        }
                        tail.withUnsafeBytes { tail in
                            for offset in stride(from: 0, to: paddedTail, by: blockSize) {
                                compress(UnsafeRawBufferPointer(rebasing: tail[offset..<offset + blockSize]), into: hash, k: k, schedule: schedule)
                            }
                        }
                    }
                }
            }
        }
        return hash.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> UInt32(24 - 8 * $0)) } }
    }

    /// Folds one 64-byte block into `hash`.
    @inline(__always)
    private static func compress(_ block: UnsafeRawBufferPointer, into hash: UnsafeMutableBufferPointer<UInt32>,
                                 k: UnsafeBufferPointer<UInt32>, schedule w: UnsafeMutableBufferPointer<UInt32>) {
        for i in 0..<16 {
            w[i] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))
        }
        for i in 16..<rounds {
            // σ0(x) = ror7 ^ ror18 ^ shr3 and σ1(x) = ror17 ^ ror19 ^ shr10, nesting the rotations.
            let x = w[i - 15], y = w[i - 2]
            let s0 = rotr(rotr(x, 11) ^ x, 7) ^ (x &>> 3)
            let s1 = rotr(rotr(y, 2) ^ y, 17) ^ (y &>> 10)
            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
        }
        var (a, b, c, d, e, f, g, h) = (hash[0], hash[1], hash[2], hash[3], hash[4], hash[5], hash[6], hash[7])
        // Eight rounds per pass, each with the working variables renamed one place on, so no
        // round has to shift all eight of them. `bc` carries b ^ c into the next round's majority.
        var bc = b ^ c
        for i in stride(from: 0, to: rounds, by: 8) {
            round(a, b, &d, e, f, g, &h, &bc, k[i] &+ w[i])
            round(h, a, &c, d, e, f, &g, &bc, k[i + 1] &+ w[i + 1])
            round(g, h, &b, c, d, e, &f, &bc, k[i + 2] &+ w[i + 2])
            round(f, g, &a, b, c, d, &e, &bc, k[i + 3] &+ w[i + 3])
            round(e, f, &h, a, b, c, &d, &bc, k[i + 4] &+ w[i + 4])
            round(d, e, &g, h, a, b, &c, &bc, k[i + 5] &+ w[i + 5])
            round(c, d, &f, g, h, a, &b, &bc, k[i + 6] &+ w[i + 6])
            round(b, c, &e, f, g, h, &a, &bc, k[i + 7] &+ w[i + 7])
        }
        hash[0] &+= a; hash[1] &+= b; hash[2] &+= c; hash[3] &+= d
        hash[4] &+= e; hash[5] &+= f; hash[6] &+= g; hash[7] &+= h
    }

    /// One round: `d` takes the new `e`, `h` the new `a` (FIPS 180-4, 6.2.2 step 3). The majority
    /// of a, b, c is b ^ ((a ^ b) & (b ^ c)), with b ^ c handed over by the round before.
    @inline(__always)
    private static func round(_ a: UInt32, _ b: UInt32, _ d: inout UInt32, _ e: UInt32, _ f: UInt32, _ g: UInt32,
                              _ h: inout UInt32, _ bc: inout UInt32, _ constantPlusWord: UInt32) {
        // Σ1(e) = ror6 ^ ror11 ^ ror25 and Σ0(a) = ror2 ^ ror13 ^ ror22, nesting the rotations.
        let sigma1 = rotr(rotr(rotr(e, 14) ^ e, 5) ^ e, 6)
        let choose = g ^ (e & (f ^ g))
        let t1 = h &+ sigma1 &+ choose &+ constantPlusWord
        let sigma0 = rotr(rotr(rotr(a, 9) ^ a, 11) ^ a, 2)
        let ab = a ^ b
        let majority = b ^ (ab & bc)
        bc = ab
        d = d &+ t1
        h = t1 &+ sigma0 &+ majority
    }

    @inline(__always)
    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x &>> n) | (x &<< (32 - n)) }
}
