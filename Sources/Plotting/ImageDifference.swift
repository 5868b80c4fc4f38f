import CCairo
import Foundation

/// How two images differ: the root-mean-square difference over all pixels and the R, G, B and A
/// channels, each scaled to 0…1 (0: the same pixels, 1: every channel flipped from 0 to 255). Images of
/// different sizes are not compared pixel by pixel: `rms` is 1 and `sizeChanged` is set.
public struct ImageDifference: Sendable, Equatable {
    /// Root-mean-square channel difference, 0…1 (1 when the sizes differ).
    public var rms: Double
    /// Pixels with any channel different (0 when the sizes differ).
    var changedPixels: Int
    /// Size of image A in pixels.
    public var widthA: Int, heightA: Int
    /// Size of image B in pixels.
    public var widthB: Int, heightB: Int
    /// Whether the two images differ in size.
    public var sizeChanged: Bool { widthA != widthB || heightA != heightB }

    init(_ a: Bitmap, _ b: Bitmap) {
        widthA = a.width; heightA = a.height
        widthB = b.width; heightB = b.height
        guard a.width == b.width, a.height == b.height else {
            rms = 1
            changedPixels = 0
            return
        }
        var sum = 0.0
        var changed = 0
        for i in 0..<(a.width * a.height) {
            var pixelChanged = false
            for k in 0..<4 {
                let d = Int(a.rgba[4 * i + k]) - Int(b.rgba[4 * i + k])
                if d != 0 { pixelChanged = true }
                sum += Double(d * d)
            }
            if pixelChanged { changed += 1 }
        }
        let n = Double(4 * a.width * a.height)
        rms = n > 0 ? (sum / n).squareRoot() / 255 : 0
        changedPixels = changed
    }

    /// Compares two PNG files.
    public init(pngAt a: String, _ b: String) throws {
        self.init(try Self.bitmap(at: a), try Self.bitmap(at: b))
    }

    /// Writes a PNG of the larger of the two sizes showing where B differs from A: A in light grey,
    /// every changed pixel in red, amplified so that even a one-level change is clearly visible
    /// (opacity 0.5 + 0.5·(largest channel difference / 255)·8, at most 1); pixels outside one of the two
    /// images (a size change) are red too.
    public static func writeDifferencePicture(a: String, b: String, to path: String) throws {
        let picture = differencePicture(try bitmap(at: a), try bitmap(at: b))
        try Figure.writeAtomically(try picture.pngBytes(), to: path, createFolder: true)
    }

    /// The difference picture's pixels (see `writeDifferencePicture`), straight RGBA.
    static func differencePicture(_ a: Bitmap, _ b: Bitmap) -> Bitmap {
        let w = max(a.width, b.width), h = max(a.height, b.height)
        var out = [UInt8](repeating: 255, count: 4 * w * h)
        for y in 0..<h {
            for x in 0..<w {
                let o = 4 * (y * w + x)
                let inA = x < a.width && y < a.height, inB = x < b.width && y < b.height
                guard inA else { setRed(&out, o, strength: 1); continue }
                let pa = a[x, y]
                // Luminance composited on white, lightened so the red marks stand out.
                let alpha = Double(pa.a) / 255
                let lum = (0.2126 * Double(pa.r) + 0.7152 * Double(pa.g) + 0.0722 * Double(pa.b)) * alpha + 255 * (1 - alpha)
                let grey = UInt8((155 + lum * 100 / 255).rounded())
                out[o] = grey; out[o + 1] = grey; out[o + 2] = grey; out[o + 3] = 255
                guard inB else { setRed(&out, o, strength: 1); continue }
                let pb = b[x, y]
                let d = max(absDiff(pa.r, pb.r), absDiff(pa.g, pb.g), absDiff(pa.b, pb.b), absDiff(pa.a, pb.a))
                if d > 0 { setRed(&out, o, strength: min(1, 0.5 + 0.5 * Double(d) / 255 * 8)) }
            }
        }
        return Bitmap(width: w, height: h, rgba: out)
    }

    private static func absDiff(_ x: UInt8, _ y: UInt8) -> Int { abs(Int(x) - Int(y)) }

    /// Blends pure red over the pixel at byte offset `o` with opacity `strength`.
    private static func setRed(_ out: inout [UInt8], _ o: Int, strength s: Double) {
        out[o] = UInt8((Double(out[o]) * (1 - s) + 255 * s).rounded())
        out[o + 1] = UInt8((Double(out[o + 1]) * (1 - s)).rounded())
        out[o + 2] = UInt8((Double(out[o + 2]) * (1 - s)).rounded())
        out[o + 3] = 255
    }

    static func bitmap(at path: String) throws -> Bitmap {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PlotError.invalidPNG("cannot read \(path)")
        }
        do { return try Bitmap(png: [UInt8](data)) } catch PlotError.invalidPNG(let reason) {
            throw PlotError.invalidPNG("\(path): \(reason)")
        }
    }
}
