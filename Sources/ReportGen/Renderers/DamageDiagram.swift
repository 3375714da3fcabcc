/// The SVG damage diagram: a car seen from above (front at the top) with the body parts as regions, defects
/// coloured by degree on their part and structural parts outlined. The layout maps GB/T 30323 part codes (also used
/// by the walkaround template) to shapes; parts a layout does not know are listed under the drawing instead.
enum DamageDiagram {
    enum Shape {
        case rect(x: Int, y: Int, width: Int, height: Int)
        case circle(x: Int, y: Int, r: Int)
        case polygon([(Int, Int)])
        case line(x1: Int, y1: Int, x2: Int, y2: Int)

        var center: (Int, Int) {
            switch self {
            case let .rect(x, y, w, h): (x + w / 2, y + h / 2)
            case let .circle(x, y, _): (x, y)
            case let .polygon(points): (points.map(\.0).reduce(0, +) / points.count, points.map(\.1).reduce(0, +) / points.count)
            case let .line(x1, y1, x2, y2): ((x1 + x2) / 2, (y1 + y2) / 2)
            }
        }

        func svg(_ attributes: String) -> String {
            switch self {
            case let .rect(x, y, w, h): "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(w)\" height=\"\(h)\" rx=\"6\" \(attributes)/>"
            case let .circle(x, y, r): "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"\(r)\" \(attributes)/>"
            case let .polygon(points): "<polygon points=\"\(points.map { "\($0.0),\($0.1)" }.joined(separator: " "))\" \(attributes)/>"
            case let .line(x1, y1, x2, y2): "<line x1=\"\(x1)\" y1=\"\(y1)\" x2=\"\(x2)\" y2=\"\(y2)\" \(attributes)/>"
            }
        }
    }

    /// Body panels (filled when damaged).
    static let body: [(code: String, shape: Shape)] = [
        ("26", .rect(x: 90, y: 36, width: 180, height: 30)), ("14", .rect(x: 96, y: 72, width: 168, height: 122)),
        ("34", .polygon([(100, 200), (260, 200), (250, 240), (110, 240)])), ("25", .rect(x: 110, y: 246, width: 140, height: 168)),
        ("35", .polygon([(110, 420), (250, 420), (260, 456), (100, 456)])), ("23", .rect(x: 96, y: 462, width: 168, height: 92)),
        ("24", .rect(x: 150, y: 480, width: 60, height: 52)), ("27", .rect(x: 90, y: 560, width: 180, height: 34)),
        ("15", .rect(x: 58, y: 80, width: 32, height: 122)), ("17", .rect(x: 270, y: 80, width: 32, height: 122)),
        ("19", .rect(x: 54, y: 208, width: 36, height: 110)), ("21", .rect(x: 54, y: 322, width: 36, height: 110)),
        ("20", .rect(x: 270, y: 208, width: 36, height: 110)), ("22", .rect(x: 270, y: 322, width: 36, height: 110)),
        ("16", .rect(x: 58, y: 438, width: 32, height: 116)), ("18", .rect(x: 270, y: 438, width: 32, height: 116)),
        ("28", .circle(x: 38, y: 140, r: 22)), ("29", .circle(x: 38, y: 500, r: 22)), ("30", .circle(x: 322, y: 140, r: 22)),
        ("31", .circle(x: 322, y: 500, r: 22)), ("32", .rect(x: 96, y: 40, width: 168, height: 10)),
        ("33", .rect(x: 96, y: 580, width: 168, height: 10)),
        ("36", .rect(x: 92, y: 212, width: 10, height: 218)), ("37", .polygon([(54, 200), (30, 196), (30, 214), (54, 214)])),
        ("38", .polygon([(306, 200), (330, 196), (330, 214), (306, 214)])), ("39", .rect(x: 10, y: 600, width: 60, height: 30)),
    ]

    /// Structural parts (outlined; drawn over the panels).
    static let structure: [(code: String, shape: Shape)] = [
        ("1", .rect(x: 50, y: 30, width: 260, height: 570)), ("2", .line(x1: 100, y1: 200, x2: 110, y2: 242)),
        ("5", .line(x1: 260, y1: 200, x2: 250, y2: 242)), ("3", .line(x1: 92, y1: 320, x2: 112, y2: 330)),
        ("6", .line(x1: 268, y1: 320, x2: 248, y2: 330)), ("4", .line(x1: 110, y1: 418, x2: 100, y2: 456)),
        ("7", .line(x1: 250, y1: 418, x2: 260, y2: 456)), ("8", .line(x1: 108, y1: 74, x2: 108, y2: 190)),
        ("9", .line(x1: 252, y1: 74, x2: 252, y2: 190)), ("10", .circle(x: 124, y: 172, r: 10)), ("11", .circle(x: 236, y: 172, r: 10)),
        ("12", .circle(x: 124, y: 468, r: 10)), ("13", .circle(x: 236, y: 468, r: 10)),
    ]

