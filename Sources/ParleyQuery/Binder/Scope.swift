import ParleyGraph
import ParleyValues

/// What a variable holds, as far as the compiler knows.
enum VariableKind: Sendable, Equatable {
    case node, relationship, relationshipList, path, value
    /// Values whose type is known at compile time (from literals and operators).
    case boolean, integer, float, string, list, map

    /// The name used in error messages.
    var displayName: String {
        switch self {
        case .node: return "Node"
        case .relationship: return "Relationship"
        case .relationshipList: return "List<Relationship>"
        case .path: return "Path"
        case .value: return "Any"
        case .boolean: return "Boolean"
        case .integer: return "Integer"
        case .float: return "Float"
        case .string: return "String"
        case .list: return "List<Any>"
        case .map: return "Map"
        }
    }
}

/// A variable in scope: its row slot and kind.
struct Variable: Sendable {
    var slot: Int
    var kind: VariableKind
}

/// The variables visible at one point of a query, each mapped to a row slot.
struct Scope: Sendable {
    /// Visible variables by name (anonymous pattern elements are not here).
    var variables: [String: Variable] = [:]
    /// Names in the order they were introduced (for RETURN *).
    var order: [String] = []

    /// Looks a variable up.
    subscript(name: String) -> Variable? { variables[name] }

    /// Adds (or replaces) a variable.
    mutating func bind(_ name: String, _ variable: Variable) {
        if variables[name] == nil { order.append(name) }
        variables[name] = variable
    }

    /// Whether nothing user-visible is in scope.
    var isEmpty: Bool { variables.isEmpty }
}

/// Hands out row slots; a row is an array of values indexed by slot.
final class SlotAllocator {
    /// How many slots are in use.
    private(set) var count = 0
    /// A readable name per slot, for plans.
    private(set) var names: [String] = []

    /// A fresh slot.
    func allocate(_ name: String) -> Int {
        names.append(name)
        count += 1
        return count - 1
    }
}
