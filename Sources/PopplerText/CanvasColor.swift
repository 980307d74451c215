/// A colour to draw with: red, green, blue and alpha from 0 to 1, not premultiplied.
public struct CanvasColor: Equatable, Hashable, Sendable {
    public var red: Double
    public var green: Double
    public var blue: Double
    public var alpha: Double

    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// A colour from `0xRRGGBB`, as written in CSS.
    public init(rgb: UInt32, alpha: Double = 1) {
        self.init(red: Double((rgb >> 16) & 0xFF) / 255, green: Double((rgb >> 8) & 0xFF) / 255,
                  blue: Double(rgb & 0xFF) / 255, alpha: alpha)
    }

    public static let white = CanvasColor(rgb: 0xFFFFFF)
    public static let black = CanvasColor(rgb: 0x000000)

    /// The same colour with another opacity.
    public func opacity(_ alpha: Double) -> CanvasColor {
        CanvasColor(red: red, green: green, blue: blue, alpha: alpha)
    }

    /// `#rrggbb`, ignoring alpha, for CSS.
    public var cssHex: String {
        let digits = [red, green, blue].map { component -> String in
            let byte = Int((min(max(component, 0), 1) * 255).rounded())
            return (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }
        return "#" + digits.joined()
    }

    /// The largest difference of any channel from `other`, in 0…1; alpha included.
    public func distance(to other: CanvasColor) -> Double {
        max(abs(red - other.red), abs(green - other.green), abs(blue - other.blue), abs(alpha - other.alpha))
    }
}
