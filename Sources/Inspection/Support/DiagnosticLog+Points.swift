import Common

extension DiagnosticLog {
    /// A plain non-negative number with at most two decimals, as ``Points``.
    package mutating func points(_ value: YAMLValue, item: String?, field: String) -> Points? {
        guard case let .scalar(text, plain) = value.kind, plain, let points = Points(parsing: text), points >= .zero else {
            error("\(field) must be a non-negative number with at most two decimals, found \(value.kindName)", at: value.location, item: item)
            return nil
        }
        return points
    }
}
