#include "extract/event_merge.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "base/text.h"
#include "extract/event_compat.h"
#include "extract/groups.h"

namespace newsgraph {

namespace {

// One event as one match told it, before coreference.
struct Report {
  Event ev;
  int sentence = -1;
  bool headline = false;           // told in a headline: it sums up the text's events
  bool anaphoric = false;          // a back-reference ("pertemuan tersebut")
  std::set<std::string> resolved;  // participant entity ids
  bool indefinite = false;         // a party described as "seorang pejabat" / "an official"
  // A pronoun that named nobody took part ("He met X" with no "he" to be found), or fewer
  // people than the rule's min_participants: the match tells no event.
  bool untold = false;
  // Countries the named people of the report hold a title of ("Menlu Malaysia Mohamad
  // Hasan" represents gpe:malaysia): a report naming the country alone may tell the same
  // event.
  std::set<std::string> represented;
};

// Adds source id to ev, with the attachment rule that found it, unless ev has it already.
void AddSource(const std::string& id, const std::string& rule, Event* ev) {
  if (std::find(ev->reported_by.begin(), ev->reported_by.end(), id) == ev->reported_by.end()) {
    ev->reported_by.push_back(id);
    ev->source_rules.push_back(rule);
  }
}

// Turns event matches into reports: roles filled with the entities their mentions resolve
// to, the date, place, sources and evidence of the match.
class Reporter {
 public:
  Reporter(const RuleSet& rules, const ResolveOptions& options, std::string_view text,
           const DocumentFacts& facts)
      : rules_(rules),
        options_(options),
        text_(text),
        facts_(facts),
        mentions_(facts.mentions),
        roles_(rules, text, facts.mentions, rules.Language(rules.Lang(facts.lang))),
        non_actor_roles_(rules.List("NON_ACTOR_ROLES")) {}

  // Returns the report of one match.
  Report ReportOf(const EventMatch& em) const {
    const EventRule& rule = *rules_.event_rules()[em.rule];
    Report r;
    r.sentence = em.sentence;
    r.headline = facts_.sentences[em.sentence].headline;
    r.anaphoric = em.anaphoric;
    r.ev.type = rule.type;
    r.ev.modality = em.modality;
    AddDetails(em, rule, &r.ev);  // first: a lone title resolves at the event's date
    for (const auto& [role, mid] : em.roles) {
      if (mentions_[mid].kind == MentionKind::kTitle) {
        AddTitleRole(role, mentions_[mid], &r);
      } else {
        AddEntityRole(role, mid, &r);
      }
    }
    r.untold |=
        rule.min_participants > 1 && static_cast<int>(r.resolved.size()) < rule.min_participants;
    r.untold |= PronounIsAnotherParticipant(em);
    return r;
  }

 private:
  // Adds the countries person mention m holds a title of to r->represented.
  void AddRepresented(const Mention& m, Report* r) const {
    if (m.kind != MentionKind::kPerson) return;
    for (int ti : m.titles) {
      const int of = mentions_[ti].of;
      if (of >= 0 && mentions_[of].kind == MentionKind::kCountry && !mentions_[of].entity.empty()) {
        r->represented.insert(mentions_[of].entity);
      }
    }
  }

  // Returns true if a pronoun of the match resolved to a person another role of it names
  // ("He also spoke to Trump" with 'he' taken for Trump): the pronoun was misread.
  bool PronounIsAnotherParticipant(const EventMatch& em) const {
    for (const auto& [role, mid] : em.roles) {
      const Mention& m = mentions_[mid];
      if (m.antecedents.empty() || m.kind != MentionKind::kPerson) continue;
      for (const auto& [other_role, other] : em.roles) {
        if (other != mid && mentions_[other].entity == m.entity) return true;
      }
    }
    return false;
  }

  // Returns true if role holds places or things, not actors: metonymy does not apply there
  // ("Rusia menggempur kota Kyiv": the target is the city, not Ukraine).
  bool IsNonActorRole(const std::string& role) const {
    std::string ignored;
    return non_actor_roles_ != nullptr ? non_actor_roles_->Lookup(role, &ignored)
                                       : role == "object";
  }

