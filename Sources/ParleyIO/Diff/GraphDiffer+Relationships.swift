import ParleyGraph
import ParleyValues

/// Matching relationships: per matched node, type by type, then by target and `id`, parallel
/// ones as multisets.
extension GraphDiffer {
    /// Matches every relationship of the old graph with one of the new graph, or records it
    /// removed; the unmatched ones of the new graph are added. Paired relationships are
    /// compared last, in old id order.
    mutating func matchRelationships() {
        partners = [Int32](repeating: -1, count: old.relationshipCapacity)
        for o in old.nodeIDs {
            let n = oldToNew[o]
            if n < 0 {
                for e in old.adjacency(of: o, .outgoing) { elements.removedRelationships.append(Int(e.rel)) }
            } else {
                matchOutgoing(o, Int(n))
            }
        }
        for n in new.nodeIDs where !newMatched[n] {
            for e in new.adjacency(of: n, .outgoing) { elements.addedRelationships.append(Int(e.rel)) }
        }
        for o in partners.indices where partners[o] >= 0 {
            let n = Int(partners[o])
            if sameProperties(relationshipColumns, o, n) { continue }
            elements.changedRelationships.append((o, n))
            relationshipChanges.append(propertyChanges(relationshipKeys, relationshipColumns, o, n))
        }
    }

    /// Matches the outgoing relationships of old node `o` with those of its counterpart `n`,
    /// one type at a time.
    mutating func matchOutgoing(_ o: NodeID, _ n: NodeID) {
        let oldList = old.adjacency(of: o, .outgoing)
        let newList = new.adjacency(of: n, .outgoing)
        var i = oldList.startIndex
        while i < oldList.endIndex {
            let type = oldList[i].type
            var j = i + 1
            while j < oldList.endIndex && oldList[j].type == type { j += 1 }
            let newType = typeOldToNew[Int(type)]
            if newType < 0 {
                for e in oldList[i..<j] { elements.removedRelationships.append(Int(e.rel)) }
            } else {
                matchGroup(oldList[i..<j], GraphDiffer.group(newList, type: newType))
            }
            i = j
        }
        // Types the old node has none of: all added.
        i = newList.startIndex
        while i < newList.endIndex {
            let type = newList[i].type
            var j = i + 1
            while j < newList.endIndex && newList[j].type == type { j += 1 }
            let oldType = typeNewToOld[Int(type)]
            if oldType < 0 || GraphDiffer.group(oldList, type: oldType).isEmpty {
                for e in newList[i..<j] { elements.addedRelationships.append(Int(e.rel)) }
            }
            i = j
        }
    }

