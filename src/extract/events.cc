#include "extract/events.h"

#include <algorithm>

#include "extract/match.h"
#include "extract/render.h"
#include "rules/prefilter.h"

namespace newsgraph {

namespace {

// A dateline stands in the first sentences of a document (a headline, a byline, a photo
// caption may come before it).
constexpr size_t kDatelineSentences = 8;
// An event dated this many days or more from the publication date is told elsewhere.
constexpr int64_t kDatelineDays = 7;
// The lede: the sentences from the dateline's on that tell the news of the dateline. One:
// wire copy names other places from its second sentence on (measured on the corpus gold:
// three sentences gave a Moscow meeting the Washington dateline).
constexpr int kLedeSentences = 1;

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

// A mention an attachment rule offers to the events of its sentence for a slot ("date",
// "place", "source", or "exclude": no event may take it).
struct Slot {
  std::string slot;
  int mention;
  std::string rule;
  int priority;
  bool whole_sentence;
};

// The phases of stage 2 over one document: event rules, then attachments, per sentence.
class EventSearch {
 public:
  EventSearch(const RuleSet& rules, std::string_view text, LangMask lang,
              const DocumentFacts& facts, const MentionIndex& index)
      : rules_(rules),
        text_(text),
        lang_(lang),
        facts_(facts),
        mentions_(facts.mentions),
        index_(index),
        clause_markers_(rules.List("CLAUSE_MARKERS")) {}

  // Returns sentence s rendered with its top-level mentions as tokens.
  Rendered Render(size_t s) const {
    return Rendered(text_, facts_.sentences[s].span, index_.top[s], mentions_);
  }

  // Appends the matches of the event rules in sentence s (rendered as r) to *out.
  void MatchEvents(size_t s, const Rendered& r, std::vector<EventMatch>* out) const {
    std::vector<int> candidates;
    rules_.event_prefilter().Candidates(r.text(), &candidates);
    for (int ri : candidates) {
      const EventRule& rule = *rules_.event_rules()[ri];
      if ((rule.langs & lang_) == 0) continue;
      ForEachMatch(*rule.re, r.text(), kResumeAfterMatch, [&](const Groups& g) {
        EventMatch e = MatchOf(rule, ri, s, r, g);
        // A list of places ("mengunjungi Vietnam, Laos dan Kamboja") is one event per place.
        const std::vector<int> places = Places(r, g, rule);
        if (places.size() <= 1) {
          if (!places.empty()) e.place = places.front();
          out->push_back(std::move(e));
          return;
        }
        for (int p : places) {
          out->push_back(e);
          out->back().place = p;
        }
      });
    }
  }

  // Returns the attachment candidates of sentence s (rendered as r): every mention inside
  // the slot group of an attachment rule's match.
  std::vector<Slot> AttachSlots(const Rendered& r) const {
    std::vector<Slot> slots;
    std::vector<int> candidates;
    rules_.attach_prefilter().Candidates(r.text(), &candidates);
    for (int ai : candidates) {
      const AttachRule& rule = *rules_.attach_rules()[ai];
      if ((rule.langs & lang_) == 0) continue;
      ForEachMatch(*rule.re, r.text(), kResumeAfterMatch, [&](const Groups& g) {
        std::vector<int> found;
        GroupMentions(r, g, rule.Group(rule.slot), &found);
        for (int m : found) {
          slots.push_back({rule.slot, m, rule.id, rule.priority, rule.whole_sentence});
        }
      });
    }
    return slots;
  }

  // Gives the events that name no place, and happen in places, the place of the dateline:
  // the events of the lede (the dateline's sentence: kLedeSentences) that are undated or
  // dated within kDatelineDays of the publication date. An event later in the text, or
  // dated further away, is told from the dateline but may have happened anywhere (a
  // Moscow dateline reporting a meeting in Vietnam).
  void AttachDateline(const Slot& dateline, std::vector<EventMatch>* events) const {
    CivilDate dct;
    const bool has_dct = ParseIsoDate(facts_.dct, &dct);
    const int dateline_sentence = mentions_[dateline.mention].sentence;
    const int lede = facts_.sentences[dateline_sentence].paragraph;
    const std::string& city = mentions_[dateline.mention].entity;
    for (EventMatch& e : *events) {
      // A country the event names takes the dateline's city inside it ("arrived in Nepal on
      // Sunday" under a KATHMANDU dateline: Kathmandu).
      const bool refines = e.place >= 0 && mentions_[e.place].kind == MentionKind::kCountry &&
                           !city.empty() && mentions_[e.place].entity != city &&
                           rules_.PlaceWithin(city, mentions_[e.place].entity);
      if (e.place >= 0 && !refines) continue;
      const EventType* type = rules_.Type(rules_.event_rules()[e.rule]->type);
      if (type != nullptr && type->placeless) continue;
      bool near = false;
      if (e.date >= 0) {
        const Timex& t = mentions_[e.date].timex;
        near =
            t.near_unknown_dct || (has_dct && t.start && t.end &&
                                   DaysFromCivil(*t.start) - DaysFromCivil(dct) <= kDatelineDays &&
                                   DaysFromCivil(*t.end) - DaysFromCivil(dct) >= -kDatelineDays);
      }
      const bool in_lede = facts_.sentences[e.sentence].paragraph == lede &&
                           e.sentence - dateline_sentence < kLedeSentences;
      // A country gives way to the city only for an event dated near the writing.
      if (!(in_lede && (refines ? near : e.date < 0 || near))) continue;
      e.place = dateline.mention;
      e.place_rule = dateline.rule;
    }
  }

