/// Short names that a document declares for organisations, read once from the whole
/// text so that every later use of the short name means the organisation:
///
///     戸塚区連合町内会自治会連絡会（区連会）       区連会 → 戸塚区連合町内会自治会連絡会
///     鶴見区社会福祉協議会（以下「区社協」）       区社協 → 鶴見区社会福祉協議会
///     …連絡会（以下、区連会という。）              区連会 → …連絡会
///     区社協（鶴見区社会福祉協議会）             区社協 → 鶴見区社会福祉協議会
///
/// A bracketed short form counts as a declaration only when it abbreviates the name
/// beside it (its characters occur in the name, in order), so that `地域ケアプラザ
/// （地域包括支援センター）` declares nothing: the two are different names.
enum AliasDeclarations {
    struct Declaration: Equatable, Sendable {
        var alias: [Unicode.Scalar]
        /// The full name as written.
        var name: [Unicode.Scalar]
    }

    /// The declarations in `text` (NFKC compact); `isOrganisation` says whether a
    /// name is one of an organisation.
    static func scan(_ text: [Unicode.Scalar], words: [[Unicode.Scalar]], isOrganisation: ([Unicode.Scalar]) -> Bool) -> [Declaration] {
        var result: [Declaration] = []
        var i = 0
        while i < text.count {
            guard text[i] == "(", let close = text[(i + 1)...].prefix(40).firstIndex(of: ")") else { i += 1; continue }
            var inner = Array(text[(i + 1)..<close])
            if inner.hasPrefix(hereafter) {
                inner.removeFirst(hereafter.count)
                while let first = inner.first, first == "、" || first == "," || first == "「" { inner.removeFirst() }
                // `（以下「区社協」という。）`, `（以下、区連会という）`.
                if inner.last == "。" { inner.removeLast() }
                if let saying = sayings.first(where: { inner.hasSuffix($0) }) { inner.removeLast(saying.count) }
                if inner.last == "」" { inner.removeLast() }
            }
            let before = Array(text[NameMorphology.nameStart(in: text, endingAt: i, limit: 30, words: words)..<i])
            if isAbbreviation(inner, of: before), isOrganisation(before) {
                result.append(Declaration(alias: inner, name: before))  // NAME（ALIAS）
            } else if isAbbreviation(before, of: inner), isOrganisation(inner) {
                result.append(Declaration(alias: before, name: inner))  // ALIAS（NAME）
            }
            i = close + 1
        }
        return result
    }

    private static let hereafter = S("以下")
    private static let sayings = ["という", "と言う", "と称する", "とする"].map(S)

    /// Whether `short` (2 to 6 letters) takes its characters from `name`, in order.
    static func isAbbreviation(_ short: [Unicode.Scalar], of name: [Unicode.Scalar]) -> Bool {
        guard short.count >= 2, short.count <= 6, name.count > short.count, short.allSatisfy(ScalarClass.isNameCharacter) else { return false }
        var j = 0
        for c in name where j < short.count && c == short[j] { j += 1 }
        return j == short.count
    }
}
