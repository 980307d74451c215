/// A JSON value whose objects keep their keys in the order written, and whose numbers are
/// printed with a fixed number of decimals, so the same document always serialises to the same
/// bytes.
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    /// A number printed with exactly `decimals` digits after the point.
    case number(Double, decimals: Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }

    /// A string, or null for nil.
    public static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// Pretty-printed with two-space indents and a final newline.
    public func serialized() -> String {
        var writer = JSONWriter(capacity: Self.initialCapacity)
        writer.value(self)
        return String(decoding: writer.finish(), as: UTF8.self)
    }

    /// Room reserved up front; the buffer grows by doubling beyond it.
    private static let initialCapacity = 1 << 12
}
