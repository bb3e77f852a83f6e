import Wire

/// Reads one JSON object of a scenario file: typed members with their full path in errors, and
/// `finish()` rejects members nobody asked for (a typo must not silently become a default).
package struct StrictReader {
    package let object: JSONObject
    package let path: String
    private var used: [String] = []

    package init(_ value: JSONValue, path: String) throws(ScenarioError) {
        guard case .object(let object) = value else { throw ScenarioError(.wrongType, path: path, "expected an object") }
        self.object = object
        self.path = path
    }

    package func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The raw member, marking it used; nil when absent or null.
    package mutating func value(_ key: String) -> JSONValue? {
        used.append(key)
        guard let value = object[key], value != .null else { return nil }
        return value
    }

    package mutating func has(_ key: String) -> Bool { object[key] != nil }

    package mutating func string(_ key: String) throws(ScenarioError) -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value else { throw ScenarioError(.wrongType, path: path(key), "expected a string") }
        return text
    }

    package mutating func requiredString(_ key: String) throws(ScenarioError) -> String {
        guard let text = try string(key) else { throw ScenarioError(.missingMember, path: path(key), "required string") }
        return text
    }

    package mutating func bool(_ key: String) throws(ScenarioError) -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .bool(let flag) = value else { throw ScenarioError(.wrongType, path: path(key), "expected true/false") }
        return flag
    }

    /// A non-negative integer up to `max`.
    package mutating func unsigned(_ key: String, max: UInt64 = UInt64(Int64.max)) throws(ScenarioError) -> UInt64? {
        guard let value = value(key) else { return nil }
        return try Self.unsigned(value, path: path(key), max: max)
    }

    package mutating func int(_ key: String) throws(ScenarioError) -> Int? {
        guard let value = value(key) else { return nil }
        guard case .number(let number) = value, let int = number.int else {
            throw ScenarioError(.wrongType, path: path(key), "expected an integer")
        }
        return int
    }

    package static func unsigned(_ value: JSONValue, path: String, max: UInt64) throws(ScenarioError) -> UInt64 {
        guard case .number(let number) = value, let int = UInt64(number.text) else {
            throw ScenarioError(.wrongType, path: path, "expected a non-negative integer")
        }
        guard int <= max else { throw ScenarioError(.invalidValue, path: path, "at most \(max)") }
        return int
    }

    /// Array members with their element paths.
    package mutating func array(_ key: String) throws(ScenarioError) -> [(value: JSONValue, path: String)] {
        guard let value = value(key) else { return [] }
        guard case .array(let elements) = value else { throw ScenarioError(.wrongType, path: path(key), "expected an array") }
        var result: [(value: JSONValue, path: String)] = []
        for (index, element) in elements.enumerated() { result.append((element, "\(path(key))[\(index)]")) }
        return result
    }

    package mutating func strings(_ key: String) throws(ScenarioError) -> [String] {
        var result: [String] = []
        for (element, elementPath) in try array(key) {
            guard case .string(let text) = element else { throw ScenarioError(.wrongType, path: elementPath, "expected a string") }
            result.append(text)
        }
        return result
    }

    package mutating func object(_ key: String) throws(ScenarioError) -> StrictReader? {
        guard let value = value(key) else { return nil }
        return try StrictReader(value, path: path(key))
    }

    /// One of the names in `choices`.
    package mutating func choice<T>(_ key: String, _ choices: [(String, T)]) throws(ScenarioError) -> T? {
        guard let text = try string(key) else { return nil }
        for (name, choice) in choices where name == text { return choice }
        let names = choices.map(\.0).joined(separator: ", ")
        throw ScenarioError(.invalidValue, path: path(key), "'\(text)' is not one of \(names)")
    }

    /// Fails on members that were never read.
    package func finish() throws(ScenarioError) {
        for key in object.keys where !used.contains(key) {
            throw ScenarioError(.unknownMember, path: path(key), "not part of the scenario format")
        }
    }
}