    static let degreeColours = ["#f6d55c", "#f0a030", "#e0552a", "#9b1c1c"]

    /// A structural part's mark: a red dot on the part and its code in a white box beside it, on the side towards
    /// `towards` (x), so a pillar drawn as a short line is seen and its code is not printed over the line.
    static func callout(_ text: String, at point: (Int, Int), towards: Int) -> String {
        let width = 9 * text.count + 12
        let side = towards > point.0 ? 1 : (towards < point.0 ? -1 : 0)
        let x = side == 0 ? point.0 - width / 2 : (side > 0 ? point.0 + 12 : point.0 - 12 - width)
        return "<circle cx=\"\(point.0)\" cy=\"\(point.1)\" r=\"7\" fill=\"#c0161d\" stroke=\"#fff\" stroke-width=\"2\"/>"
            + "<rect x=\"\(x)\" y=\"\(point.1 - 11)\" width=\"\(width)\" height=\"22\" rx=\"4\" fill=\"#fff\" stroke=\"#c0161d\" stroke-width=\"2\"/>"
            + "<text x=\"\(x + width / 2)\" y=\"\(point.1 + 5)\" text-anchor=\"middle\" class=\"mark structural\">\(HTML.escape(text))</text>"
    }

    /// The diagram for these findings.
    static func svg(findings: [ConditionReport.Finding], language l: ReportLanguage) -> (svg: String, unplaced: [ConditionReport.Finding]) {
        var out =
            "<svg class=\"diagram\" viewBox=\"0 0 360 640\" role=\"img\" aria-label=\"\(HTML.escape(l.text(.diagram)))\" xmlns=\"http://www.w3.org/2000/svg\">"
        out += "<rect x=\"50\" y=\"30\" width=\"260\" height=\"570\" rx=\"60\" fill=\"#f4f6f8\" stroke=\"#8a949e\" stroke-width=\"2\"/>"
        let byPart = Dictionary(grouping: findings, by: Self.region)
        var placed = Set<String>()
        var labels: [String] = []  // drawn last, above every shape
        for (code, shape) in body {
            let defects = byPart[code] ?? []
            let worst = defects.compactMap(\.degree).max()
            let fill = worst.map { degreeColours[max(0, min(3, $0 - 1))] } ?? "#ffffff"
            out += shape.svg("class=\"part\" data-part=\"\(code)\" fill=\"\(fill)\" stroke=\"#8a949e\" stroke-width=\"1.5\"")
            if !defects.isEmpty {
                placed.insert(code)
                let (x, y) = shape.center
                labels.append(
                    "<text x=\"\(x)\" y=\"\(y + 4)\" text-anchor=\"middle\" class=\"mark\(worst == 4 ? " dark" : "")\">\(HTML.escape(defects.map(\.code).joined(separator: " ")))</text>"
                )
            }
        }
        for (code, shape) in structure {
            let defects = byPart[code] ?? []
            let hit = !defects.isEmpty
            if hit { placed.insert(code) }
            let attributes =
                hit
                ? "class=\"structure hit\" data-part=\"\(code)\" fill=\"none\" stroke=\"#c0161d\" stroke-width=\"9\" stroke-linecap=\"round\""
                : "class=\"structure\" data-part=\"\(code)\" fill=\"none\" stroke=\"#5b6670\" stroke-width=\"2\""
            out += shape.svg(attributes)
            if hit, code == "1" {
                labels.append(callout(defects.map(\.code).joined(separator: " "), at: (180, 618), towards: 0))
            } else if hit {
                labels.append(callout(defects.map(\.code).joined(separator: " "), at: shape.center, towards: 180))
            }
        }
        out += labels.joined()
        out += "<text x=\"180\" y=\"24\" text-anchor=\"middle\" class=\"axis\">▲ \(l == .zh ? "车头" : "front")</text>"
        out += "</svg>"
        return (out, findings.filter { !placed.contains(Self.region($0)) })
    }

    /// The wheel a tyre finding names, as the layout's wheel regions (GB/T parts 28-31; the spare stays on part 39).
    static let wheels = ["left_front": "28", "left_rear": "29", "right_front": "30", "right_rear": "31"]

    /// Where a finding is drawn: its part, or for a tyre the wheel it names.
    static func region(_ finding: ConditionReport.Finding) -> String {
        guard finding.part.group == "tyres", let wheel = finding.position.flatMap({ wheels[$0.code] }) else { return finding.part.code }
        return wheel
    }
}
