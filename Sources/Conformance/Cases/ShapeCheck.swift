import Wire

/// Collects shape problems of a message (what the SPEC's schemas say), with JSON paths.
package struct ShapeCheck {
    package private(set) var problems: [String] = []

    package init() {}

    package mutating func fail(_ problem: String) { problems.append(problem) }

    @discardableResult
    package mutating func object(_ value: JSONValue?, _ path: String) -> JSONObject? {
        guard let object = value?.objectValue else { fail("\(path) must be an object, got \(describe(value))"); return nil }
        return object
    }

    @discardableResult
    package mutating func array(_ value: JSONValue?, _ path: String) -> [JSONValue]? {
        guard let array = value?.arrayValue else { fail("\(path) must be an array, got \(describe(value))"); return nil }
        return array
    }

    @discardableResult
    package mutating func string(_ value: JSONValue?, _ path: String, nonEmpty: Bool = false) -> String? {
        guard let text = value?.stringValue else { fail("\(path) must be a string, got \(describe(value))"); return nil }
        if nonEmpty, text.isEmpty { fail("\(path) must not be empty") }
        return text
    }

    @discardableResult
    package mutating func bool(_ value: JSONValue?, _ path: String) -> Bool? {
        guard let flag = value?.boolValue else { fail("\(path) must be a boolean, got \(describe(value))"); return nil }
        return flag
    }

    @discardableResult
    package mutating func integer(_ value: JSONValue?, _ path: String, minimum: Int? = nil) -> Int? {
        guard let number = value?.doubleValue, number.rounded() == number, abs(number) < 9e15 else {
            fail("\(path) must be an integer, got \(describe(value))")
            return nil
        }
        if let minimum, Int(number) < minimum { fail("\(path) must be ≥ \(minimum), got \(Int(number))") }
        return Int(number)
    }

    @discardableResult
    package mutating func number(_ value: JSONValue?, _ path: String, range: ClosedRange<Double>? = nil) -> Double? {
        guard let number = value?.doubleValue else { fail("\(path) must be a number, got \(describe(value))"); return nil }
        if let range, !range.contains(number) { fail("\(path) must be in \(range.lowerBound)...\(range.upperBound), got \(number)") }
        return number
    }

    package mutating func oneOf(_ value: JSONValue?, _ path: String, _ allowed: [String]) {
        guard let text = string(value, path) else { return }
        if !allowed.contains(text) { fail("\(path) must be one of \(allowed.joined(separator: "|")), got \"\(text)\"") }
    }

    /// Throws when there are problems, naming `what` was checked.
    package func require(_ what: String) throws(CaseFailure) {
        guard !problems.isEmpty else { return }
        let shown = problems.prefix(4).joined(separator: "; ") + (problems.count > 4 ? "; … (\(problems.count) problems)" : "")
        throw CaseFailure(expected: "\(what) as the SPEC describes it", actual: shown)
    }

    private func describe(_ value: JSONValue?) -> String {
        guard let value else { return "nothing (member missing)" }
        let text = value.serializedString
        return text.count > 60 ? String(text.prefix(60)) + "…" : text
    }
}
