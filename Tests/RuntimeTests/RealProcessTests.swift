import Testing

/// Every test with real child processes lives under this suite so that they run one at a time.
@Suite("Runtime with real processes", .serialized)
struct RealProcessTests {}
