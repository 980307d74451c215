/// Spells `-j4` (make's and xargs' habit) as `-j 4`, which swift-argument-parser expects: an
/// argument `-j` followed directly by digits, before any `--`, is split in two. Nothing else
/// is touched, so a file named `-j4` stays reachable after `--`.
enum AttachedOptionValue {
    static func separated(_ arguments: [String]) -> [String] {
        var result: [String] = []
        var optionsEnded = false
        for argument in arguments {
            if argument == "--" { optionsEnded = true }
            let digits = argument.dropFirst(2)
            if !optionsEnded, argument.hasPrefix("-j"), !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) {
                result += ["-j", String(digits)]
            } else {
                result.append(argument)
            }
        }
        return result
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
