import EngineSDK
import ReferenceEngine

/// A `ReferenceHost` under a virtual clock: timers fire in (time, arming order); no real waiting.
struct VirtualProcess {
    var host: ReferenceHost
    var now = 0
    private var timers: [(timer: HostTimer, atMs: Int, order: Int)] = []
    private var armings = 0
    private var stdout: [UInt8] = []
    private(set) var exitCode: Int32?

    init(behaviour: ReferenceBehaviour = ReferenceBehaviour(), files: [String: [UInt8]]) {
        host = ReferenceHost(behaviour: behaviour, startMs: 0) { path in files[path] }
        apply(host.start(now: 0))
    }

    mutating func apply(_ actions: [HostAction]) {
        host.session.checkInvariants()
        for action in actions {
            switch action {
            case .stdout(let bytes): stdout += bytes
            case .log: break
            case .armTimer(let timer, let atMs):
                timers.removeAll { $0.timer == timer }
                armings += 1
                timers.append((timer, atMs, armings))
            case .cancelTimer(let timer): timers.removeAll { $0.timer == timer }
            case .exit(let code):
                exitCode = code
                timers = []
            }
        }
    }

    mutating func send(_ line: String) { apply(host.handle(.stdin(Array((line + "\n").utf8)), now: now)) }

    mutating func signal(_ event: HostEvent) { apply(host.handle(event, now: now)) }

    /// Fires every timer due up to `time`, in order, then sets the clock to `time`.
    mutating func advance(to time: Int) {
        while exitCode == nil {
            let due = timers.filter { $0.atMs <= time }.min { ($0.atMs, $0.order) < ($1.atMs, $1.order) }
            guard let due else { break }
            timers.removeAll { $0.timer == due.timer }
            now = max(now, due.atMs)
            apply(host.handle(.timer(due.timer), now: now))
        }
        now = max(now, time)
    }

    /// The stdout lines written since the last call.
    mutating func takeLines() -> [String] {
        let text = String(decoding: stdout, as: UTF8.self)
        stdout = []
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    var pendingTimers: [HostTimer] { timers.sorted { ($0.atMs, $0.order) < ($1.atMs, $1.order) }.map(\.timer) }
}
