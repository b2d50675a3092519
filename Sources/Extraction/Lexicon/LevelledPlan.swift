extension Lexicon {
    /// A plan that documents cite by numbered levels rather than by name: Yokohama's
    /// 中期計画 is cited as `中期計画：テーマ 03 戦略５ 政策 26`.
    ///
    /// Which plan that is, which words introduce its citations and what its levels
    /// are called is knowledge of the city, so it lives in the lexicon
    /// (`plan-levels.txt`), not in the extractor:
    ///
    ///     横浜市中期計画<TAB>中期計画
    ///     テーマ<TAB>Theme<TAB>digits:2
    ///     戦略
    ///     政策
    ///
    /// The first entry is the plan (its graph name, then the words that open a
    /// citation); each later entry is a level from the top: the name used in the
    /// graph, the other words that introduce its numbers in documents, and
    /// `digits:N` when names write its numbers with N digits (テーマ03).
    public struct LevelledPlan: Sendable, Equatable {
        public struct Level: Sendable, Equatable {
            public var name: String
            public var spellings: [String]
            public var digits: Int
            /// NFKC keys of the name and spellings, longest first.
            let keys: [[Unicode.Scalar]]

            public init(name: String, spellings: [String] = [], digits: Int = 1) {
                self.name = name
                self.spellings = spellings
                self.digits = digits
                keys = ([name] + spellings).map(TextNormalizer.compactScalars).filter { !$0.isEmpty }.sorted { $0.count > $1.count }
            }
        }

        public var name: String
        /// The words that open a citation (中期計画); the name itself does too.
        public var spellings: [String]
        public var levels: [Level]
        let keys: [[Unicode.Scalar]]

        public init(name: String, spellings: [String], levels: [Level]) {
            self.name = name
            self.spellings = spellings
            self.levels = levels
            keys = ([name] + spellings).map(TextNormalizer.compactScalars).filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        }

        /// The plan described by the entries of `plan-levels.txt`, or nil when the file is empty.
        static func from(_ entries: [Entry], path: String) throws -> LevelledPlan? {
            guard let plan = entries.first else { return nil }
            let levels = try entries.dropFirst().map { entry -> Level in
                var digits = 1
                var spellings: [String] = []
                for alias in entry.aliases {
                    if alias.hasPrefix("digits:") {
                        guard let n = Int(alias.dropFirst(7)), (1...4).contains(n) else {
                            throw LexiconError.badField(path: path, line: entry.line, field: alias, expected: "digits:N with N from 1 to 4")
                        }
                        digits = n
                    } else {
                        spellings.append(alias)
                    }
                }
                return Level(name: entry.canonical, spellings: spellings, digits: digits)
            }
            return LevelledPlan(name: plan.canonical, spellings: plan.aliases, levels: levels)
        }
    }
}
