// May two reports tell the same event? The criterion of docs/merging.md, in one place, for
// the merge inside a document (event_merge), the merge across documents (graph/build) and
// the match of a predicted event to a gold one (authoring/eval):
//
//   types     equal, or one refines the other through `parent` (consult <- meet <- talks);
//   modality  equal;
//   dates     compatible (TimexCompatible: intervals overlap, unknown years compare months);
//   places    equal, missing, or one inside the other (part_of: Kyiv and Ukraine).
//
// Participants are each caller's own criterion (subsets within a window, the same set,
// Jaccard against gold); ParticipantIds gives the set they compare.
//
//   if (SameOccasion(rules, a, b) && ParticipantIds(a) == ParticipantIds(b)) ...   // build
//   const bool type_ok = p.type == g.type || Refines(rules, p.type, g.type);      // eval
//   const bool place_ok = PlacesCompatible(rules, p.place, g.place);
//   if (TypeDepth(rules, x.type) > TypeDepth(rules, ev.type)) ev.type = x.type;  // merging
#ifndef NEWSGRAPH_EXTRACT_EVENT_COMPAT_H_
#define NEWSGRAPH_EXTRACT_EVENT_COMPAT_H_

#include <string>
#include <vector>

#include "extract/model.h"
#include "rules/rules.h"

namespace newsgraph {

// The longest chain of `parent` links followed up the type hierarchy: a guard against a
// cycle in the event types.
inline constexpr int kMaxTypeDepth = 16;

// Returns how many `parent` links lead from type up to its root (0 for a root or an
// unknown type): the larger, the more specific.
int TypeDepth(const RuleSet& rules, const std::string& type);

// Returns true if type narrow refines type wide through `parent` links (false if equal).
bool Refines(const RuleSet& rules, const std::string& narrow, const std::string& wide);

// Returns true if types a and b may name the same event: equal, or one refines the other.
// If merged is not null, it gets the more specific of the two.
bool TypesCompatible(const RuleSet& rules, const std::string& a, const std::string& b,
                     std::string* merged = nullptr);

// Returns true if places a and b (entity ids) may be where one event happened: one is
// missing, they are equal, or one lies within the other (RuleSet::PlaceWithin).
bool PlacesCompatible(const RuleSet& rules, const std::string& a, const std::string& b);

// Returns true if a and b may be reports of one event as far as type, modality, date and
// place tell; who took part is left to the caller.
bool SameOccasion(const RuleSet& rules, const Event& a, const Event& b);

// Returns the entity ids of the resolved participants of ev, sorted and unique.
std::vector<std::string> ParticipantIds(const Event& ev);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_EVENT_COMPAT_H_
