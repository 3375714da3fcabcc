/// A 1-based line and column in a source file (columns count Unicode scalars, as libyaml does).
package struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Line, from 1.
    package var line: Int
    /// Column, from 1.
    package var column: Int

    /// Creates a location.
    package init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `23:11`.
    package var description: String { "\(line):\(column)" }
}
