/// The direction in which `dot` lays out ranks (Graphviz's `rankdir`).
///
/// Top-to-bottom suits hierarchies (ward → policy → measure); left-to-right suits
/// long chains whose labels are wide, as Japanese labels often are.
public enum RankDirection: String, Sendable, Hashable, CaseIterable {
    case topToBottom = "TB"
    case leftToRight = "LR"
    case bottomToTop = "BT"
    case rightToLeft = "RL"
}
