import PopplerText

/// How many lines have a run over each whole point of a page's width, from `left` on: the
/// evidence for column gutters. A line counts once at a point however many of its runs cover
/// it. Each line's runs are merged into spans and counted with a difference array, so the
/// cost is the number of runs plus the width, not the width of every run.
struct PageCoverage {
    /// Lines covering point `left + i`, for `i` in `0..<width`.
    let counts: [Int]

    init(_ lines: [[TextRun]], left: Int, width: Int) {
        var steps = [Int](repeating: 0, count: width + 1)
        var spans: [(from: Int, to: Int)] = []
        for line in lines {
            spans.removeAll(keepingCapacity: true)
            var sorted = true
            for index in line.indices {
                let box = line[index].bbox
                let from = max(0, Int(box.x0.rounded(.up)) - left)
                let to = min(width - 1, max(from, Int(box.x1.rounded(.down)) - left))
                // A run starting beyond the width covers nothing (its range would be empty).
                guard from <= to else { continue }
                if let last = spans.last, from < last.from { sorted = false }
                spans.append((from, to))
            }
            if !sorted { spans.sort { $0.from < $1.from } }
            var index = 0
            while index < spans.count {
                let from = spans[index].from
                var to = spans[index].to
                index += 1
                while index < spans.count, spans[index].from <= to {
                    to = max(to, spans[index].to)
                    index += 1
                }
                steps[from] += 1
                steps[to + 1] -= 1
            }
        }
        var counts = [Int](repeating: 0, count: width)
        var running = 0
        for x in 0..<width {
            running += steps[x]
            counts[x] = running
        }
        self.counts = counts
    }
}
