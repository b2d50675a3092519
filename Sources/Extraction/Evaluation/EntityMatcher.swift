/// The guideline's one-to-one matching of extracted entities to gold entities.
///
/// Names are compared after NFKC with white space removed. A gold entity matches an
/// extracted one whose name equals its name or one of its aliases; for measures and
/// plans, failing that, one whose name contains the gold name or is contained in it,
/// closest in length first. Pairs are taken greedily: all exact pairs first, then
/// containment pairs by increasing length difference (ties by gold order, then
/// extracted order), each entity used at most once.
enum EntityMatcher {
    struct GoldName {
        var name: String
        var aliases: [String]
    }

    /// Extracted index → gold index for the matched pairs.
    static func match(gold: [GoldName], extracted: [String], containment: Bool) -> [Int: Int] {
        let goldKeys = gold.map { TextNormalizer.key($0.name) }
        let goldAliasKeys = gold.map { Set(([$0.name] + $0.aliases).map(TextNormalizer.key)) }
        let extractedKeys = extracted.map(TextNormalizer.key)
        var pairs: [(cost: Int, gold: Int, extracted: Int)] = []
        for (g, keys) in goldAliasKeys.enumerated() {
            for (e, key) in extractedKeys.enumerated() where !key.isEmpty {
                if keys.contains(key) {
                    pairs.append((0, g, e))
                } else if containment, !goldKeys[g].isEmpty, key.contains(goldKeys[g]) || goldKeys[g].contains(key) {
                    pairs.append((1 + abs(key.count - goldKeys[g].count), g, e))
                }
            }
        }
        pairs.sort { ($0.cost, $0.gold, $0.extracted) < ($1.cost, $1.gold, $1.extracted) }
        var usedGold = Set<Int>()
        var result: [Int: Int] = [:]
        for pair in pairs where !usedGold.contains(pair.gold) && result[pair.extracted] == nil {
            usedGold.insert(pair.gold)
            result[pair.extracted] = pair.gold
        }
        return result
    }
}
