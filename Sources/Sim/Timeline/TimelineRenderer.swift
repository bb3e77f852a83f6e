/// A self-contained HTML page with one SVG: a time axis, a lane per engine with its states, a lane per
/// task (queued / running spans) and event marks with hover titles. No scripts, no external files.
package enum TimelineRenderer {
    static let labelWidth = 150
    static let plotWidth = 1_100
    static let laneHeight = 22
    static let colors: [String: String] = [
        "starting": "#f6c343", "running": "#3aa35b", "unhealthy": "#e58a2e", "backing_off": "#9aa5b1",
        "failed": "#d64545", "stopping": "#7f5fc5", "stopped": "#d9dde2", "queued": "#c9d8f0",
    ]
    static let markColors: [String: String] = [
        "crash": "#b00020", "reset": "#1565c0", "requeue": "#e65100", "draft": "#455a64",
        "completed": "#1b5e20", "failed": "#b00020", "cancelled": "#616161",
    ]

    package static func html(_ model: TimelineModel) -> String {
        let lanes = model.engines.count + model.tasks.count
        let height = 60 + (lanes + 2) * laneHeight + 40
        let width = labelWidth + plotWidth + 20
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\(quote(height)) font-family=\"sans-serif\" font-size=\"11\">\n"
        svg += axis(model, lanes: lanes)
        var row = 0
        svg += heading("engines", row: row)
        for lane in model.engines {
            row += 1
            svg += draw(lane, row: row, model: model)
        }
        row += 1
        svg += heading("tasks" + (model.tasksHidden > 0 ? " (\(model.tasksHidden) more not shown)" : ""), row: row)
        for lane in model.tasks {
            row += 1
            svg += draw(lane, row: row, model: model)
        }
        svg += legend(y: 60 + (row + 1) * laneHeight + 10)
        svg += "</svg>\n"
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>\(escape(model.title))</title>"
            + "<style>body{margin:16px;background:#fff;color:#222}h1{font:600 16px sans-serif}</style></head>"
            + "<body><h1>lssim timeline: \(escape(model.title)) (0–\(model.endMs) ms)</h1>\n\(svg)</body></html>\n"
    }

    static func x(_ ms: UInt64, _ model: TimelineModel) -> Int {
        labelWidth + Int(Double(ms) / Double(max(1, model.endMs)) * Double(plotWidth))
    }

    static func y(_ row: Int) -> Int { 40 + row * laneHeight }

    static func axis(_ model: TimelineModel, lanes: Int) -> String {
        var svg = ""
        let bottom = y(lanes + 2)
        for tick in 0...10 {
            let ms = model.endMs * UInt64(tick) / 10
            let position = x(ms, model)
            svg += "<line x1=\(quote(position)) y1=\"30\" x2=\(quote(position)) y2=\(quote(bottom)) stroke=\"#eee\"/>"
            svg += "<text x=\(quote(position)) y=\"24\" text-anchor=\"middle\" fill=\"#555\">\(format(ms, endMs: model.endMs))</text>\n"
        }
        return svg
    }

    static func heading(_ text: String, row: Int) -> String {
        "<text x=\"4\" y=\(quote(y(row) + 15)) font-weight=\"bold\">\(escape(text))</text>\n"
    }

    static func draw(_ lane: TimelineModel.Lane, row: Int, model: TimelineModel) -> String {
        let top = y(row)
        var svg = "<text x=\"12\" y=\(quote(top + 15))>\(escape(lane.title))</text>"
        svg += "<line x1=\(quote(labelWidth)) y1=\(quote(top + laneHeight - 1)) x2=\(quote(labelWidth + plotWidth)) y2=\(quote(top + laneHeight - 1)) stroke=\"#f3f3f3\"/>\n"
        for span in lane.spans {
            let from = x(span.fromMs, model)
            let width = max(1, x(span.toMs, model) - from)
            let color = colors[span.state] ?? "#bbb"
            svg += "<rect x=\(quote(from)) y=\(quote(top + 3)) width=\(quote(width)) height=\(quote(laneHeight - 7)) fill=\"\(color)\" rx=\"2\">"
            svg += "<title>\(escape(span.label)) \(span.fromMs)–\(span.toMs) ms</title></rect>"
            if width > 70 {
                svg += "<text x=\(quote(from + 3)) y=\(quote(top + 14)) fill=\"#111\" font-size=\"10\">\(escape(String(span.label.prefix(width / 6))))</text>"
            }
            svg += "\n"
        }
        for mark in lane.marks {
            let position = x(mark.atMs, model)
            let color = markColors[mark.kind] ?? "#000"
            var shape = mark.kind == "draft"
                ? "<line x1=\(quote(position)) y1=\(quote(top + 4)) x2=\(quote(position)) y2=\(quote(top + 10)) stroke=\"\(color)\" stroke-width=\"1\">"
                : "<circle cx=\(quote(position)) cy=\(quote(top + laneHeight / 2 - 1)) r=\"4\" fill=\"\(color)\" stroke=\"#fff\">"
            var close = mark.kind == "draft" ? "</line>" : "</circle>"
            if mark.kind == "failed" {
                shape = "<rect x=\(quote(position - 4)) y=\(quote(top + 3)) width=\"8\" height=\"14\" fill=\"\(color)\">"
                close = "</rect>"
            }
            svg += shape + "<title>\(escape(mark.label)) at \(mark.atMs) ms</title>" + close + "\n"
        }
        return svg
    }

    static func legend(y top: Int) -> String {
        var svg = ""
        var position = labelWidth
        for (state, color) in colors.sorted(by: { $0.key < $1.key }) {
            svg += "<rect x=\(quote(position)) y=\(quote(top)) width=\"12\" height=\"12\" fill=\"\(color)\"/>"
            svg += "<text x=\(quote(position + 16)) y=\(quote(top + 10))>\(state)</text>"
            position += 100
        }
        svg += "<circle cx=\(quote(position + 6)) cy=\(quote(top + 6)) r=\"4\" fill=\"#b00020\"/><text x=\(quote(position + 14)) y=\(quote(top + 10))>crash</text>"
        svg += "<rect x=\(quote(position + 60)) y=\(quote(top)) width=\"8\" height=\"12\" fill=\"#b00020\"/><text x=\(quote(position + 72)) y=\(quote(top + 10))>task failed</text>"
        svg += "<circle cx=\(quote(position + 156)) cy=\(quote(top + 6)) r=\"4\" fill=\"#1b5e20\"/><text x=\(quote(position + 164)) y=\(quote(top + 10))>completed</text>"
        return svg + "\n"
    }

    static func quote(_ value: Int) -> String { "\"\(value)\"" }

    static func format(_ ms: UInt64, endMs: UInt64) -> String {
        guard endMs >= 10_000 else { return "\(ms) ms" }
        let tenths = (ms + 50) / 100
        return tenths % 10 == 0 ? "\(tenths / 10) s" : "\(tenths / 10).\(tenths % 10) s"
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
