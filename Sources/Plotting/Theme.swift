/// Sizes (points) and colours of the figure furniture, close to matplotlib's defaults at 100 dpi
/// (10 pt text ≈ 14 px there; here tick labels are 11.5 points).
enum Theme {
    static let tickLabelSize = 11.5
    static let axisLabelSize = 12.5
    static let titleSize = 13.5
    static let figureTitleSize = 15.0
    static let legendSize = 11.0
    static let tickLength = 4.5
    static let tickWidth = 1.0
    static let tickPad = 3.5
    static let labelPad = 6.0
    static let titlePad = 7.0
    static let spineWidth = 1.0
    static let gridWidth = 1.0
    static let colorbarWidth = 14.0
    static let colorbarGap = 12.0
    static let legendInset = 7.0
    static let ink = Color(hex: 0x262626)
    static let spine = Color(hex: 0x262626)
    static let grid = Color(hex: 0xe5e5e5)
    static let legendEdge = Color(hex: 0xcccccc)
}
