/// The patterns that mark recommendations: data, not code, so users extend them with
/// `--config FILE`. Patterns are regular expressions (ICU syntax, matched case-insensitively).
public struct RecommendationRules: Codable, Equatable, Sendable {
    /// A heading matching one of these names a recommendations section: its list items, its
    /// paragraphs opening with a bold lead-in and its labelled paragraphs are recommendations.
    public var sectionHeadings: [String] = [
        #"\brecommendations?\b"#,
        #"\bwhat\b.{0,40}\b(should|must|can|needs? to|ought to)\b.{0,20}\bdo\b"#,
    ]
    /// A paragraph or list item opening with one of these is a recommendation wherever it stands.
    public var openings: [String] = [
        #"^recommendation\s+(no\.?\s*)?[0-9ivxlc]+[a-z]?\s*[:.\-)–—]"#,
        #"^we (strongly )?recommend\b"#,
    ]
    /// A sentence matching one of these, inside running prose, is itself a recommendation.
    public var sentences: [String] = [
        #"\b(report|study|review|audit|commission|panel|committee|board|gao|we)\b[^.;]{0,80}\b(recommended|recommends|urged|urges)\s+that\b"#,
    ]

    public init() {}
}