  // Fills role with the people a lone title names ("direktur", "the U.S. leader", "kedua
  // menlu"); an unnamed office holder takes part for the country or organisation of the
  // title, like an actor code; a former one stays an unresolved description.
  void AddTitleRole(const std::string& role, const Mention& m, Report* r) const {
    const std::string written = CollapseSpace(m.span.Of(text_));
    r->indefinite |= roles_.Indefinite(m);
    std::vector<std::string> who = roles_.Resolve(m);
    std::string via;
    std::optional<CivilDate> when = ResolutionDate(r->ev);
    if (who.empty() && when) {
      const std::string holder = roles_.OfficeHolder(m, *when);
      if (!holder.empty()) {
        who.push_back(holder);
        via = "office_holders";
      }
    }
    if (who.empty()) {
      const std::string acts_for = ActorOf(rules_, options_, roles_.Represented(m));
      if (!acts_for.empty()) who.push_back(acts_for);
    }
    if (who.empty()) r->ev.participants.push_back({"", role, written});
    for (const std::string& person : who) {
      r->ev.participants.push_back({person, role, written, via});
      r->resolved.insert(person);
    }
  }

  // Returns the day an office is looked up at: the event's own day (its start), else the
  // publication date; none without either.
  std::optional<CivilDate> ResolutionDate(const Event& ev) const {
    if (ev.date.start && ev.date.end && *ev.date.start == *ev.date.end) return ev.date.start;
    CivilDate dct;
    if (ParseIsoDate(facts_.dct, &dct)) return dct;
    return std::nullopt;
  }

  // Fills role with the entity of mention mid, or of its antecedents; a place in an actor
  // role stands for its actor.
  void AddEntityRole(const std::string& role, int mid, Report* r) const {
    const Mention& m = mentions_[mid];
    const std::string written = CollapseSpace(m.span.Of(text_));
    if (m.antecedents.empty() && m.rule_index >= 0 &&
        !rules_.mention_rules()[m.rule_index]->refers.empty() && m.kind == MentionKind::kPerson) {
      r->untold = true;  // a pronoun without antecedent
      return;
    }
    const std::vector<int> targets = m.antecedents.empty() ? std::vector<int>{mid} : m.antecedents;
    for (int t : targets) {
      std::string entity = mentions_[t].entity;
      if (entity.empty()) continue;
      if (!IsNonActorRole(role)) entity = ActorOf(rules_, options_, entity);
      Participant p{entity, role, written};
      bool dup = false;
      for (const Participant& q : r->ev.participants) {
        dup |= q.entity == p.entity && q.role == p.role;
      }
      if (!dup) r->ev.participants.push_back(p);
      r->resolved.insert(entity);
      AddRepresented(mentions_[t], r);
    }
  }

  // Sets the date, place, sources and evidence of the match.
  void AddDetails(const EventMatch& em, const EventRule& rule, Event* ev) const {
    if (em.date >= 0) {
      ev->date = mentions_[em.date].timex;
      // An event is dated to the day: the time of a TIME mention ("this morning": TMO)
      // stays on the mention, as the timeline writers read event dates as ISO dates.
      const size_t t = ev->date.type == "TIME" ? ev->date.value.find('T', 4) : std::string::npos;
      if (t != std::string::npos) {
        ev->date.value.resize(t);
        ev->date.type = "DATE";
      }
      ev->date_text = CollapseSpace(mentions_[em.date].span.Of(text_));
      ev->date_rule = em.date_rule;
    }
    if (em.place >= 0) {
      const Mention& pm = mentions_[em.place];
      ev->place = pm.antecedents.empty() ? pm.entity : mentions_[pm.antecedents.front()].entity;
      ev->place_rule = em.place_rule;
    }
    for (size_t k = 0; k < em.sources.size(); ++k) {
      AddSource(mentions_[em.sources[k]].entity, em.source_rules[k], ev);
    }
    const Span sent = facts_.sentences[em.sentence].span;
    ev->evidence.push_back({facts_.doc, em.span, sent, std::string(sent.Of(text_)), rule.id});
  }

