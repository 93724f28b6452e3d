// Stage 2 of the cascade (DESIGN §2): events. Event rules match the sentence rendered with
// every mention as a typed token; named groups fill roles with the mentions inside them.
// Attachment rules then give events without an explicit date, place or source the nearest
// one in the same sentence (a date of the sentence before, in the same paragraph, if their
// own sentence has none).
//
//   EventFinder finder(rules);
//   std::vector<EventMatch> found;
//   finder.Find(text, lang, facts, index, trace, &found);
#ifndef NEWSGRAPH_EVENTS_H_
#define NEWSGRAPH_EVENTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/mentions.h"
#include "extract/model.h"
#include "rules/rules.h"

namespace newsgraph {

// One event as one rule match found it, before document-level resolution.
struct EventMatch {
  int rule = -1;  // index into RuleSet::event_rules()
  int sentence = -1;
  Span span;
  std::vector<std::pair<std::string, int>> roles;  // (role, mention id)
  int date = -1;                                   // date mention
  int place = -1;                                  // place mention
  std::vector<int> sources;                        // source mentions (reported_by)
  std::vector<std::string> source_rules;           // attachment rule of each source ("" = own rule)
  std::string modality = "held";
  bool anaphoric = false;
  std::string date_rule, place_rule;  // attachment rules used, if any
};

class EventFinder {
 public:
  explicit EventFinder(const RuleSet& rules) : rules_(rules) {}

  // Appends the event matches of every sentence of facts, with their attachments, to *out;
  // trace (if not null) gets each sentence as the event rules saw it.
  void Find(std::string_view text, LangMask lang, const DocumentFacts& facts,
            const MentionIndex& index, Trace* trace, std::vector<EventMatch>* out) const;

 private:
  const RuleSet& rules_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EVENTS_H_
