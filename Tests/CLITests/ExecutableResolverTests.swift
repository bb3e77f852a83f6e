import LingosubCLI
import Testing

@Suite("Finding an engine's executable")
struct ExecutableResolverTests {
    static func resolver(executableDirectory: String?, currentDirectory: String) -> ExecutableResolver {
        var environment = EngineFixture.environment(directory: currentDirectory)
        environment.executableDirectory = executableDirectory
        return ExecutableResolver(environment: environment)
    }

    @Test("a bare name is found in PATH first")
    func path() {
        let resolver = Self.resolver(executableDirectory: nil, currentDirectory: "/tmp")
        #expect(resolver.resolve("sh") == .success("/usr/bin/sh") || resolver.resolve("sh") == .success("/bin/sh"))
    }

    @Test("lsref is found next to the running executable")
    func nextToExecutable() throws {
        let directory = try #require(CommandEnvironment.current.executableDirectory)
        let resolver = Self.resolver(executableDirectory: directory, currentDirectory: "/tmp")
        #expect(resolver.resolve("lsref") == .success(directory + "/lsref"))
    }

    @Test("lsref is found in .build/debug under the current directory (swift run builds only lingosub)")
    func buildDirectory() {
        let resolver = Self.resolver(executableDirectory: "/nonexistent", currentDirectory: EngineFixture.packageRoot)
        #expect(resolver.resolve("lsref") == .success(EngineFixture.packageRoot + "/.build/debug/lsref"))
    }

    @Test("a missing engine names the places searched and hints at swift build")
    func missing() {
        let resolver = Self.resolver(executableDirectory: "/nonexistent", currentDirectory: "/tmp")
        #expect(resolver.resolve("lsref") == .failure(.init(description:
            "'lsref' not found in PATH or next to lingosub (/nonexistent); if it is built by this package, run `swift build` first")))
    }

    @Test("a word with a slash is a path, made absolute against the current directory")
    func relativePath() {
        let resolver = Self.resolver(executableDirectory: nil, currentDirectory: EngineFixture.packageRoot)
        #expect(resolver.resolve(".build/debug/lsref") == .success(EngineFixture.packageRoot + "/.build/debug/lsref"))
        #expect(resolver.resolve("./missing") == .failure(.init(description: EngineFixture.packageRoot + "/missing is not an executable file")))
    }
}
