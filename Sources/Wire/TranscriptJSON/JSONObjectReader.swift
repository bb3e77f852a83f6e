/// Reads typed members of a JSON object, naming the full path in every error.
/// Shared by the `init(json:)` decoders; members it is not asked for are ignored.
/// Paths are built only when an error is thrown: decoders of nested values read them with
/// `path: ""` and prefix the errors they rethrow (`JSONDecodingError.within(_:)`).
package struct JSONObjectReader {
    package let object: JSONObject
    package let path: String

    /// Fails with `wrong_type` at `path` unless `value` is an object.
    package init(_ value: JSONValue, path: String) throws(JSONDecodingError) {
        guard case .object(let object) = value else {
            throw JSONDecodingError(code: .wrongType, path: path, expected: "object")
        }
        self.object = object
        self.path = path
    }

    /// The path of member `key` (`segments[2].start`).
    package func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    package func required(_ key: String, expected: String) throws(JSONDecodingError) -> JSONValue {
        try required(key, object[key], expected: expected)
    }

    /// `required(_:expected:)` for a member value the caller has already looked up (`found`).
    package func required(_ key: String, _ found: JSONValue?, expected: String) throws(JSONDecodingError) -> JSONValue {
        guard let value = found else {
            throw JSONDecodingError(code: .missingMember, path: path(key), expected: expected)
        }
        return value
    }

    package func string(_ key: String) throws(JSONDecodingError) -> String { try string(key, object[key]) }

    package func string(_ key: String, _ found: JSONValue?) throws(JSONDecodingError) -> String {
        guard case .string(let text) = try required(key, found, expected: "string") else {
            throw JSONDecodingError(code: .wrongType, path: path(key), expected: "string")
        }
        return text
    }

    package func double(_ key: String) throws(JSONDecodingError) -> Double { try double(key, object[key]) }

    package func double(_ key: String, _ found: JSONValue?) throws(JSONDecodingError) -> Double {
        try double(try required(key, found, expected: "number"), key: key)
    }

    /// Absent or null is nil.
    package func optionalDouble(_ key: String) throws(JSONDecodingError) -> Double? {
        try optionalDouble(key, object[key])
    }

    package func optionalDouble(_ key: String, _ found: JSONValue?) throws(JSONDecodingError) -> Double? {
        guard let value = found, value != .null else { return nil }
        return try double(value, key: key)
    }

    package func int(_ key: String) throws(JSONDecodingError) -> Int { try int(key, object[key]) }

    package func int(_ key: String, _ found: JSONValue?) throws(JSONDecodingError) -> Int {
        guard case .number(let number) = try required(key, found, expected: "integer") else {
            throw JSONDecodingError(code: .wrongType, path: path(key), expected: "integer")
        }
        if let value = number.int { return value }
        // JSON Schema counts 1.0 and 1e2 as integers too. (No rounding functions: Wire links without libm.)
        guard let double = number.double, double > -9.0e18, double < 9.0e18, Double(Int(double)) == double else {
            throw JSONDecodingError(code: .invalidValue, path: path(key), expected: "integer")
        }
        return Int(double)
    }

    /// Absent or null is nil.
    package func optionalString(_ key: String) throws(JSONDecodingError) -> String? {
        guard let value = object[key], value != .null else { return nil }
        guard case .string(let text) = value else {
            throw JSONDecodingError(code: .wrongType, path: path(key), expected: "string")
        }
        return text
    }

    /// Absent or null is nil.
    package func optionalInt(_ key: String) throws(JSONDecodingError) -> Int? {
        guard let value = object[key], value != .null else { return nil }
        return try int(key)
    }

    package func bool(_ key: String) throws(JSONDecodingError) -> Bool {
        guard case .bool(let flag) = try required(key, expected: "boolean") else {
            throw JSONDecodingError(code: .wrongType, path: path(key), expected: "boolean")
        }
        return flag
    }

    /// A reader for object member `key` (`"limits"` → path `limits`).
    package func object(_ key: String) throws(JSONDecodingError) -> JSONObjectReader {
        try JSONObjectReader(try required(key, expected: "object"), path: path(key))
    }

    /// A reader for object member `key`, or nil when it is absent or null.
    package func optionalObject(_ key: String) throws(JSONDecodingError) -> JSONObjectReader? {
        guard let value = object[key], value != .null else { return nil }
        return try JSONObjectReader(value, path: path(key))
    }

    /// The elements of array member `key`; element `index` has path `elementPath(key, index)`.
    package func elements(_ key: String) throws(JSONDecodingError) -> [JSONValue] { try elements(key, object[key]) }

    package func elements(_ key: String, _ found: JSONValue?) throws(JSONDecodingError) -> [JSONValue] {
        guard case .array(let elements) = try required(key, found, expected: "array") else {
            throw JSONDecodingError(code: .wrongType, path: path(key), expected: "array")
        }
        return elements
    }

    /// The path of element `index` of array member `key` (`words[3]`).
    package func elementPath(_ key: String, _ index: Int) -> String { "\(path(key))[\(index)]" }

    /// The elements of array member `key` with each element's path (`words[3]`).
    package func array(_ key: String) throws(JSONDecodingError) -> [(value: JSONValue, path: String)] {
        guard case .array(let elements) = try required(key, expected: "array") else {
            throw JSONDecodingError(code: .wrongType, path: path(key), expected: "array")
        }
        let base = path(key)
        var result: [(value: JSONValue, path: String)] = []
        result.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() { result.append((value: element, path: "\(base)[\(index)]")) }
        return result
    }

    private func double(_ value: JSONValue, key: String) throws(JSONDecodingError) -> Double {
        guard case .number(let number) = value else {
            throw JSONDecodingError(code: .wrongType, path: path(key), expected: "number")
        }
        guard let double = number.double, double.isFinite else {
            throw JSONDecodingError(code: .invalidValue, path: path(key), expected: "finite number")
        }
        return double
    }
}
