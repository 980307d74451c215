/// `--shard K/N`: the K-th of N disjoint parts of a batch (1 ≤ K ≤ N). An input belongs to shard
/// `1 + FNV-1a-64(relative path) mod N`, so the choice depends only on the input's path below
/// its root — not on the machine, the order of arguments or the other inputs — and the N shards
/// of the same inputs cover each of them exactly once.
public struct Shard: Equatable, Sendable, CustomStringConvertible {
    /// 1-based index of this shard.
    public let index: Int
    /// Number of shards, at least 1.
    public let count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Parses `K/N`.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else { return nil }
        self.init(index: k, count: n)
    }

    public func contains(_ relativePath: String) -> Bool {
        Int(Self.fnv1a64(relativePath) % UInt64(count)) + 1 == index
    }

    public var description: String { "\(index)/\(count)" }

    /// 64-bit FNV-1a of the UTF-8 bytes: small, stable across platforms and releases.
    static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
