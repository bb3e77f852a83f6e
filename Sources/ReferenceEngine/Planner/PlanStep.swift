/// One step of a plan, `atMs` after the request started (non-decreasing along the plan).
package struct PlanStep: Sendable, Hashable {
    package var atMs: Int
    package var action: PlanAction

    package init(atMs: Int, _ action: PlanAction) {
        self.atMs = atMs
        self.action = action
    }
}