  // Gives event e of sentence s what it does not name itself: the nearest date and place
  // of its sentence (a date of the sentence before, in the same paragraph, if its own has
  // none) and every named source. "exclude" slots name mentions no event may take (the
  // date of a dateline is the publication date, not the date of the events).
  void Attach(size_t s, const std::vector<Slot>& slots, EventMatch* e) const {
    std::vector<int> excluded;
    bool sentence_has_date = false;
    for (const Slot& sl : slots) {
      if (sl.slot == "exclude") excluded.push_back(sl.mention);
      sentence_has_date |= sl.slot == "date" && mentions_[sl.mention].kind == MentionKind::kDate &&
                           DatesEvents(mentions_[sl.mention].timex);
    }
    AttachNearest("date", slots, excluded, e, &e->date, &e->date_rule);
    // A date in another clause of its own sentence means the text dates something else.
    if (e->date < 0 && !sentence_has_date && s > 0 &&
        facts_.sentences[s - 1].paragraph == facts_.sentences[s].paragraph) {
      e->date = PreviousSentenceDate(s - 1, &e->date_rule);
    }
    const EventType* type = rules_.Type(rules_.event_rules()[e->rule]->type);
    if (type == nullptr || !type->placeless) {
      AttachNearest("place", slots, excluded, e, &e->place, &e->place_rule);
    }
    for (const Slot& sl : slots) {
      if (sl.slot == "source" && mentions_[sl.mention].kind == MentionKind::kSource &&
          std::find(e->sources.begin(), e->sources.end(), sl.mention) == e->sources.end()) {
        e->sources.push_back(sl.mention);
        e->source_rules.push_back(sl.rule);
      }
    }
  }

 private:
  // Returns the places the `place` group of match g names: each place of a list, but of
  // places inside one another ("Istana Merdeka, Jakarta") only the innermost.
  std::vector<int> Places(const Rendered& r, const Groups& g, const EventRule& rule) const {
    std::vector<int> found, places;
    GroupMentions(r, g, rule.Group("place"), &found);
    for (int m : found) {
      const MentionKind k = mentions_[m].kind;
      if (k == MentionKind::kPlace || k == MentionKind::kCountry) places.push_back(m);
    }
    std::vector<int> innermost;
    for (int p : places) {
      bool contains_another = false;
      for (int q : places) {
        contains_another |= q != p && mentions_[q].entity != mentions_[p].entity &&
                            rules_.PlaceWithin(mentions_[q].entity, mentions_[p].entity);
      }
      bool seen = false;
      for (int q : innermost) seen |= mentions_[q].entity == mentions_[p].entity;
      if (!contains_another && !seen) innermost.push_back(p);
    }
    return innermost;
  }

  // Returns the event one match g of an event rule tells: the roles its groups fill with
  // the mentions inside them, its own date, place and sources, and its modality.
  EventMatch MatchOf(const EventRule& rule, int ri, size_t s, const Rendered& r,
                     const Groups& g) const {
    EventMatch e;
    e.rule = ri;
    e.sentence = static_cast<int>(s);
    // The evidence is the `span` group if the rule has one (context it needs but that is
    // not part of the event, such as the word that starts the clause), else the match.
    const int g_span = rule.Group("span");
    const re2::StringPiece& whole = g_span > 0 && g[g_span].data() != nullptr ? g[g_span] : g[0];
    const size_t b = whole.data() - r.text().data();
    e.span = r.ToDocument(b, b + whole.size());
    e.modality = rule.modality;
    e.anaphoric = rule.anaphoric;
    std::vector<int> found;
    for (const auto& [group, role] : rule.roles) {
      found.clear();
      GroupMentions(r, g, rule.Group(group), &found);
      for (int m : found) {
        if (!IsParticipantKind(mentions_[m].kind)) continue;
        const auto entry = std::make_pair(role, m);
        if (std::find(e.roles.begin(), e.roles.end(), entry) == e.roles.end()) {
          e.roles.push_back(entry);
        }
      }
    }
    found.clear();
    GroupMentions(r, g, rule.Group("date"), &found);
    for (int m : found) {
      if (mentions_[m].kind == MentionKind::kDate && DatesEvents(mentions_[m].timex) && e.date < 0) {
        e.date = m;
      }
    }
    found.clear();
    GroupMentions(r, g, rule.Group("source"), &found);
    for (int m : found) {
      if (mentions_[m].kind == MentionKind::kSource) {
        e.sources.push_back(m);
        e.source_rules.push_back("");
      }
    }
    // A postponed event ("pertemuan ... diundur") is still to be held: planned.
    if (!GroupText(g, rule.Group("postponed")).empty()) e.modality = "planned";
    for (const char* mod : {"planned", "negated", "denied", "uncertain"}) {
      if (!GroupText(g, rule.Group(mod)).empty()) e.modality = mod;
    }
    return e;
  }

