/// The loader's tunables, which only the tests and the fuzz harnesses change, and only through `with`: block and
/// head sizes small enough that a few rows take the paths a large file takes, the smaller search of a fuzz run,
/// the JSON tree in place of flat observations. Each is task-local, so a test that sets them reaches no test
/// running beside it (Swift Testing runs suites in parallel; as plain variables, one test's small blocks once
/// changed another's load halfway).
enum LoadTuning {
    /// `body` with the tunables given set, the others as they are.
    static func with<T>(minimumBytes: Int? = nil, blockBytes: Int? = nil, headBytes: Int? = nil, flatJSON: Bool? = nil,
                        suggestions: Int? = nil, _ body: () throws -> T) rethrows -> T {
        try ParallelCSV.$minimumBytes.withValue(minimumBytes ?? ParallelCSV.minimumBytes) {
            try ParallelCSV.$blockBytes.withValue(blockBytes ?? ParallelCSV.blockBytes) {
                try FileBytes.$headBytes.withValue(headBytes ?? FileBytes.headBytes) {
                    try JSONReader.$readsFlatObservations.withValue(flatJSON ?? JSONReader.readsFlatObservations) {
                        try RegionLookup.$suggested.withValue(suggestions ?? RegionLookup.suggested, operation: body)
                    }
                }
            }
        }
    }
}