  const RuleSet& rules_;
  const ResolveOptions& options_;
  std::string_view text_;
  const DocumentFacts& facts_;
  const std::vector<Mention>& mentions_;
  const RoleReferences roles_;
  const WordList* non_actor_roles_;
};

// Returns the reports of the matches, by sentence and position.
std::vector<Report> ReportsOf(const RuleSet& rules, const ResolveOptions& options,
                              std::string_view text, const DocumentFacts& facts,
                              const std::vector<EventMatch>& matches) {
  const Reporter reporter(rules, options, text, facts);
  std::vector<Report> reports;
  for (const EventMatch& em : matches) {
    Report r = reporter.ReportOf(em);
    if (!r.untold) reports.push_back(std::move(r));
  }
  std::stable_sort(reports.begin(), reports.end(), [](const Report& a, const Report& b) {
    if (a.sentence != b.sentence) return a.sentence < b.sentence;
    return a.ev.evidence[0].span < b.ev.evidence[0].span;
  });
  return reports;
}

// Returns true if report r is incomplete: one named party at most, or parties it describes
// without naming ("mantan pejabat AS").
bool Incomplete(const Report& r) {
  if (r.indefinite) return false;
  if (r.resolved.size() <= 1) return true;
  for (const Participant& p : r.ev.participants) {
    if (p.entity.empty()) return true;
  }
  return false;
}

// Returns true if every party of small is a party of big, or a country a person of big
// represents ("Jokowi menerima Menlu Malaysia" and "... Menlu Malaysia Mohamad Hasan").
bool Covers(const Report& big, const Report& small) {
  for (const std::string& id : small.resolved) {
    if (!big.resolved.count(id) && !big.represented.count(id)) return false;
  }
  return true;
}

// Returns true if a country of small stands in for a person of big who represents it.
bool StandsIn(const Report& big, const Report& small) {
  for (const std::string& id : small.resolved) {
    if (!big.resolved.count(id) && big.represented.count(id)) return true;
  }
  return false;
}

// Returns true if reports a and b (told before or with b) of one occasion tell one event by
// who took part: the same named people at any distance, or an incomplete report naming
// fewer of them nearby (a headline sums up the text: at any distance). "A met B" then "A and
// B met C" are two meetings, and so are "A met B" and "an official met B": somebody unnamed
// took part.
bool SameParticipants(const Report& a, const Report& b, int subset_window) {
  if (a.indefinite || b.indefinite) return false;
  if (!a.resolved.empty() && a.resolved == b.resolved) return true;
  const bool a_in_b = Covers(b, a) && (Incomplete(a) || StandsIn(b, a));
  const bool b_in_a = Covers(a, b) && (Incomplete(b) || StandsIn(a, b));
  return (a_in_b || b_in_a) && (a.headline || b.sentence - a.sentence <= subset_window);
}

// Returns the first report of a sentence at least window sentences before sentence (reports
// are in sentence order).
size_t FirstWithin(const std::vector<Report>& reports, int sentence, int window) {
  return std::lower_bound(reports.begin(), reports.end(), sentence - window,
                          [](const Report& r, int s) { return r.sentence < s; }) -
         reports.begin();
}

// Joins the reports (back-references aside) that tell one event. SameParticipants holds
// only for reports within the subset window, after a headline, or naming the same people:
// those are the only ones compared.
void JoinReports(const RuleSet& rules, const ResolveOptions& options,
                 const std::vector<Report>& reports, UnionFind* groups) {
  std::vector<int> headlines;
  GroupsByKey<std::set<std::string>> same_names;  // reports by the people they name
  for (size_t j = 0; j < reports.size(); ++j) {
    const Report& b = reports[j];
    if (b.anaphoric) continue;
    const int jj = static_cast<int>(j);
    auto join = [&](int i) {
      if (groups->Find(i) == groups->Find(jj)) return true;
      if (!SameOccasion(rules, reports[i].ev, b.ev) ||
          !SameParticipants(reports[i], b, options.subset_window)) {
        return false;
      }
      groups->Join(jj, i);
      return true;
    };
    const size_t near = FirstWithin(reports, b.sentence, options.subset_window);
    for (size_t i = near; i < j; ++i) {
      if (!reports[i].anaphoric) join(static_cast<int>(i));
    }
    for (int i : headlines) {
      if (static_cast<size_t>(i) < near) join(i);
    }
    if (!b.resolved.empty()) {
      same_names.ForEachGroup(b.resolved, jj, groups, [&](int i) {
        return static_cast<size_t>(i) < near && join(i);
      });
      same_names.Add(b.resolved, jj, groups);
    }
    if (b.headline) headlines.push_back(jj);
  }
}

// Makes a meeting of a back-reference that finds no meeting to refer to but follows a visit
// with a host ("Kedatangan Panglima TNI disambut oleh Kapolri ... Dalam pertemuan tersebut
// ..."): the visitor and the host met. Within the anaphor window; the back-reference keeps
// its own evidence and takes the visit's date and place when it has none.
void MeetingsOfHostedVisits(const RuleSet& rules, const ResolveOptions& options,
                            std::vector<Report>* reports) {
  for (size_t j = 0; j < reports->size(); ++j) {
    Report& back = (*reports)[j];
    if (!back.anaphoric || back.ev.type == "visit") continue;
    const Report* visit = nullptr;
    bool refers = false;
    for (size_t i = FirstWithin(*reports, back.sentence, options.anaphor_window);
         i < reports->size() && (*reports)[i].sentence <= back.sentence; ++i) {
      const Report& r = (*reports)[i];
      if (i == j || r.anaphoric || r.sentence > back.sentence ||
          back.sentence - r.sentence > options.anaphor_window) {
        continue;
      }
      refers |= SameOccasion(rules, r.ev, back.ev);
      const bool hosted = std::any_of(r.ev.participants.begin(), r.ev.participants.end(),
                                      [](const Participant& p) { return p.role == "host"; });
      if (r.ev.type == "visit" && hosted && r.resolved.size() >= 2) visit = &r;
    }
    if (refers || visit == nullptr) continue;
    for (Participant p : visit->ev.participants) {
      p.role = "participant";
      back.ev.participants.push_back(std::move(p));
    }
    back.resolved.insert(visit->resolved.begin(), visit->resolved.end());
    if (!back.ev.date.start && visit->ev.date.start) {
      back.ev.date = visit->ev.date;
      back.ev.date_text = visit->ev.date_text;
      back.ev.date_rule = visit->ev.date_rule;
    }
    if (back.ev.place.empty()) {
      back.ev.place = visit->ev.place;
      back.ev.place_rule = visit->ev.place_rule;
    }
    back.anaphoric = false;
  }
}

// Joins every back-reference to the nearest compatible event told before it (or in the
// same sentence), within the anaphor window. A back-reference may name more of who took
// part ("Pertemuan itu dihadiri Megawati dan Surya Paloh"): it adds them to the event.
void JoinBackReferences(const RuleSet& rules, const ResolveOptions& options,
                        const std::vector<Report>& reports, UnionFind* groups) {
  for (size_t j = 0; j < reports.size(); ++j) {
    if (!reports[j].anaphoric) continue;
    int best = -1;
    uint32_t best_distance = UINT32_MAX;
    const uint32_t at = reports[j].ev.evidence[0].span.begin;
    for (size_t i = FirstWithin(reports, reports[j].sentence, options.anaphor_window);
         i < reports.size() && reports[i].sentence <= reports[j].sentence; ++i) {
      if (reports[i].anaphoric || reports[i].sentence > reports[j].sentence ||
          reports[j].sentence - reports[i].sentence > options.anaphor_window) {
        continue;
      }
      if (!SameOccasion(rules, reports[i].ev, reports[j].ev)) continue;
      const Span s = reports[i].ev.evidence[0].span;
      const uint32_t d = s.begin > at ? s.begin - at : at - s.begin;
      if (d < best_distance) {
        best = static_cast<int>(i);
        best_distance = d;
      }
    }
    if (best >= 0) groups->Join(static_cast<int>(j), best);
  }
}

// Adds report r to the event ev of its group. A more specific type refines the event (*depth
// is that of ev's type); a back-reference names it loosely ("Diskusi tersebut" after a
// meeting), so it may only make a bare consult specific ("panggilan tersebut" after
// "berbicara": a call). The more precise date and the innermost place win.
void MergeReport(const RuleSet& rules, const Report& r, Event* ev, int* depth,
                 std::set<Evidence>* evidence) {
  const int d = TypeDepth(rules, r.ev.type);
  if (d > *depth && (!r.anaphoric || *depth == 0)) {
    ev->type = r.ev.type;
    *depth = d;
  }
  for (const Participant& p : r.ev.participants) {
    bool dup = false;
    for (const Participant& q : ev->participants) {
      dup |= p.entity.empty() ? q.entity.empty() && q.text == p.text
                              : q.entity == p.entity && q.role == p.role;
    }
    if (!dup) ev->participants.push_back(p);
  }
  if (!r.ev.date.value.empty() &&
      (ev->date.value.empty() || &MorePrecise(ev->date, r.ev.date) == &r.ev.date)) {
    ev->date = r.ev.date;
    ev->date_text = r.ev.date_text;
    ev->date_rule = r.ev.date_rule;
  }
  if (!r.ev.place.empty() && (ev->place.empty() || rules.PlaceWithin(r.ev.place, ev->place))) {
    ev->place = r.ev.place;
    ev->place_rule = r.ev.place_rule;
  }
  for (size_t k = 0; k < r.ev.reported_by.size(); ++k) {
    AddSource(r.ev.reported_by[k], r.ev.source_rules[k], ev);
  }
  for (const Evidence& e : r.ev.evidence) {
    if (evidence->insert(e).second) ev->evidence.push_back(e);
  }
}

// A place that takes part in the event in another role (an annexed region named by one
// report, the place of another) is a participant, not where the event happened.
void DropPlaceTakingPart(Event* ev) {
  for (const Participant& p : ev->participants) {
    if (p.entity == ev->place && p.role != "place") {
      ev->place.clear();
      ev->place_rule.clear();
      return;
    }
  }
}

// Drops evidence inside other evidence of the same event, which adds nothing ("X yang
// bertemu Y" within "X yang bertemu Y adalah A, B dan C"), and sorts the rest.
void DropNestedEvidence(Event* ev) {
  // By document, start, and the longer first: a span is inside another iff one before it
  // (another span) reaches at least as far.
  std::vector<size_t> order(ev->evidence.size());
  std::iota(order.begin(), order.end(), 0);
  const auto& x = ev->evidence;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (x[a].doc != x[b].doc) return x[a].doc < x[b].doc;
    if (x[a].span.begin != x[b].span.begin) return x[a].span.begin < x[b].span.begin;
    return x[a].span.end > x[b].span.end;
  });
  std::vector<bool> inside(x.size(), false);
  uint32_t reach = 0;
  bool any = false;
  for (size_t k = 0; k < order.size();) {
    const Evidence& first = x[order[k]];
    if (k > 0 && x[order[k - 1]].doc != first.doc) any = false;
    size_t end = k;
    while (end < order.size() && x[order[end]].doc == first.doc &&
           x[order[end]].span == first.span) {
      inside[order[end]] = any && reach >= first.span.end;
      ++end;
    }
    reach = any ? std::max(reach, first.span.end) : first.span.end;
    any = true;
    k = end;
  }
  std::vector<Evidence> kept;
  for (size_t k = 0; k < x.size(); ++k) {
    if (!inside[k]) kept.push_back(x[k]);
  }
  ev->evidence = std::move(kept);
  std::sort(ev->evidence.begin(), ev->evidence.end());
}

