import Conformance
import Foundation
import Testing

@Suite("The case catalog cites the SPEC")
struct CatalogTests {
    /// Every rule id written as `**S.N-LEVEL-K**` in Conformance/SPEC.md.
    static let specRules: Set<String> = {
        let text: String
        do { text = try String(contentsOfFile: EngineFixtures.root + "/Conformance/SPEC.md", encoding: .utf8) } catch { text = "" }
        var rules: Set<String> = []
        for line in text.split(separator: "\n") where line.hasPrefix("- **") {
            let rest = line.dropFirst(4)
            if let end = rest.range(of: "**") { rules.insert(String(rest[..<end.lowerBound])) }
        }
        return rules
    }()

    @Test("there are at least 50 cases, with unique ids")
    func countAndUniqueness() {
        #expect(CaseCatalog.all.count >= 50)
        #expect(Set(CaseCatalog.all.map(\.id)).count == CaseCatalog.all.count)
    }

    @Test("every case cites a rule id that exists in SPEC.md")
    func rulesExist() {
        #expect(Self.specRules.count > 100)
        let unknown = CaseCatalog.all.filter { !Self.specRules.contains($0.rule) }.map(\.id)
        #expect(unknown == [])
    }

    @Test("every case belongs to one of the five groups, and every group has cases")
    func groups() {
        #expect(CaseCatalog.groups == ["framing", "envelope", "batch", "lifecycle", "domain"])
        for group in CaseCatalog.groups {
            #expect(CaseCatalog.all.contains { $0.group == group }, "group \(group) is empty")
        }
        #expect(CaseCatalog.all.allSatisfy { CaseCatalog.groups.contains($0.group) })
    }

    @Test("--case selects by id prefix, group and rule prefix", arguments: [
        (["framing"], 18), (["batch/empty"], 1), (["7.1"], 2), (["5.5-MUST-2"], 3), (["nothing"], 0),
    ])
    func selection(patterns: [String], count: Int) {
        #expect(ConformanceRunner.select(CaseCatalog.all, patterns: patterns).count == count)
    }

    @Test("a baseline lists case ids, one a line, with # comments")
    func baselineParsing() {
        #expect(Baseline.parse("# known\nframing/crlf  # CR kept\n\n  batch/empty\n") == ["framing/crlf", "batch/empty"])
    }
}
