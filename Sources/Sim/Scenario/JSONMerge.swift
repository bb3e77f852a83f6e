import Wire

/// Deep merge of scenario objects: `lives` entries over `process`, `requestsByAudio` entries over
/// `requests`. Members of `top` win; objects present on both sides merge recursively.
package enum JSONMerge {
    package static func merge(_ top: JSONValue, over base: JSONValue) -> JSONValue {
        guard case .object(let topObject) = top, case .object(let baseObject) = base else { return top }
        var members: [(String, JSONValue)] = []
        for key in baseObject.keys where !topObject.contains(key) { members.append((key, baseObject[key]!)) }
        for key in topObject.keys {
            if let baseValue = baseObject[key] {
                members.append((key, merge(topObject[key]!, over: baseValue)))
            } else {
                members.append((key, topObject[key]!))
            }
        }
        return .object(JSONObject(members))
    }
}
