#include "authoring/run_diff.h"

#include <algorithm>
#include <map>
#include <set>

#include "authoring/score.h"

namespace newsgraph {

RunDiff CompareRuns(const std::vector<DocumentFacts>& baseline,
                    const std::vector<DocumentFacts>& run) {
  using Keys = std::map<std::string, int>;  // key -> how many events have it
  auto index = [](const std::vector<DocumentFacts>& facts) {
    std::map<std::string, Keys> out;
    for (const DocumentFacts& f : facts) {
      Keys& keys = out[f.doc];
      for (const Event& ev : f.events) ++keys[EventKey(ev)];
    }
    return out;
  };
  const std::map<std::string, Keys> before = index(baseline);
  const std::map<std::string, Keys> after = index(run);
  RunDiff diff;
  for (const auto& [doc, keys] : before) {
    if (!after.count(doc)) diff.only_in_baseline.push_back(doc);
  }
  for (const auto& [doc, keys] : after) {
    auto b = before.find(doc);
    if (b == before.end()) {
      diff.only_in_run.push_back(doc);
      continue;
    }
    RunDiff::Doc d{doc, {}, {}};
    std::set<std::string> all;
    for (const auto& [k, n] : keys) all.insert(k);
    for (const auto& [k, n] : b->second) all.insert(k);
    for (const std::string& k : all) {
      auto count = [&](const Keys& m) {
        auto it = m.find(k);
        return it == m.end() ? 0 : it->second;
      };
      const int now = count(keys), was = count(b->second);
      diff.unchanged += std::min(now, was);
      for (int i = was; i < now; ++i) d.added.push_back(k);
      for (int i = now; i < was; ++i) d.removed.push_back(k);
    }
    diff.added += static_cast<int>(d.added.size());
    diff.removed += static_cast<int>(d.removed.size());
    if (!d.added.empty() || !d.removed.empty()) diff.docs.push_back(std::move(d));
  }
  return diff;
}

}  // namespace newsgraph
