/// The parser's scratch stack: elements of the containers still open. Closing a container moves
/// its elements out into an Array of exactly the right size (one allocation per container, instead
/// of the 1-2-4-8 growth of appending to a fresh Array).
/// The storage is allocated at the first push (a document without arrays never allocates the
/// element stack), or starts in a buffer the caller lends (on its stack) and moves to the heap
/// only if it outgrows it.
struct ParseStack<Element>: ~Copyable {
    private var storage: UnsafeMutablePointer<Element>?
    private var capacity = 0
    private let initialCapacity: Int
    /// The caller's buffer: never deallocated here.
    private let lent: UnsafeMutablePointer<Element>?
    private(set) var count = 0

    init(capacity: Int = 64) {
        precondition(capacity > 0)
        initialCapacity = capacity
        lent = nil
    }

    /// Starts in `buffer` (uninitialized; it must outlive the stack).
    init(lent buffer: UnsafeMutableBufferPointer<Element>) {
        precondition(buffer.count > 0)
        storage = buffer.baseAddress
        capacity = buffer.count
        initialCapacity = buffer.count
        lent = buffer.baseAddress
    }

    deinit {
        guard let storage else { return }
        storage.deinitialize(count: count)
        if storage != lent { storage.deallocate() }
    }

    @inline(__always)
    mutating func push(_ element: consuming Element) {
        if count == capacity { grow() }
        (storage.unsafelyUnwrapped + count).initialize(to: element)
        count += 1
    }

    /// Moves the elements above `base` out, in order, leaving `count == base`.
    mutating func popArray(from base: Int) -> [Element] {
        precondition(base <= count)
        let moved = count - base
        guard moved > 0 else { return [] }
        let source = storage.unsafelyUnwrapped + base
        // `reserveCapacity` is specialized here; `Array(unsafeUninitializedCapacity:)` calls the stdlib's
        // generic allocator, which looks up the storage class's metadata at run time on every call.
        var array: [Element] = []
        array.reserveCapacity(moved)
        for offset in 0..<moved { array.append((source + offset).move()) }
        count = base
        return array
    }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity == 0 ? initialCapacity : capacity * 2)
        if let storage {
            larger.moveInitialize(from: storage, count: count)
            if storage != lent { storage.deallocate() }
        }
        storage = larger
        capacity = capacity == 0 ? initialCapacity : capacity * 2
    }
}
