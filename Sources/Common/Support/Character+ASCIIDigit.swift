extension Character {
    /// True for `0`...`9` only (not other Unicode digits).
    package var isASCIIDigit: Bool { ("0"..."9").contains(self) && isASCII }
}
