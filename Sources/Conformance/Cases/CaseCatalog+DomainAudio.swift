import Foundation
import Wire

/// Domain cases about audio input (SPEC section 10).
extension CaseCatalog {
    static func audioMissing(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        try session.callExpectingError("transcribe", params: context.transcribe(context.fixtures.missing), id: 521, code: -32010,
                                       because: "the audio path does not exist")
        return nil
    }

    static func audioUndecodable(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        let fixtures = context.fixtures
        for (offset, path) in [fixtures.notAudio, fixtures.truncated, fixtures.overlongData].enumerated() {
            let name = (path as NSString).lastPathComponent
            try session.send(Message.request(id: RPCID(530 + offset), method: "transcribe", params: context.transcribe(path)))
            let response = try session.reply(to: RPCID(530 + offset), what: "transcribe of \(name)", timeoutMs: transcribeTimeoutMs(context))
            try requireError(response, code: -32011, because: "\(name) cannot be decoded")
        }
        return nil
    }

    static func audioSurvived(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        let fixtures = context.fixtures
        for (offset, path) in [fixtures.eightBit, fixtures.directory, fixtures.notAudio].enumerated() {
            try session.send(Message.request(id: RPCID(540 + offset), method: "transcribe", params: context.transcribe(path)))
            let response = try session.reply(to: RPCID(540 + offset), what: "transcribe of \(path)", timeoutMs: transcribeTimeoutMs(context))
            try require(response.contains("result") || response.errorCode.map { (-32099 ... -32000).contains($0) } == true,
                        expected: "a result or an application error", actual: response.serializedLine)
        }
        try session.send(Message.request(id: 549, method: "transcribe", params: context.transcribe(fixtures.short)))
        _ = try session.result(of: try session.reply(to: 549, what: "transcribe after bad audio", timeoutMs: transcribeTimeoutMs(context)), what: "transcribe")
        return nil
    }

    static func audioEmpty(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        try session.send(Message.request(id: 551, method: "transcribe", params: context.transcribe(context.fixtures.empty)))
        let result = try session.result(of: try session.reply(to: 551, what: "transcribe of an empty WAV", timeoutMs: transcribeTimeoutMs(context)), what: "transcribe")
        try require(result["duration"]?.doubleValue == 0 && result["segments"] == [],
                    expected: "duration 0 and segments []", actual: result.serializedString.prefix(160).description)
        return nil
    }

    static func audioUntouched(_ context: CaseContext) throws(CaseFailure) -> String? {
        let path = context.fixtures.short
        let before = FileManager.default.contents(atPath: path)
        _ = try transcribeShort(context)
        let after = FileManager.default.contents(atPath: path)
        try require(before != nil && before == after, expected: "the audio file unchanged",
                    actual: after == nil ? "the file is gone" : "its bytes changed")
        return nil
    }
}
