import ReferenceEngine
import Wire

/// A hosted reference engine (lsref's logic on the SDK session machine): lsref's own command-line
/// flags, per spawned process (`lives[i]`, then `arguments`), parsed by lsref's parser.
package struct ReferenceScript: Sendable {
    package var arguments: [String] = []
    package var lives: [[String]] = []

    package init() {}

    package init(_ value: JSONValue, path: String) throws(ScenarioError) {
        var reader = try StrictReader(value, path: path)
        arguments = try reader.strings("arguments")
        for (life, lifePath) in try reader.array("lives") {
            guard case .array(let items) = life else { throw ScenarioError(.wrongType, path: lifePath, "expected an array of flags") }
            lives.append(items.compactMap(\.stringValue))
        }
        try reader.finish()
        for index in 0...lives.count { _ = try behaviour(index, path: path) }
    }

    /// lsref's behaviour for spawn number `index`.
    package func behaviour(_ index: Int, path: String = "") throws(ScenarioError) -> ReferenceBehaviour {
        let flags = index < lives.count ? lives[index] : arguments
        do {
            switch try ReferenceCommandLine.parse(arguments: flags, environment: [:]) {
            case .run(let behaviour): return behaviour
            case .help: throw ScenarioError(.invalidValue, path: path, "--help is not a behaviour")
            }
        } catch let error as ReferenceCommandLine.UsageError {
            throw ScenarioError(.invalidValue, path: path, error.description)
        } catch let error as ScenarioError {
            throw error
        } catch {
            throw ScenarioError(.invalidValue, path: path, "\(error)")
        }
    }
}
