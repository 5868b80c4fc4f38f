import CCairo

/// Decoded pixels of a figure or PNG: `width × height` pixels, row-major, 8-bit straight RGBA.
struct Bitmap: Sendable, Equatable {
    let width: Int
    let height: Int
    /// `4·width·height` bytes, RGBA per pixel, row 0 at the top.
    let rgba: [UInt8]

    /// One pixel's channels.
    struct Pixel: Sendable, Equatable {
        var r: UInt8, g: UInt8, b: UInt8, a: UInt8
        init(r: UInt8, g: UInt8, b: UInt8, a: UInt8 = 255) {
            self.r = r; self.g = g; self.b = b; self.a = a
        }
    }

    /// Pixels as given: `rgba` holds `4·width·height` bytes, straight RGBA, row 0 at the top.
    init(width: Int, height: Int, rgba: [UInt8]) {
        precondition(width >= 0 && height >= 0 && rgba.count == 4 * width * height, "rgba must hold 4·width·height bytes")
        self.width = width
        self.height = height
        self.rgba = rgba
    }

    /// Decodes PNG bytes with cairo.
    init(png bytes: [UInt8]) throws {
        let source = ByteSource(bytes)
        guard let s = cairo_image_surface_create_from_png_stream({ closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
            let source = Unmanaged<ByteSource>.fromOpaque(closure).takeUnretainedValue()
            let n = Int(length)
            guard source.offset + n <= source.bytes.count else { return CAIRO_STATUS_READ_ERROR }
            source.bytes.withUnsafeBufferPointer { buffer in
                data.update(from: buffer.baseAddress! + source.offset, count: n)
            }
            source.offset += n
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(source).toOpaque()) else {
            throw PlotError.invalidPNG("cairo returned no surface")
        }
        defer { cairo_surface_destroy(s) }
        let status = cairo_surface_status(s)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw PlotError.invalidPNG(String(cString: cairo_status_to_string(status)))
        }
        self.init(surface: s)
    }

    /// Copies an image surface (ARGB32, RGB24 or A8), un-premultiplying alpha.
    init(surface: OpaquePointer) {
        let w = Int(cairo_image_surface_get_width(surface))
        let h = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let format = cairo_image_surface_get_format(surface)
        var out = [UInt8](repeating: 0, count: 4 * w * h)
        if let data = cairo_image_surface_get_data(surface) {
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<h {
                    let row = data + y * stride
                    for x in 0..<w {
                        let o = 4 * (y * w + x)
                        if format == CAIRO_FORMAT_A8 {
                            dst[o + 3] = row[x]
                            continue
                        }
                        let p = UnsafeRawPointer(row + 4 * x).loadUnaligned(as: UInt32.self)
                        let a = format == CAIRO_FORMAT_RGB24 ? 255 : p >> 24
                        var r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff
                        if a > 0 && a < 255 {
                            r = min(255, (r * 255 + a / 2) / a)
                            g = min(255, (g * 255 + a / 2) / a)
                            b = min(255, (b * 255 + a / 2) / a)
                        }
                        dst[o] = UInt8(truncatingIfNeeded: r)
                        dst[o + 1] = UInt8(truncatingIfNeeded: g)
                        dst[o + 2] = UInt8(truncatingIfNeeded: b)
                        dst[o + 3] = UInt8(truncatingIfNeeded: a)
                    }
                }
            }
        }
        width = w
        height = h
        rgba = out
    }

    /// The pixel at column `x`, row `y` (row 0 at the top).
    subscript(x: Int, y: Int) -> Pixel {
        let o = 4 * (y * width + x)
        return Pixel(r: rgba[o], g: rgba[o + 1], b: rgba[o + 2], a: rgba[o + 3])
    }

    /// How many pixels in the rectangle `x0..<x1 × y0..<y1` (clamped to the image) satisfy `predicate`.
    func count(x0: Int = 0, y0: Int = 0, x1: Int? = nil, y1: Int? = nil,
               where predicate: (Pixel) -> Bool) -> Int {
        let xa = max(0, x0), ya = max(0, y0)
        let xb = min(width, x1 ?? width), yb = min(height, y1 ?? height)
        guard xa < xb, ya < yb else { return 0 }
        var n = 0
        for y in ya..<yb {
            for x in xa..<xb where predicate(self[x, y]) { n += 1 }
        }
        return n
    }

    /// The fraction of pixels that differ by more than `tolerance` in any channel (1 if the sizes differ).
    func differenceFraction(to other: Bitmap, tolerance: UInt8 = 0) -> Double {
        guard width == other.width, height == other.height else { return 1 }
        guard width * height > 0 else { return 0 }
        var differing = 0
        for i in 0..<(width * height) {
            let o = 4 * i
            for k in 0..<4 {
                let a = Int(rgba[o + k]), b = Int(other.rgba[o + k])
                if abs(a - b) > Int(tolerance) {
                    differing += 1
                    break
                }
            }
        }
        return Double(differing) / Double(width * height)
    }
}

/// Hands PNG bytes to cairo's reader in the chunks it asks for.
private final class ByteSource {
    let bytes: [UInt8]
    var offset = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }
}