    /// The entries of type `type` in an adjacency list sorted by type (binary search).
    static func group(_ list: ArraySlice<AdjacencyEntry>, type: Int32) -> ArraySlice<AdjacencyEntry> {
        var lo = list.startIndex, hi = list.endIndex
        while lo < hi {
            let mid = (lo + hi) / 2
            if list[mid].type < type { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < list.endIndex && list[end].type == type { end += 1 }
        return list[lo..<end]
    }

    /// Matches relationships of one source and type: by target and `id`, then as multisets.
    mutating func matchGroup(_ oldGroup: ArraySlice<AdjacencyEntry>, _ newGroup: ArraySlice<AdjacencyEntry>) {
        if oldGroup.count == 1 && newGroup.count == 1 {
            let a = oldGroup[oldGroup.startIndex], b = newGroup[newGroup.startIndex]
            if oldToNew[Int(a.other)] == b.other && StrictValue.identical(oldRelationshipID(a.rel), newRelationshipID(b.rel)) {
                pair(Int(a.rel), Int(b.rel))
            } else {
                elements.removedRelationships.append(Int(a.rel))
                elements.addedRelationships.append(Int(b.rel))
            }
            return
        }
        scratchOld.removeAll(keepingCapacity: true)
        scratchNew.removeAll(keepingCapacity: true)
        for e in oldGroup {
            let target = oldToNew[Int(e.other)]
            if target < 0 {
                elements.removedRelationships.append(Int(e.rel))
            } else {
                scratchOld.append(KeyedRelationship(target: target, idHash: StrictValue.hashValue(oldRelationshipID(e.rel)), rel: e.rel))
            }
        }
        for e in newGroup {
            scratchNew.append(KeyedRelationship(target: e.other, idHash: StrictValue.hashValue(newRelationshipID(e.rel)), rel: e.rel))
        }
        scratchOld.sort(by: <)
        scratchNew.sort(by: <)
        let olds = scratchOld, news = scratchNew
        var a = 0, b = 0
        while a < olds.count || b < news.count {
            if b == news.count || (a < olds.count && olds[a].keyPrecedes(news[b])) {
                elements.removedRelationships.append(Int(olds[a].rel))
                a += 1
            } else if a == olds.count || news[b].keyPrecedes(olds[a]) {
                elements.addedRelationships.append(Int(news[b].rel))
                b += 1
            } else {
                var a2 = a + 1, b2 = b + 1
                while a2 < olds.count && olds[a2].sameKey(olds[a]) { a2 += 1 }
                while b2 < news.count && news[b2].sameKey(news[b]) { b2 += 1 }
                if a2 - a == 1 && b2 - b == 1 && (olds[a].idHash == 0 || StrictValue.identical(oldRelationshipID(olds[a].rel), newRelationshipID(news[b].rel))) {
                    pair(Int(olds[a].rel), Int(news[b].rel))
                } else {
                    matchSameKey(olds[a..<a2].map(\.rel), news[b..<b2].map(\.rel))
                }
                a = a2
                b = b2
            }
        }
    }

    /// Relationships with the same source, type, target and `id` hash: split by identical
    /// `id` (hashes may collide), then paired as multisets.
    mutating func matchSameKey(_ olds: [Int32], _ news: [Int32]) {
        if olds.count == 1 && news.count == 1 && StrictValue.identical(oldRelationshipID(olds[0]), newRelationshipID(news[0])) {
            pair(Int(olds[0]), Int(news[0]))
            return
        }
        var restOld = olds, restNew = news
        while let first = restOld.first {
            let id = oldRelationshipID(first)
            let sameOld = restOld.filter { StrictValue.identical(oldRelationshipID($0), id) }
            let sameNew = restNew.filter { StrictValue.identical(newRelationshipID($0), id) }
            restOld.removeAll { StrictValue.identical(oldRelationshipID($0), id) }
            restNew.removeAll { StrictValue.identical(newRelationshipID($0), id) }
            pairMultiset(sameOld, sameNew)
        }
        for r in restNew { elements.addedRelationships.append(Int(r)) }
    }

    /// Parallel relationships with one key (both lists in relationship order): those with
    /// identical properties pair first, the rest pair in order as changed, the surplus is
    /// removed or added.
    mutating func pairMultiset(_ olds: [Int32], _ news: [Int32]) {
        if olds.count == 1 && news.count == 1 {
            pair(Int(olds[0]), Int(news[0]))
            return
        }
        var taken = [Bool](repeating: false, count: news.count)
        var unpaired: [Int32] = []
        if olds.count * news.count <= 4096 {
            for o in olds {
                if let k = news.indices.first(where: { !taken[$0] && sameProperties(relationshipColumns, Int(o), Int(news[$0])) }) {
                    taken[k] = true
                } else {
                    unpaired.append(o)
                }
            }
        } else {
            // Many parallel relationships: look candidates up by a hash of their properties.
            var buckets: [Int: [Int]] = [:]
            for (k, r) in news.enumerated() { buckets[propertyHash(Int(r), newSide: true), default: []].append(k) }
            for o in olds {
                let candidates = buckets[propertyHash(Int(o), newSide: false)] ?? []
                if let k = candidates.first(where: { !taken[$0] && sameProperties(relationshipColumns, Int(o), Int(news[$0])) }) {
                    taken[k] = true
                } else {
                    unpaired.append(o)
                }
            }
        }
        let left = news.indices.filter { !taken[$0] }.map { news[$0] }
        for (o, n) in zip(unpaired, left) { pair(Int(o), Int(n)) }
        for o in unpaired.dropFirst(left.count) { elements.removedRelationships.append(Int(o)) }
        for n in left.dropFirst(unpaired.count) { elements.addedRelationships.append(Int(n)) }
    }

    /// Records `o` and `n` as the same relationship (changed if their properties differ,
    /// which ``matchRelationships()`` finds out afterwards).
    mutating func pair(_ o: RelID, _ n: RelID) {
        partners[o] = Int32(n)
    }
}
