/// One safeguarded step of the Moré–Thuente line search (MINPACK-2 `dcstep`).
///
/// Given the best step so far `stx` (value `fx`, derivative `dx`), the other end of the
/// interval `sty` (`fy`, `dy`) and the current trial `stp` (`fp`, `dp`), it updates the interval
/// of uncertainty and returns the next trial in `stp`, chosen from the minimiser of the cubic
/// interpolating both ends (`stpc`) and of a quadratic (`stpq`), by the four cases of Moré and
/// Thuente (1994): higher value (bracketed); derivatives of opposite sign (bracketed);
/// smaller derivative of the same sign; larger derivative of the same sign.
enum MoreThuenteStep {
    static func update(stx: inout Double, fx: inout Double, dx: inout Double,
                       sty: inout Double, fy: inout Double, dy: inout Double,
                       stp: inout Double, fp: Double, dp: Double,
                       bracketed: inout Bool, stpmin: Double, stpmax: Double) {
        let sgnd = dp * (dx / abs(dx))
        var stpf: Double
        if fp > fx {
            // Case 1: higher function value; the minimum is bracketed.
            let theta = 3 * (fx - fp) / (stp - stx) + dx + dp
            let s = max(abs(theta), abs(dx), abs(dp))
            var gamma = s * max(0, (theta / s) * (theta / s) - (dx / s) * (dp / s)).squareRoot()
            if stp < stx { gamma = -gamma }
            let p = (gamma - dx) + theta
            let q = ((gamma - dx) + gamma) + dp
            let stpc = stx + (p / q) * (stp - stx)
            let stpq = stx + ((dx / ((fx - fp) / (stp - stx) + dx)) / 2) * (stp - stx)
            stpf = abs(stpc - stx) < abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2
            bracketed = true
        } else if sgnd < 0 {
            // Case 2: derivatives of opposite sign; the minimum is bracketed.
            let theta = 3 * (fx - fp) / (stp - stx) + dx + dp
            let s = max(abs(theta), abs(dx), abs(dp))
            var gamma = s * max(0, (theta / s) * (theta / s) - (dx / s) * (dp / s)).squareRoot()
            if stp > stx { gamma = -gamma }
            let p = (gamma - dp) + theta
            let q = ((gamma - dp) + gamma) + dx
            let stpc = stp + (p / q) * (stx - stp)
            let stpq = stp + (dp / (dp - dx)) * (stx - stp)
            stpf = abs(stpc - stp) > abs(stpq - stp) ? stpc : stpq
            bracketed = true
        } else if abs(dp) < abs(dx) {
            // Case 3: same sign, derivative decreases in magnitude.
            let theta = 3 * (fx - fp) / (stp - stx) + dx + dp
            let s = max(abs(theta), abs(dx), abs(dp))
            var gamma = s * max(0, (theta / s) * (theta / s) - (dx / s) * (dp / s)).squareRoot()
            if stp > stx { gamma = -gamma }
            let p = (gamma - dp) + theta
            let q = (gamma + (dx - dp)) + gamma
            let r = p / q
            let stpc: Double
            if r < 0 && gamma != 0 {
                stpc = stp + r * (stx - stp)
            } else if stp > stx {
                stpc = stpmax
            } else {
                stpc = stpmin
            }
            let stpq = stp + (dp / (dp - dx)) * (stx - stp)
            if bracketed {
                stpf = abs(stpc - stp) < abs(stpq - stp) ? stpc : stpq
                if stp > stx {
                    stpf = min(stp + 0.66 * (sty - stp), stpf)
                } else {
                    stpf = max(stp + 0.66 * (sty - stp), stpf)
                }
            } else {
                stpf = abs(stpc - stp) > abs(stpq - stp) ? stpc : stpq
                stpf = max(stpmin, min(stpmax, stpf))
            }
        } else {
            // Case 4: same sign, derivative does not decrease.
            if bracketed {
                let theta = 3 * (fp - fy) / (sty - stp) + dy + dp
                let s = max(abs(theta), abs(dy), abs(dp))
                var gamma = s * max(0, (theta / s) * (theta / s) - (dy / s) * (dp / s)).squareRoot()
                if stp > sty { gamma = -gamma }
                let p = (gamma - dp) + theta
                let q = ((gamma - dp) + gamma) + dy
                stpf = stp + (p / q) * (sty - stp)
            } else if stp > stx {
                stpf = stpmax
            } else {
                stpf = stpmin
            }
        }
        // Update the interval of uncertainty.
        if fp > fx {
            sty = stp
            fy = fp
            dy = dp
        } else {
            if sgnd < 0 {
                sty = stx
                fy = fx
                dy = dx
            }
            stx = stp
            fx = fp
            dx = dp
        }
        stp = stpf
    }
}
