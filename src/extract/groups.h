// Grouping reports that tell one event, in time linear in their number (docs/reliability.md):
//
//   UnionFind groups(n);
//   groups.Join(j, i);                       // j's group into i's
//   GroupsByKey<std::set<std::string>> same; // earlier items by key, by group
//   same.ForEachGroup(key, j, &groups, [&](int i) { return Joined(i, j); });
//   same.Add(key, j, &groups);
#ifndef NEWSGRAPH_EXTRACT_GROUPS_H_
#define NEWSGRAPH_EXTRACT_GROUPS_H_

#include <map>
#include <numeric>
#include <utility>
#include <vector>

namespace newsgraph {

// Union-find over indices 0..n-1, with path compression.
class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }

  // Returns the root of x's group (iteratively: a chain may be as long as the input).
  int Find(int x) {
    int root = x;
    while (parent_[root] != root) root = parent_[root];
    while (parent_[x] != root) x = std::exchange(parent_[x], root);
    return root;
  }

  // Puts x's group into y's.
  void Join(int x, int y) { parent_[Find(x)] = Find(y); }

  // Returns the groups in the order of their first index, each in index order.
  std::vector<std::vector<int>> Groups() {
    std::vector<std::vector<int>> groups;
    std::vector<int> group_of_root(parent_.size(), -1);
    for (size_t i = 0; i < parent_.size(); ++i) {
      int& g = group_of_root[Find(static_cast<int>(i))];
      if (g < 0) {
        g = static_cast<int>(groups.size());
        groups.emplace_back();
      }
      groups[g].push_back(static_cast<int>(i));
    }
    return groups;
  }

 private:
  std::vector<int> parent_;
};

// The items added so far under each key, by the group they have joined. An item is tried
// against each group of its key until one member accepts it, and never against its own
// group: a meeting told a thousand times costs one check per report, not one per pair.
template <typename Key>
class GroupsByKey {
 public:
  // Calls join(i) for the items of key until one returns true, group by group, skipping the
  // group of j.
  template <typename Join>
  void ForEachGroup(const Key& key, int j, UnionFind* groups, Join join) {
    auto it = by_key_.find(key);
    if (it == by_key_.end()) return;
    // Groups joined since their items were added: their lists merge, the smaller into the
    // larger.
    std::map<int, std::vector<int>> current;
    for (auto& [root, members] : it->second) {
      std::vector<int>& into = current[groups->Find(root)];
      if (into.size() < members.size()) into.swap(members);
      into.insert(into.end(), members.begin(), members.end());
    }
    it->second.swap(current);
    for (const auto& [root, members] : it->second) {
      if (root == groups->Find(j)) continue;
      for (int i : members) {
        if (join(i)) break;
      }
    }
  }
  // Adds item i under key.
  void Add(const Key& key, int i, UnionFind* groups) { by_key_[key][groups->Find(i)].push_back(i); }

 private:
  std::map<Key, std::map<int, std::vector<int>>> by_key_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_GROUPS_H_
