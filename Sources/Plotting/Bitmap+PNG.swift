import CCairo

extension Bitmap {
    /// The pixels encoded as PNG through a cairo ARGB32 surface (alpha premultiplied on the way in).
    func pngBytes() throws -> [UInt8] {
        let bitmap = self
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(bitmap.width), Int32(bitmap.height))
        else { throw PlotError.cairo("cannot create an image surface") }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(surface)
        else { throw PlotError.cairo(String(cString: cairo_status_to_string(cairo_surface_status(surface)))) }
        let stride = Int(cairo_image_surface_get_stride(surface))
        cairo_surface_flush(surface)
        for y in 0..<bitmap.height {
            let row = UnsafeMutableRawPointer(data + y * stride)
            for x in 0..<bitmap.width {
                let p = bitmap[x, y]
                let a = UInt32(p.a)
                func pre(_ c: UInt8) -> UInt32 { (UInt32(c) * a + 127) / 255 }
                let value = (a << 24) | (pre(p.r) << 16) | (pre(p.g) << 8) | pre(p.b)
                row.storeBytes(of: value, toByteOffset: 4 * x, as: UInt32.self)
            }
        }
        cairo_surface_mark_dirty(surface)
        let sink = PNGSink()
        let status = cairo_surface_write_to_png_stream(surface, { closure, bytes, length in
            guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<PNGSink>.fromOpaque(closure).takeUnretainedValue().bytes
                .append(contentsOf: UnsafeBufferPointer(start: bytes, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque())
        guard status == CAIRO_STATUS_SUCCESS else { throw PlotError.cairo(String(cString: cairo_status_to_string(status))) }
        return sink.bytes
    }
}

/// Collects the bytes cairo's PNG writer hands out.
private final class PNGSink {
    var bytes: [UInt8] = []
}
