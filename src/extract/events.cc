#include "extract/events.h"

#include <algorithm>

#include "extract/match.h"
#include "extract/render.h"

namespace newsgraph {

namespace {

bool IsParticipantKind(MentionKind k) {
  return k != MentionKind::kDate && k != MentionKind::kSource;
}

// Returns true if a clause boundary (a CLAUSE_MARKERS word: "dan", "sebelum", "which"...)
// stands between the event span and a mention outside it.
bool OtherClause(std::string_view text, Span event, Span m, const WordList* markers) {
  if (markers == nullptr || event.Overlaps(m)) return false;
  const Span between = m.begin >= event.end ? Span{event.end, m.begin} : Span{m.end, event.begin};
  const std::string_view gap = between.Of(text);
  std::string ignored;
  for (Span t : Tokenize(gap)) {
    if (markers->Lookup(t.Of(gap), &ignored)) return true;
  }
  return false;
}

uint32_t Distance(Span a, Span b) {
  if (a.Overlaps(b)) return 0;
  return a.end <= b.begin ? b.begin - a.end : a.begin - b.end;
}

}  // namespace

void EventFinder::Find(std::string_view text, LangMask lang, const DocumentFacts& facts,
                       const MentionIndex& index, Trace* trace,
                       std::vector<EventMatch>* out) const {
  const std::vector<Mention>& mentions = facts.mentions;
  const WordList* clause_markers = rules_.List("CLAUSE_MARKERS");
  std::vector<int> candidates;
  // The date an event of the next sentence takes when its own sentence has none: the
  // date attachment of highest priority in sentence p, the last one among equals (the
  // nearest), never an excluded one (a dateline's). Returns -1 if there is none.
  auto previous_sentence_date = [&](size_t p, std::string* rule_id) {
    const Rendered r(text, facts.sentences[p].span, index.top[p], mentions);
    std::vector<int> attach;
    rules_.attach_prefilter().Candidates(r.text(), &attach);
    std::vector<std::pair<int, const AttachRule*>> dates;  // (mention, rule)
    std::vector<int> excluded;
    for (int ai : attach) {
      const AttachRule& rule = *rules_.attach_rules()[ai];
      if ((rule.langs & lang) == 0 || (rule.slot != "date" && rule.slot != "exclude")) continue;
      ForEachMatch(*rule.re, r.text(), kResumeAfterMatch, [&](const Groups& g) {
        std::vector<int> found;
        GroupMentions(r, g, rule.Group(rule.slot), &found);
        for (int m : found) {
          if (mentions[m].kind != MentionKind::kDate) continue;
          if (rule.slot == "exclude") {
            excluded.push_back(m);
          } else {
            dates.emplace_back(m, &rule);
          }
        }
      });
    }
    int best = -1, best_priority = INT32_MIN;
    for (const auto& [m, rule] : dates) {
      if (std::find(excluded.begin(), excluded.end(), m) != excluded.end()) continue;
      if (rule->priority > best_priority ||
          (rule->priority == best_priority && mentions[m].span.begin > mentions[best].span.begin)) {
        best = m;
        best_priority = rule->priority;
        *rule_id = rule->id + "@previous-sentence";
      }
    }
    return best;
  };
  for (size_t s = 0; s < facts.sentences.size(); ++s) {
    const Rendered r(text, facts.sentences[s].span, index.top[s], mentions);
    if (trace) trace->sentences[s].renders.emplace_back("events", r.text());
    auto in_group = [&](const Groups& g, int group, std::vector<int>* found) {
      GroupMentions(r, g, group, found);
    };
    const size_t first_event = out->size();
    rules_.event_prefilter().Candidates(r.text(), &candidates);
    for (int ri : candidates) {
      const EventRule& rule = *rules_.event_rules()[ri];
      if ((rule.langs & lang) == 0) continue;
      ForEachMatch(*rule.re, r.text(), kResumeAfterMatch, [&](const Groups& g) {
        EventMatch e;
        e.rule = ri;
        e.sentence = static_cast<int>(s);
        // The evidence is the `span` group if the rule has one (context it needs but that is
        // not part of the event, such as the word that starts the clause), else the match.
        const int g_span = rule.Group("span");
        const re2::StringPiece& whole =
            g_span > 0 && g[g_span].data() != nullptr ? g[g_span] : g[0];
        const size_t b = whole.data() - r.text().data();
        e.span = r.ToDocument(b, b + whole.size());
        e.modality = rule.modality;
        e.anaphoric = rule.anaphoric;
        std::vector<int> found;
        for (const auto& [group, role] : rule.roles) {
          found.clear();
          in_group(g, rule.Group(group), &found);
          for (int m : found) {
            if (!IsParticipantKind(mentions[m].kind)) continue;
            const auto entry = std::make_pair(role, m);
            if (std::find(e.roles.begin(), e.roles.end(), entry) == e.roles.end()) {
              e.roles.push_back(entry);
            }
          }
        }
        found.clear();
        in_group(g, rule.Group("date"), &found);
        for (int m : found) {
          if (mentions[m].kind == MentionKind::kDate && e.date < 0) e.date = m;
        }
        found.clear();
        in_group(g, rule.Group("place"), &found);
        for (int m : found) {
          const MentionKind k = mentions[m].kind;
          if ((k == MentionKind::kPlace || k == MentionKind::kCountry) && e.place < 0) e.place = m;
        }
        found.clear();
        in_group(g, rule.Group("source"), &found);
        for (int m : found) {
          if (mentions[m].kind == MentionKind::kSource) {
            e.sources.push_back(m);
            e.source_rules.push_back("");
          }
        }
        for (const char* mod : {"planned", "negated", "denied", "uncertain"}) {
          if (!GroupText(g, rule.Group(mod)).empty()) e.modality = mod;
        }
        out->push_back(std::move(e));
      });
    }
    if (out->size() == first_event) continue;

    // Attachments: the nearest date and place in the sentence, and every named source.
    struct Slot {
      std::string slot;
      int mention;
      std::string rule;
      int priority;
      bool whole_sentence;
    };
    std::vector<Slot> slots;
    rules_.attach_prefilter().Candidates(r.text(), &candidates);
    for (int ai : candidates) {
      const AttachRule& rule = *rules_.attach_rules()[ai];
      if ((rule.langs & lang) == 0) continue;
      ForEachMatch(*rule.re, r.text(), kResumeAfterMatch, [&](const Groups& g) {
        std::vector<int> found;
        in_group(g, rule.Group(rule.slot), &found);
        for (int m : found) {
          slots.push_back({rule.slot, m, rule.id, rule.priority, rule.whole_sentence});
        }
      });
    }
    // "exclude" attachments name mentions no event may take (the date of a dateline is the
    // publication date, not the date of the events).
    std::vector<int> excluded;
    for (const Slot& sl : slots) {
      if (sl.slot == "exclude") excluded.push_back(sl.mention);
    }
    for (size_t k = first_event; k < out->size(); ++k) {
      EventMatch& e = (*out)[k];
      auto nearest = [&](const std::string& slot, int* target, std::string* rule_id) {
        if (*target >= 0) return;
        uint32_t best = UINT32_MAX;
        int best_priority = INT32_MIN;
        for (const Slot& sl : slots) {
          if (sl.slot != slot) continue;
          if (std::find(excluded.begin(), excluded.end(), sl.mention) != excluded.end()) continue;
          const MentionKind kind = mentions[sl.mention].kind;
          if (slot == "date" && kind != MentionKind::kDate) continue;
          if (slot == "place" && kind != MentionKind::kPlace && kind != MentionKind::kCountry) {
            continue;
          }
          // A participant is not also the place of its own event.
          bool is_role = false;
          for (const auto& [role, m] : e.roles) is_role |= m == sl.mention;
          if (is_role) continue;
          // A date or place outside the event's own clause belongs to another clause: "X
          // menolak tawaran ini dan mengklaim telah mencaplok wilayah itu pada September
          // 2022" does not date the rejection.
          if (!sl.whole_sentence &&
              OtherClause(text, e.span, mentions[sl.mention].span, clause_markers)) {
            continue;
          }
          // The most specific attachment rule wins; among equals, the nearest mention.
          const uint32_t d = Distance(e.span, mentions[sl.mention].span);
          if (sl.priority > best_priority || (sl.priority == best_priority && d < best)) {
            best_priority = sl.priority;
            best = d;
            *target = sl.mention;
            *rule_id = sl.rule;
          }
        }
      };
      nearest("date", &e.date, &e.date_rule);
      // No date in its own sentence: the sentence before, in the same paragraph. (A date in
      // another clause of its own sentence means the text dates something else: no date.)
      bool sentence_has_date = false;
      for (const Slot& sl : slots) {
        sentence_has_date |= sl.slot == "date" && mentions[sl.mention].kind == MentionKind::kDate;
      }
      if (e.date < 0 && !sentence_has_date && s > 0 &&
          facts.sentences[s - 1].paragraph == facts.sentences[s].paragraph) {
        e.date = previous_sentence_date(s - 1, &e.date_rule);
      }
      nearest("place", &e.place, &e.place_rule);
      for (const Slot& sl : slots) {
        if (sl.slot == "source" && mentions[sl.mention].kind == MentionKind::kSource &&
            std::find(e.sources.begin(), e.sources.end(), sl.mention) == e.sources.end()) {
          e.sources.push_back(sl.mention);
          e.source_rules.push_back(sl.rule);
        }
      }
    }
  }
}

}  // namespace newsgraph
