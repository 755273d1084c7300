import Dispatch

/// `body(0)` … `body(n - 1)`, each on a thread of its own (`DispatchQueue.concurrentPerform`), the results in order:
/// the two-core halves of a file's read and of its UTF-8 check. `body` must only touch what its index gives it.
func concurrently<T>(_ n: Int, _ body: (Int) -> T) -> [T] {
    withoutActuallyEscaping(body) { body in
        nonisolated(unsafe) let body = body
        return [T](unsafeUninitializedCapacity: n) { buffer, count in
            nonisolated(unsafe) let buffer = buffer
            DispatchQueue.concurrentPerform(iterations: n) { k in buffer.initializeElement(at: k, to: body(k)) }
            count = n
        }
    }
}
