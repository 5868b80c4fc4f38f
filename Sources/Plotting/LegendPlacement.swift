import Foundation

/// Where the data lies on screen, for choosing a legend position that hides as little as possible.
extension Axes {
    /// Sample points along lines and reference lines, scatter and spike positions (a subset), and
    /// the rectangles of bars, images and text labels, all in points for `box`.
    func dataFootprint(box: Rect, limits: (x: ClosedRange<Double>, y: ClosedRange<Double>),
                       canvas: Canvas) -> (points: [(Double, Double)], rects: [Rect]) {
        let xMap = AxisMap(limits.x, from: box.minX, to: box.maxX, log: xScale == .log)
        let yMap = AxisMap(limits.y, from: yInverted ? box.minY : box.maxY, to: yInverted ? box.maxY : box.minY,
                           log: yScale == .log)
        var points: [(Double, Double)] = []
        var rects: [Rect] = []
        for mark in marks {
            switch mark {
            case .line(let m):
                let pts: [(Double, Double)?] = zip(m.x, m.y).map { x, y in
                    if let px = xMap(x), let py = yMap(y) { return (px, py) }
                    return nil
                }
                Axes.sampleSegments(pts, into: &points)
            case .scatter(let m):
                for (x, y) in zip(m.x, m.y) {
                    if let px = xMap(x), let py = yMap(y) { points.append((px, py)) }
                }
            case .bars(let m):
                for (x, h) in zip(m.x, m.heights) {
                    guard let xa = xMap(x - m.width / 2), let xb = xMap(x + m.width / 2),
                          let ya = yMap(m.bottom), let yb = yMap(m.bottom + h) else { continue }
                    rects.append(Rect(x: min(xa, xb), y: min(ya, yb), width: abs(xb - xa), height: abs(yb - ya)))
                }
            case .band(let m):
                for i in 0..<m.x.count {
                    guard let px = xMap(m.x[i]) else { continue }
                    if let a = yMap(m.lower[i]) { points.append((px, a)) }
                    if let b = yMap(m.upper[i]) { points.append((px, b)) }
                }
            case .referenceLine(let m):
                if m.horizontal, let y = yMap(m.value) {
                    var x = box.minX
                    while x <= box.maxX {
                        points.append((x, y))
                        x += 6
                    }
                } else if !m.horizontal, let x = xMap(m.value) {
                    var y = box.minY
                    while y <= box.maxY {
                        points.append((x, y))
                        y += 6
                    }
                }
            case .image:
                rects.append(box)
            case .text(let m):
                guard let (px, py) = m.anchor(in: box, xMap: xMap, yMap: yMap), m.rotation == 0 else { continue }
                let w = canvas.textWidth(m.text, size: m.size, bold: m.bold)
                let cap = canvas.capHeight(size: m.size), desc = canvas.descent(size: m.size)
                let x0: Double
                switch m.horizontal {
                case .left: x0 = px
                case .center: x0 = px - w / 2
                case .right: x0 = px - w
                }
                let baseline: Double
                switch m.vertical {
                case .top: baseline = py + cap
                case .center: baseline = py + cap / 2
                case .baseline: baseline = py
                case .bottom: baseline = py - desc
                }
                rects.append(Rect(x: x0 + m.offsetX, y: baseline - cap - m.offsetY, width: w, height: cap + desc))
            case .spikes(let m):
                var k = 0
                for (t, r) in zip(m.times, m.rows) {
                    k += 1
                    if k % 4 != 0 { continue }
                    if let px = xMap(t), let py = yMap(r) { points.append((px, py)) }
                }
            }
        }
        return (points, rects)
    }

    /// Points along a polyline, about every 5 points, for legend placement (bounded per segment).
    static func sampleSegments(_ pts: [(Double, Double)?], into out: inout [(Double, Double)]) {
        var previous: (Double, Double)? = nil
        let budget = pts.count > 4000 ? 1 : 40
        for p in pts {
            guard let p else {
                previous = nil
                continue
            }
            if let q = previous {
                let len = hypot(p.0 - q.0, p.1 - q.1)
                let n = min(budget, max(1, Int(len / 5)))
                for k in 1...n {
                    let f = Double(k) / Double(n)
                    out.append((q.0 + (p.0 - q.0) * f, q.1 + (p.1 - q.1) * f))
                }
            } else {
                out.append(p)
            }
            previous = p
        }
    }
}
