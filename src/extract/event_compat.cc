#include "extract/event_compat.h"

#include <algorithm>

namespace newsgraph {

namespace {

// Follows the `parent` links up from type, calling visit(parent) for each, nearest first,
// until visit returns false or the chain ends (a root, an unknown type, or kMaxTypeDepth
// links). Returns the number of links followed.
template <typename Fn>
int WalkParents(const RuleSet& rules, const std::string& type, Fn visit) {
  int depth = 0;
  const EventType* t = rules.Type(type);
  while (t != nullptr && !t->parent.empty() && depth < kMaxTypeDepth) {
    ++depth;
    if (!visit(t->parent)) break;
    t = rules.Type(t->parent);
  }
  return depth;
}

}  // namespace

int TypeDepth(const RuleSet& rules, const std::string& type) {
  return WalkParents(rules, type, [](const std::string&) { return true; });
}

bool Refines(const RuleSet& rules, const std::string& narrow, const std::string& wide) {
  bool found = false;
  WalkParents(rules, narrow, [&](const std::string& parent) {
    found = parent == wide;
    return !found;
  });
  return found;
}

bool TypesCompatible(const RuleSet& rules, const std::string& a, const std::string& b,
                     std::string* merged) {
  const std::string* specific = nullptr;
  if (a == b || Refines(rules, a, b)) {
    specific = &a;
  } else if (Refines(rules, b, a)) {
    specific = &b;
  }
  if (specific != nullptr && merged != nullptr) *merged = *specific;
  return specific != nullptr;
}

bool PlacesCompatible(const RuleSet& rules, const std::string& a, const std::string& b) {
  return a.empty() || b.empty() || a == b || rules.PlaceWithin(a, b) || rules.PlaceWithin(b, a);
}

bool SameOccasion(const RuleSet& rules, const Event& a, const Event& b) {
  return TypesCompatible(rules, a.type, b.type) && a.modality == b.modality &&
         TimexCompatible(a.date, b.date) && PlacesCompatible(rules, a.place, b.place);
}

std::vector<std::string> ParticipantIds(const Event& ev) {
  std::vector<std::string> ids;
  for (const Participant& p : ev.participants) {
    if (!p.entity.empty()) ids.push_back(p.entity);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

}  // namespace newsgraph
