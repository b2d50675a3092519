extension StringProtocol {
    /// The text cut to at most `width` display columns, ending in `ellipsis` when
    /// something was cut; the text unchanged when it fits.
    ///
    ///     "戸塚区役所".truncated(toWidth: 7)             // "戸塚区…" (7 columns)
    ///     "戸塚区役所".truncated(toWidth: 6)             // "戸塚…"   (5 columns)
    ///     "ward(泉区)".truncated(toWidth: 6, ellipsis: "...") // "war..."
    ///
    /// Cuts fall between grapheme clusters, so a wide character is never split in
    /// half and a combining mark never loses its base; the result may therefore be
    /// one column narrower than `width`. When even the ellipsis does not fit, the
    /// text is cut without it.
    ///
    /// The default ellipsis, U+2026, is East Asian Ambiguous: one column in most
    /// terminals, two in those set to draw ambiguous characters wide. Pass "..."
    /// for such terminals.
    public func truncated(toWidth width: Int, ellipsis: String = "…") -> String {
        guard displayWidth > width else { return String(self) }
        let ellipsisWidth = ellipsis.displayWidth
        let budget = ellipsisWidth <= width ? width - ellipsisWidth : width
        var used = 0
        var end = startIndex
        for index in indices {
            let characterWidth = self[index].displayWidth
            if used + characterWidth > budget { break }
            used += characterWidth
            end = self.index(after: index)
        }
        let kept = String(self[..<end])
        return ellipsisWidth <= width ? kept + ellipsis : kept
    }
}
