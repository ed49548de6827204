/// Turns verified pairs into clusters, guarding against chaining.
///
/// Connected components of the verified-pair graph would let one spurious pair merge two
/// families. So an edge counts as *weak* when its two ends each have other neighbours but no
/// neighbour in common (no triangle supports it). Weak edges are set aside, the component splits
/// into groups, and groups that were joined by weak edges are merged back, best first, only
/// while their average linkage (mean Jaccard over all pairs across the two groups) reaches
/// `minimumLinkage`. Weak edges left between different groups are reported as cut.
struct ClusterGraph {
  struct Edge: Sendable {
    var a: Int
    var b: Int
    var jaccard: Double
    var containment: Double
  }

  /// Groups of document ids (each sorted, size >= 2) and the indices of cut edges.
  ///
  /// Components are guarded concurrently (each on its own), and their results joined in the
  /// order of their smallest document.
  static func clusters(
    documents: Int, edges: [Edge], minimumLinkage: Double,
    jaccard: @Sendable (Int, Int) -> Double
  ) -> (groups: [[Int]], cut: [Int]) {
    var components = DisjointSets(count: documents)
    for edge in edges { components.union(edge.a, edge.b) }
    var componentEdges: [Int: [Int]] = [:]
    for (index, edge) in edges.enumerated() {
      componentEdges[components.root(edge.a), default: []].append(index)
    }
    let keys = componentEdges.keys.sorted()
    let edgesOfComponent = keys.map { key in
      componentEdges[key]!.map { (index: $0, edge: edges[$0]) }
    }
    let splits = Parallel.map(count: keys.count, minimumChunk: 16) { component in
      guardComponent(
        edges: edgesOfComponent[component], minimumLinkage: minimumLinkage, jaccard: jaccard)
    }
    return (splits.flatMap(\.groups), splits.flatMap(\.cut).sorted())
  }

  /// Splits one connected component at weakly supported edges.
  static func guardComponent(
    edges: [(index: Int, edge: Edge)], minimumLinkage: Double, jaccard: (Int, Int) -> Double
  ) -> (groups: [[Int]], cut: [Int]) {
    var nodes = Set<Int>()
    for (_, edge) in edges {
      nodes.insert(edge.a)
      nodes.insert(edge.b)
    }
    let all = nodes.sorted()
    // Very dense components (thousands of near-copies) are trivially supported.
    if all.count < 4 || edges.count > 200_000 { return ([all], []) }
    var neighbours: [Int: Set<Int>] = [:]
    for (_, edge) in edges {
      neighbours[edge.a, default: []].insert(edge.b)
      neighbours[edge.b, default: []].insert(edge.a)
    }
    var weak: [(index: Int, edge: Edge)] = []
    var strong: [Edge] = []
    for entry in edges {
      let left = neighbours[entry.edge.a]!
      let right = neighbours[entry.edge.b]!
      if left.count >= 2 && right.count >= 2 && left.isDisjoint(with: right) {
        weak.append(entry)
      } else {
        strong.append(entry.edge)
      }
    }
    if weak.isEmpty { return ([all], []) }
    // Groups held together by supported edges.
    var group: [Int: Int] = [:]
    for node in all { group[node] = node }
    func root(_ x: Int) -> Int {
      var x = x
      while group[x]! != x {
        group[x] = group[group[x]!]!
        x = group[x]!
      }
      return x
    }
    for edge in strong {
      let a = root(edge.a)
      let b = root(edge.b)
      if a != b { group[max(a, b)] = min(a, b) }
    }
    var members: [Int: [Int]] = [:]
    for node in all { members[root(node), default: []].append(node) }
    // Merge weakly linked groups by average linkage, best first.
    while true {
      var best: (linkage: Double, a: Int, b: Int)? = nil
      var seen = Set<[Int]>()
      for (_, edge) in weak {
        let a = root(edge.a)
        let b = root(edge.b)
        guard a != b else { continue }
        let key = [min(a, b), max(a, b)]
        guard seen.insert(key).inserted else { continue }
        let linkage = averageLinkage(members[key[0]]!, members[key[1]]!, jaccard: jaccard)
        if linkage >= minimumLinkage,
          best == nil || linkage > best!.linkage
            || (linkage == best!.linkage && (key[0], key[1]) < (best!.a, best!.b))
        {
          best = (linkage, key[0], key[1])
        }
      }
      guard let merge = best else { break }
      group[merge.b] = merge.a
      members[merge.a]!.append(contentsOf: members.removeValue(forKey: merge.b)!)
      members[merge.a]!.sort()
    }
    let groups = members.values.filter { $0.count >= 2 }.map { $0.sorted() }
      .sorted { $0[0] < $1[0] }
    let cut = weak.filter { root($0.edge.a) != root($0.edge.b) }.map(\.index)
    return (groups, cut)
  }

  /// Mean Jaccard over pairs across two groups (at most 4,096 pairs, evenly sampled).
  static func averageLinkage(_ x: [Int], _ y: [Int], jaccard: (Int, Int) -> Double) -> Double {
    let total = x.count * y.count
    let step = max(1, total / 4096)
    var sum = 0.0
    var count = 0
    var position = 0
    while position < total {
      sum += jaccard(x[position / y.count], y[position % y.count])
      count += 1
      position += step
    }
    return count == 0 ? 0 : sum / Double(count)
  }
}
