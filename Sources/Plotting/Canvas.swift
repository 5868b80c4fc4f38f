import CCairo
import Foundation

/// A rectangle in points, origin at the top-left, y growing downwards.
struct Rect: Sendable, Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double
    var minX: Double { x }
    var maxX: Double { x + width }
    var minY: Double { y }
    var maxY: Double { y + height }
    var midX: Double { x + width / 2 }
    var midY: Double { y + height / 2 }

    func contains(_ px: Double, _ py: Double) -> Bool {
        px >= minX && px <= maxX && py >= minY && py <= maxY
    }

    func intersects(_ o: Rect) -> Bool {
        minX < o.maxX && o.minX < maxX && minY < o.maxY && o.minY < maxY
    }
}

/// A cairo ARGB32 image surface of `width·scale × height·scale` pixels drawn in points,
/// with the text helpers the layout needs (DejaVu Sans through cairo's toy font API,
/// greyscale antialiasing, no hinting, so glyph placement does not depend on the pixel grid).
final class Canvas {
    static let fontFamily = "DejaVu Sans"
    static let maxPixels = 16384

    let surface: OpaquePointer
    let cr: OpaquePointer
    let width: Double
    let height: Double
    let scale: Double
    private var capHeights: [Double: Double] = [:]
    private var descents: [Double: Double] = [:]