// Drops the countries that stood in for a person the merged reports name as their
// representative ("Menlu Malaysia" told before "Menlu Malaysia Mohamad Hasan").
void DropRepresentedCountries(const std::vector<Report>& reports, const std::vector<int>& members,
                              Event* ev) {
  std::set<std::string> represented;
  for (int m : members)
    represented.insert(reports[m].represented.begin(), reports[m].represented.end());
  if (represented.empty()) return;
  auto& ps = ev->participants;
  ps.erase(std::remove_if(ps.begin(), ps.end(),
                          [&](const Participant& p) { return represented.count(p.entity) > 0; }),
           ps.end());
}

// Returns the one event a group of reports tells, or none: a group of back-references
// alone tells no event, and an event nobody known took part in is no event of the graph.
// Unresolved descriptions of a party are kept for the reader but never become nodes.
std::optional<Event> Combine(const RuleSet& rules, const std::vector<Report>& reports,
                             std::vector<int> members) {
  bool told = false, named = false;
  for (int m : members) {
    told |= !reports[m].anaphoric;
    named |= !reports[m].resolved.empty();
  }
  if (!told || !named) return std::nullopt;
  // The event's own report comes first, so its type and text lead.
  std::stable_sort(members.begin(), members.end(),
                   [&](int a, int b) { return !reports[a].anaphoric && reports[b].anaphoric; });
  Event ev = reports[members.front()].ev;
  int depth = TypeDepth(rules, ev.type);
  std::set<Evidence> evidence(ev.evidence.begin(), ev.evidence.end());
  for (size_t k = 1; k < members.size(); ++k) {
    MergeReport(rules, reports[members[k]], &ev, &depth, &evidence);
  }
  DropRepresentedCountries(reports, members, &ev);
  DropPlaceTakingPart(&ev);
  DropNestedEvidence(&ev);
  return ev;
}

