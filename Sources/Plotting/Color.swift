import Foundation

/// An sRGB colour with straight (non-premultiplied) alpha; every channel is in [0, 1].
public struct Color: Sendable, Codable, Hashable {
    /// Red, 0…1.
    public var red: Double
    /// Green, 0…1.
    public var green: Double
    /// Blue, 0…1.
    public var blue: Double
    /// Opacity, 0…1.
    public var alpha: Double

    /// A colour from channels in [0, 1] (values outside are clamped when drawn).
    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// A colour from a 24-bit `0xRRGGBB` value, e.g. `Color(hex: 0x1f77b4)`.
    public init(hex: UInt32, alpha: Double = 1) {
        red = Double((hex >> 16) & 0xff) / 255
        green = Double((hex >> 8) & 0xff) / 255
        blue = Double(hex & 0xff) / 255
        self.alpha = alpha
    }

    /// The same colour with another alpha.
    func withAlpha(_ alpha: Double) -> Color {
        Color(red: red, green: green, blue: blue, alpha: alpha)
    }

    /// Relative luminance `0.2126 R + 0.7152 G + 0.0722 B` of the linearised sRGB channels, in [0, 1];
    /// used to pick black or white text on a coloured cell.
    var luminance: Double {
        func lin(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * lin(red) + 0.7152 * lin(green) + 0.0722 * lin(blue)
    }

    /// Linear interpolation `(1 − t)·a + t·b` per channel, `t` in [0, 1].
    public static func mix(_ a: Color, _ b: Color, _ t: Double) -> Color {
        Color(red: a.red + (b.red - a.red) * t,
              green: a.green + (b.green - a.green) * t,
              blue: a.blue + (b.blue - a.blue) * t,
              alpha: a.alpha + (b.alpha - a.alpha) * t)
    }

    /// Opaque white.
    public static let white = Color(hex: 0xffffff)
    static let black = Color(hex: 0x000000)
    /// Text and axis ink (matplotlib's near-black).
    static let ink = Color(hex: 0x262626)
    /// Light grey used for gridlines.
    static let gridGray = Color(hex: 0xe6e6e6)
    static let gray = Color(hex: 0x7f7f7f)
    /// Green and red used for "correct" / "wrong" titles in prediction galleries.
    static let correctGreen = Color(hex: 0x2ca02c)
    static let wrongRed = Color(hex: 0xd62728)
}

/// Categorical colour cycles.
enum Palette {
    /// matplotlib's `tab10` (Tableau 10) cycle: blue, orange, green, red, purple, brown, pink,
    /// grey, olive, cyan.
    static let tab10: [Color] = [
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
        0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf,
    ].map { Color(hex: $0) }

    /// The `i`-th colour of `tab10`, cycling: `tab10[i mod 10]`.
    static func color(_ index: Int) -> Color {
        let n = tab10.count
        return tab10[((index % n) + n) % n]
    }
}
