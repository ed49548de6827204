/// Union-find over `0..<count` with path halving; every set's root is its smallest member, so
/// results do not depend on the order of unions.
struct DisjointSets {
  private var parent: [Int]

  /// Creates `count` singleton sets.
  init(count: Int) { parent = Array(0..<count) }

  /// The root (smallest member) of `x`'s set.
  mutating func root(_ x: Int) -> Int {
    var x = x
    while parent[x] != x {
      parent[x] = parent[parent[x]]
      x = parent[x]
    }
    return x
  }

  /// Joins the sets of `a` and `b`.
  mutating func union(_ a: Int, _ b: Int) {
    let rootA = root(a)
    let rootB = root(b)
    if rootA != rootB { parent[max(rootA, rootB)] = min(rootA, rootB) }
  }
}