// Sets t to the date one year earlier: value, start and end ("2017-12" -> "2016-12").
void PreviousYear(Timex* t) {
  auto back = [](CivilDate d) {
    d.year -= 1;
    d.day = std::min(d.day, DaysInMonth(d.year, d.month));  // 29 February
    return d;
  };
  t->start = back(*t->start);
  if (t->end) t->end = back(*t->end);
  std::string value;
  size_t b = 0;
  while (b <= t->value.size()) {  // each part of "2017-12-04/2017-12-05"
    size_t e = t->value.find('/', b);
    if (e == std::string::npos) e = t->value.size();
    std::string part = t->value.substr(b, e - b);
    int y = 0;
    if (part.size() >= 4 && std::sscanf(part.c_str(), "%4d", &y) == 1) {
      part = fmt::format("{:04d}", y - 1) + part.substr(4);
    }
    value += (b ? "/" : "") + part;
    b = e + 1;
  }
  t->value = value;
}

// Returns true if ev, told as held in a language that tells the past by its verb
// (held_is_past: English), got a year from the publication date that puts it after that
// date. Such a language tells the future with a word the rules take as planned ("will",
// "is to", "plans to"): the event is in the past ("met in December" read in October is
// last December), not planned.
bool PastAfterDct(const LanguageInfo* language, const Event& ev, const CivilDate& dct) {
  return language != nullptr && language->held_is_past && ev.modality == "held" &&
         ev.date.year_from_dct && ev.date.start && dct < *ev.date.start;
}

