/// Which result column colours (or sizes) the nodes of a drawing: ``DOTStyle/colorBy``,
/// ``DOTStyle/sizeBy`` and the matching ``DOTOptions`` fields.
public enum DOTColumnChoice: Sendable, Equatable {
    /// The first column with a known name: `communityId`, `componentId`, `community` or
    /// `component` for colour; `score`, `degree`, `centrality`, ... for size (see docs/dot.md).
    case automatic
    /// No column colours (or sizes) the nodes.
    case none
    /// This column; a drawing of a query result without it, or with values of the wrong
    /// type in it, is a ``DOTColumnError``.
    case column(String)

    /// The choice a `--color-by` or `--size-by` value names: `none`, else that column.
    public init(naming text: String) {
        self = text == "none" ? .none : .column(text)
    }
}