  // Sets *target (and *rule_id) to the best mention of the slot for event e, unless the
  // event names one itself: the most specific attachment rule, then the nearest mention,
  // never an excluded one, a participant of the event, or one in another clause.
  void AttachNearest(const std::string& slot, const std::vector<Slot>& slots,
                     const std::vector<int>& excluded, const EventMatch* e, int* target,
                     std::string* rule_id) const {
    if (*target >= 0) return;
    uint32_t best = UINT32_MAX;
    int best_priority = INT32_MIN;
    for (const Slot& sl : slots) {
      if (sl.slot != slot) continue;
      if (std::find(excluded.begin(), excluded.end(), sl.mention) != excluded.end()) continue;
      const MentionKind kind = mentions_[sl.mention].kind;
      // A duration or a set ("for three years", "every week") dates no event.
      if (slot == "date" && (kind != MentionKind::kDate || !DatesEvents(mentions_[sl.mention].timex))) {
        continue;
      }
      if (slot == "place" && kind != MentionKind::kPlace && kind != MentionKind::kCountry) {
        continue;
      }
      // A participant is not also the place of its own event.
      bool is_role = false;
      for (const auto& [role, m] : e->roles) is_role |= m == sl.mention;
      if (is_role) continue;
      // A date or place outside the event's own clause belongs to another clause: "X
      // menolak tawaran ini dan mengklaim telah mencaplok wilayah itu pada September
      // 2022" does not date the rejection.
      if (!sl.whole_sentence &&
          OtherClause(text_, e->span, mentions_[sl.mention].span, clause_markers_)) {
        continue;
      }
      const uint32_t d = Distance(e->span, mentions_[sl.mention].span);
      if (sl.priority > best_priority || (sl.priority == best_priority && d < best)) {
        best_priority = sl.priority;
        best = d;
        *target = sl.mention;
        *rule_id = sl.rule;
      }
    }
  }

  // Returns the date an event of the next sentence takes when its own sentence has none:
  // the date attachment of highest priority in sentence p, the last one among equals (the
  // nearest), never an excluded one (a dateline's); -1 if there is none.
  int PreviousSentenceDate(size_t p, std::string* rule_id) const {
    std::vector<Slot> dates;
    std::vector<int> excluded;
    for (Slot& sl : AttachSlots(Render(p))) {
      if (mentions_[sl.mention].kind != MentionKind::kDate) continue;
      if (sl.slot == "exclude") {
        excluded.push_back(sl.mention);
      } else if (sl.slot == "date" && DatesEvents(mentions_[sl.mention].timex)) {
        dates.push_back(std::move(sl));
      }
    }
    int best = -1, best_priority = INT32_MIN;
    for (const Slot& sl : dates) {
      const int m = sl.mention;
      if (std::find(excluded.begin(), excluded.end(), m) != excluded.end()) continue;
      if (sl.priority > best_priority ||
          (sl.priority == best_priority && mentions_[m].span.begin > mentions_[best].span.begin)) {
        best = m;
        best_priority = sl.priority;
        *rule_id = sl.rule + "@previous-sentence";
      }
    }
    return best;
  }

  const RuleSet& rules_;
  std::string_view text_;
  LangMask lang_;
  const DocumentFacts& facts_;
  const std::vector<Mention>& mentions_;
  const MentionIndex& index_;
  const WordList* clause_markers_;
};

}  // namespace

void EventFinder::Find(std::string_view text, LangMask lang, const DocumentFacts& facts,
                       const MentionIndex& index, Trace* trace,
                       std::vector<EventMatch>* out) const {
  const EventSearch search(rules_, text, lang, facts, index);
  Slot dateline{"", -1, "", 0, false};  // the place of the document's dateline
  for (size_t s = 0; s < facts.sentences.size(); ++s) {
    const Rendered r = search.Render(s);
    if (trace) trace->sentences[s].renders.emplace_back("events", r.text());
    const size_t first_event = out->size();
    if (!facts.sentences[s].furniture) search.MatchEvents(s, r, out);
    const bool look_for_dateline = dateline.mention < 0 && s < kDatelineSentences;
    if (out->size() == first_event && !look_for_dateline) continue;
    const std::vector<Slot> slots = search.AttachSlots(r);
    for (const Slot& sl : slots) {
      if (look_for_dateline && sl.slot == "dateline_place" && dateline.mention < 0) dateline = sl;
    }
    for (size_t k = first_event; k < out->size(); ++k) search.Attach(s, slots, &(*out)[k]);
  }
  if (dateline.mention >= 0) search.AttachDateline(dateline, out);
}

}  // namespace newsgraph