// Event dates and modality: an event told as held whose date lies wholly after the
// publication date ("bertemu pekan depan", "meets next week") has not happened yet: it is
// planned (unless PastAfterDct: then its year is one earlier).
void FillEventDates(const std::string& dct_text, const LanguageInfo* language,
                    std::vector<Event>* events) {
  CivilDate dct;
  if (!ParseIsoDate(dct_text, &dct)) return;
  for (Event& ev : *events) {
    if (PastAfterDct(language, ev, dct)) PreviousYear(&ev.date);
    if (ev.modality == "held" && ev.date.start && dct < *ev.date.start) ev.modality = "planned";
    // "will hold a call on Tuesday": a bare weekday of a planned event is the next one.
    if (ev.modality == "planned" && ev.date.weekday_on_or_before && ev.date.start &&
        *ev.date.start < dct) {
      const CivilDate next = CivilFromDays(DaysFromCivil(*ev.date.start) + 7);
      ev.date.start = ev.date.end = next;
      ev.date.value = FormatDate(next);
      ev.date.weekday_on_or_before = false;
    }
  }
}

}  // namespace

void MergeEvents(const RuleSet& rules, const ResolveOptions& options, std::string_view text,
                 const std::vector<EventMatch>& matches, DocumentFacts* facts) {
  std::vector<Report> reports = ReportsOf(rules, options, text, *facts, matches);
  MeetingsOfHostedVisits(rules, options, &reports);
  UnionFind groups(reports.size());
  JoinReports(rules, options, reports, &groups);
  JoinBackReferences(rules, options, reports, &groups);
  std::vector<Event> events;
  for (const std::vector<int>& members : groups.Groups()) {
    if (std::optional<Event> ev = Combine(rules, reports, members))
      events.push_back(std::move(*ev));
  }
  std::sort(events.begin(), events.end(),
            [](const Event& a, const Event& b) { return a.evidence.front() < b.evidence.front(); });
  for (size_t i = 0; i < events.size(); ++i) events[i].id = "e" + std::to_string(i + 1);
  FillEventDates(facts->dct, rules.Language(rules.Lang(facts->lang)), &events);
  facts->events = std::move(events);
}

}  // namespace newsgraph
