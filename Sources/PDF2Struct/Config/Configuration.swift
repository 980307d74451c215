import Foundation

/// The whole tunable configuration: thresholds and rules with their defaults. Versioned, so a
/// saved file from an older release is recognised; dumped by `--dump-config`, read by `--config`.
public struct Configuration: Codable, Equatable, Sendable {
    /// Version of this configuration format.
    public static let currentVersion = 1

    public var version: Int = Configuration.currentVersion
    public var thresholds = Thresholds()
    public var recommendations = RecommendationRules()

    public init() {}

    /// Reads a configuration file; keys it omits keep their defaults.
    public static func load(from url: URL) throws -> Configuration {
        let data = try Data(contentsOf: url)
        let overrides = try JSONSerialization.jsonObject(with: data)
        guard let overrideObject = overrides as? [String: Any] else {
            throw ConfigurationError.notAnObject
        }
        let defaults = try JSONSerialization.jsonObject(with: encoder().encode(Configuration())) as! [String: Any]
        let merged = deepMerge(defaults, overrideObject)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let configuration = try decoder.decode(Configuration.self, from: JSONSerialization.data(withJSONObject: merged))
        guard configuration.version == currentVersion else {
            throw ConfigurationError.unsupportedVersion(configuration.version)
        }
        return configuration
    }

    /// The configuration as pretty JSON with sorted snake_case keys, like the output JSON.
    public func jsonText() -> String {
        String(decoding: (try? Self.encoder().encode(self)) ?? Data(), as: UTF8.self) + "\n"
    }

    private static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }

    private static func deepMerge(_ base: [String: Any], _ override: [String: Any]) -> [String: Any] {
        var result = base
        for (key, value) in override {
            if let inner = value as? [String: Any], let baseInner = base[key] as? [String: Any] {
                result[key] = deepMerge(baseInner, inner)
            } else {
                result[key] = value
            }
        }
        return result
    }
}

/// Why a configuration file was refused.
public enum ConfigurationError: Error, CustomStringConvertible {
    case notAnObject
    case unsupportedVersion(Int)

    public var description: String {
        switch self {
        case .notAnObject: return "the configuration file must hold a JSON object"
        case .unsupportedVersion(let v): return "configuration version \(v) is not supported (expected \(Configuration.currentVersion))"
        }
    }
}
