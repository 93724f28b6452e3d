#include "extract/resolve.h"

#include "extract/event_merge.h"

namespace newsgraph {

void Resolver::Resolve(std::string_view text, const std::vector<EventMatch>& matches,
                       DocumentFacts* facts, StageTimer* timer) const {
  {
    TimedStage t(timer, "resolution entities");
    ResolveEntities(rules_, options_, text, facts);
  }
  TimedStage t(timer, "resolution events");
  MergeEvents(rules_, options_, text, matches, facts);
}

}  // namespace newsgraph