    init(width: Double, height: Double, scale: Double, background: Color) throws {
        let pw = (width * scale).rounded()
        let ph = (height * scale).rounded()
        guard width.isFinite, height.isFinite, scale.isFinite, scale > 0, pw >= 1, ph >= 1,
              pw <= Double(Canvas.maxPixels), ph <= Double(Canvas.maxPixels) else {
            throw PlotError.invalidSize(width: width, height: height, scale: scale)
        }
        guard let s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(pw), Int32(ph)) else {
            throw PlotError.cairo("cannot create an image surface")
        }
        let status = cairo_surface_status(s)
        if status != CAIRO_STATUS_SUCCESS {
            cairo_surface_destroy(s)
            throw PlotError.cairo(String(cString: cairo_status_to_string(status)))
        }
        cairo_surface_set_device_scale(s, scale, scale)
        guard let c = cairo_create(s) else {
            cairo_surface_destroy(s)
            throw PlotError.cairo("cannot create a drawing context")
        }
        surface = s
        cr = c
        self.width = width
        self.height = height
        self.scale = scale
        let options = cairo_font_options_create()
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_set_font_options(cr, options)
        cairo_font_options_destroy(options)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
        setColor(background)
        cairo_paint(cr)
    }

    deinit {
        cairo_destroy(cr)
        cairo_surface_destroy(surface)
    }

    // MARK: - State

    func setColor(_ c: Color) {
        cairo_set_source_rgba(cr, clamp01(c.red), clamp01(c.green), clamp01(c.blue), clamp01(c.alpha))
    }

    func save() { cairo_save(cr) }
    func restore() { cairo_restore(cr) }

    func clip(_ r: Rect) {
        cairo_rectangle(cr, r.x, r.y, r.width, r.height)
        cairo_clip(cr)
    }

    func setLine(width: Double, dash: LineDash) {
        cairo_set_line_width(cr, width)
        let lengths = dash.lengths(width: width)
        if lengths.isEmpty {
            cairo_set_dash(cr, nil, 0, 0)
        } else {
            lengths.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
        }
    }

    /// Rounds a coordinate to the nearest device-pixel boundary.
    func snap(_ v: Double) -> Double { (v * scale).rounded() / scale }

    /// Rounds a coordinate to the centre of a device pixel (for crisp odd-pixel-wide lines).
    func snapCenter(_ v: Double, lineWidth: Double) -> Double {
        let px = (lineWidth * scale).rounded()
        if Int(px) % 2 == 1 { return ((v * scale).rounded(.down) + 0.5) / scale }
        return snap(v)
    }

    // MARK: - Shapes

    func fill(_ r: Rect, _ color: Color) {
        setColor(color)
        cairo_rectangle(cr, r.x, r.y, r.width, r.height)
        cairo_fill(cr)
    }

    func stroke(_ r: Rect, _ color: Color, width: Double) {
        setColor(color)
        setLine(width: width, dash: .solid)
        cairo_rectangle(cr, r.x, r.y, r.width, r.height)
        cairo_stroke(cr)
    }

    func segment(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, color: Color, width: Double,
                 dash: LineDash = .solid) {
        setColor(color)
        setLine(width: width, dash: dash)
        cairo_move_to(cr, x0, y0)
        cairo_line_to(cr, x1, y1)
        cairo_stroke(cr)
    }

    /// Strokes connected runs of points; `nil` entries break the line.
    func polyline(_ points: [(Double, Double)?], color: Color, width: Double, dash: LineDash) {
        setColor(color)
        setLine(width: width, dash: dash)
        var open = false
        for p in points {
            guard let (x, y) = p else {
                open = false
                continue
            }
            if open { cairo_line_to(cr, x, y) } else { cairo_move_to(cr, x, y) }
            open = true
        }
        cairo_stroke(cr)
    }

    /// Fills the polygon through `points`.
    func polygon(_ points: [(Double, Double)], color: Color) {
        guard let first = points.first else { return }
        setColor(color)
        cairo_move_to(cr, first.0, first.1)
        for p in points.dropFirst() { cairo_line_to(cr, p.0, p.1) }
        cairo_close_path(cr)
        cairo_fill(cr)
    }

    /// Adds one marker outline of diameter `size` at `(x, y)` to the current path.
    func addMarker(_ marker: Marker, x: Double, y: Double, size: Double) {
        let r = size / 2
        switch marker {
        case .none:
            return
        case .circle:
            cairo_new_sub_path(cr)
            cairo_arc(cr, x, y, r, 0, 2 * Double.pi)
            cairo_close_path(cr)
        case .square:
            let h = r * 0.9
            cairo_rectangle(cr, x - h, y - h, 2 * h, 2 * h)
        case .diamond:
            cairo_move_to(cr, x, y - r * 1.15)
            cairo_line_to(cr, x + r * 0.8, y)
            cairo_line_to(cr, x, y + r * 1.15)
            cairo_line_to(cr, x - r * 0.8, y)
            cairo_close_path(cr)
        case .triangle:
            cairo_move_to(cr, x, y - r * 1.1)
            cairo_line_to(cr, x + r, y + r * 0.75)
            cairo_line_to(cr, x - r, y + r * 0.75)
            cairo_close_path(cr)
        case .tick:
            let w = max(1 / scale, size * 0.18)
            cairo_rectangle(cr, x - w / 2, y - r, w, size)
        }
    }

    /// Fills markers at all points, with an optional white edge that separates overlapping markers.
    func markers(_ marker: Marker, at points: [(Double, Double)], size: Double, color: Color, edge: Color?) {
        guard marker != .none, !points.isEmpty else { return }
        for (x, y) in points { addMarker(marker, x: x, y: y, size: size) }
        setColor(color)
        if let edge {
            cairo_fill_preserve(cr)
            setColor(edge)
            setLine(width: max(0.5, size * 0.1), dash: .solid)
            cairo_stroke(cr)
        } else {
            cairo_fill(cr)
        }
    }

    /// Fills many axis-aligned rectangles in one path (fast for rasters).
    func fillRects(_ rects: [Rect], color: Color) {
        guard !rects.isEmpty else { return }
        for r in rects { cairo_rectangle(cr, r.x, r.y, r.width, r.height) }
        setColor(color)
        cairo_fill(cr)
    }

    /// Draws a `columns × rows` ARGB image (row-major colours, row 0 first) so that its pixel
    /// (0, 0) corner lands at `(x0, y0)` and its opposite corner at `(x1, y1)` (either may be flipped),
    /// with nearest-neighbour sampling (sharp cells) or bilinear `smooth` sampling.
    func image(colors: [Color], columns: Int, rows: Int, x0: Double, y0: Double, x1: Double, y1: Double,
               smooth: Bool = false) {
        guard columns > 0, rows > 0, colors.count >= columns * rows else { return }
        guard let img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(columns), Int32(rows)) else { return }
        defer { cairo_surface_destroy(img) }
        guard cairo_surface_status(img) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(img) else {
            return
        }
        cairo_surface_flush(img)
        let stride = Int(cairo_image_surface_get_stride(img))
        for r in 0..<rows {
            let row = (data + r * stride).withMemoryRebound(to: UInt32.self, capacity: columns) { $0 }
            for c in 0..<columns {
                row[c] = Canvas.premultiplied(colors[r * columns + c])
            }
        }
        cairo_surface_mark_dirty(img)
        save()
        cairo_translate(cr, x0, y0)
        cairo_scale(cr, (x1 - x0) / Double(columns), (y1 - y0) / Double(rows))
        cairo_set_source_surface(cr, img, 0, 0)
        let pattern = cairo_get_source(cr)
        cairo_pattern_set_filter(pattern, smooth ? CAIRO_FILTER_BILINEAR : CAIRO_FILTER_NEAREST)
        cairo_pattern_set_extend(pattern, CAIRO_EXTEND_PAD)
        cairo_rectangle(cr, 0, 0, Double(columns), Double(rows))
        cairo_fill(cr)
        restore()
    }

    static func premultiplied(_ c: Color) -> UInt32 {
        let a = clamp01(c.alpha)
        let r = UInt32((clamp01(c.red) * a * 255).rounded())
        let g = UInt32((clamp01(c.green) * a * 255).rounded())
        let b = UInt32((clamp01(c.blue) * a * 255).rounded())
        let aa = UInt32((a * 255).rounded())
        return aa << 24 | r << 16 | g << 8 | b
    }

    // MARK: - Text

    private func selectFont(size: Double, bold: Bool) {
        cairo_select_font_face(cr, Canvas.fontFamily, CAIRO_FONT_SLANT_NORMAL,
                               bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, size)
    }

    /// The advance width of `text` in points.
    func textWidth(_ text: String, size: Double, bold: Bool = false) -> Double {
        if text.isEmpty { return 0 }
        selectFont(size: size, bold: bold)
        var e = cairo_text_extents_t()
        cairo_text_extents(cr, text, &e)
        return e.x_advance
    }

    /// Height of capital letters above the baseline.
    func capHeight(size: Double) -> Double {
        if let h = capHeights[size] { return h }
        selectFont(size: size, bold: false)
        var e = cairo_text_extents_t()
        cairo_text_extents(cr, "H", &e)
        let h = -e.y_bearing
        capHeights[size] = h
        return h
    }

    /// Depth of descenders below the baseline.
    func descent(size: Double) -> Double {
        if let d = descents[size] { return d }
        selectFont(size: size, bold: false)
        var e = cairo_font_extents_t()
        cairo_font_extents(cr, &e)
        descents[size] = e.descent
        return e.descent
    }

    /// Height of one line of text (cap height plus descent), used for layout.
    func textHeight(size: Double) -> Double { capHeight(size: size) + descent(size: size) }

    /// Draws `text` anchored at `(x, y)`, rotated `rotation` degrees counter-clockwise about the anchor.
    func text(_ text: String, x: Double, y: Double, size: Double, color: Color, bold: Bool = false,
              horizontal: HorizontalAlignment = .left, vertical: VerticalAlignment = .baseline,
              rotation: Double = 0) {
        if text.isEmpty { return }
        let w = textWidth(text, size: size, bold: bold)
        let dx: Double
        switch horizontal {
        case .left: dx = 0
        case .center: dx = -w / 2
        case .right: dx = -w
        }
        let dy: Double
        switch vertical {
        case .top: dy = capHeight(size: size)
        case .center: dy = capHeight(size: size) / 2
        case .baseline: dy = 0
        case .bottom: dy = -descent(size: size)
        }
        selectFont(size: size, bold: bold)
        setColor(color)
        save()
        cairo_translate(cr, x, y)
        if rotation != 0 { cairo_rotate(cr, -rotation * Double.pi / 180) }
        cairo_move_to(cr, dx, dy)
        cairo_show_text(cr, text)
        cairo_new_path(cr)
        restore()
    }

    // MARK: - Output

    /// The surface encoded as PNG (cairo writes no timestamps, so equal pixels give equal bytes).
    func pngBytes() throws -> [UInt8] {
        cairo_surface_flush(surface)
        let sink = ByteSink()
        let status = cairo_surface_write_to_png_stream(surface, { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque())
        guard status == CAIRO_STATUS_SUCCESS else {
            throw PlotError.cairo(String(cString: cairo_status_to_string(status)))
        }
        return sink.bytes
    }

    func bitmap() -> Bitmap {
        cairo_surface_flush(surface)
        return Bitmap(surface: surface)
    }
}

/// Collects the bytes cairo's PNG writer hands out.
private final class ByteSink {
    var bytes: [UInt8] = []
}

func clamp01(_ v: Double) -> Double { v.isNaN ? 0 : min(max(v, 0), 1) }
