#include "extract/resolve.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <numeric>
#include <set>

#include "base/text.h"
#include "extract/event_compat.h"

namespace newsgraph {

namespace {

std::vector<std::string> Words(std::string_view name) {
  std::vector<std::string> out;
  for (Span t : Tokenize(name)) {
    char32_t cp;
    int len;
    DecodeUtf8(name, t.begin, &cp, &len);
    if (IsWordChar(cp)) out.emplace_back(t.Of(name));
  }
  return out;
}

bool IsEntityKind(MentionKind k) { return k != MentionKind::kTitle && k != MentionKind::kDate; }

bool SplitContains(const std::string& list, const std::string& item) {
  size_t b = 0;
  while (b <= list.size()) {
    size_t e = list.find('|', b);
    if (e == std::string::npos) e = list.size();
    if (list.compare(b, e - b, item) == 0) return true;
    b = e + 1;
  }
  return false;
}

// Returns the date one year earlier: value, start and end ("2017-12" -> "2016-12").
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

// Event dates and modality: an event told as held whose date lies wholly after the
// publication date ("bertemu pekan depan", "meets next week") has not happened yet: it is
// planned. English tells the past by its verb, and its future with a word the rules take
// as planned ("will", "is to", "plans to"): a held English event with a month or day that
// got its year from the publication date is in the past ("met in December" read in
// October is last December), not planned.
void FillEventDates(const std::string& dct_text, const std::string& lang,
                    std::vector<Event>* events) {
  CivilDate dct;
  if (!ParseIsoDate(dct_text, &dct)) return;
  for (Event& ev : *events) {
    if (lang == "en" && ev.modality == "held" && ev.date.year_from_dct && ev.date.start &&
        dct < *ev.date.start) {
      PreviousYear(&ev.date);
    }
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

RoleReferences::RoleReferences(const RuleSet& rules, std::string_view text,
                               const std::vector<Mention>& mentions)
    : rules_(rules), text_(text), mentions_(mentions) {
  for (const Mention& m : mentions) {
    if (m.kind != MentionKind::kPerson || m.entity.empty()) continue;
    for (int ti : m.titles) holders_.push_back({Key(mentions[ti]), m.entity, m.span.begin});
  }
}

RoleReferences::TitleKey RoleReferences::Key(const Mention& title) const {
  const WordList* noise = rules_.List("TITLE_NOISE");
  const WordList* abbrev = rules_.List("TITLE_ABBREV");
  const WordList* quantity = rules_.List("QUANTITY");
  TitleKey key;
  key.of = title.of >= 0 ? mentions_[title.of].entity : "";
  const std::string_view t = title.span.Of(text_);
  std::vector<std::string> words;
  for (Span tok : Tokenize(t)) {
    const Span abs{tok.begin + title.span.begin, tok.end + title.span.begin};
    bool inside_entity = false;  // the country or organisation named in the title
    for (int c : title.children) inside_entity |= mentions_[c].span.Overlaps(abs);
    if (inside_entity) continue;
    const std::string w = Lowercase(tok.Of(t));
    char32_t cp;
    int len;
    DecodeUtf8(w, 0, &cp, &len);
    if (!IsWordChar(cp)) continue;
    std::string value;
    if (quantity && quantity->Lookup(w, &value)) {
      key.count = std::atoi(value.c_str());
      continue;
    }
    if (noise && noise->Lookup(w, &value)) continue;
    if (abbrev && abbrev->Lookup(w, &value)) {
      words.push_back(value);
      continue;
    }
    words.push_back(w);
  }
  // "both ministers", "the two leaders": compare in the singular.
  if (key.count != 1 && !words.empty() && words.back().size() > 3 && words.back().back() == 's') {
    words.back().pop_back();
  }
  for (const std::string& w : words) key.phrase += (key.phrase.empty() ? "" : " ") + w;
  return key;
}

bool RoleReferences::Names(const TitleKey& ref, const TitleKey& held) const {
  if (ref.phrase.empty()) return false;
  if (!ref.of.empty() && held.of != ref.of) return false;
  if (ref.phrase == held.phrase) return true;
  // "direktur" names "Direktur CIA"'s holder; "menteri" a "menteri luar negeri".
  if (held.phrase.compare(0, ref.phrase.size() + 1, ref.phrase + " ") == 0) return true;
  // "the leader", "pemimpin": any head of state or government.
  std::string offices;
  const WordList* generic = rules_.List("TITLE_GENERIC");
  if (generic && generic->Lookup(ref.phrase, &offices)) {
    size_t b = 0;
    while (b <= offices.size()) {
      size_t e = offices.find('|', b);
      if (e == std::string::npos) e = offices.size();
      if (held.phrase == offices.substr(b, e - b)) return true;
      b = e + 1;
    }
  }
  return false;
}

std::string RoleReferences::Represented(const Mention& title) const {
  if (title.of < 0) return "";
  const WordList* former = rules_.List("FORMER");
  const std::string_view t = title.span.Of(text_);
  std::string ignored;
  for (Span tok : Tokenize(t)) {
    if (former != nullptr && former->Lookup(Lowercase(tok.Of(t)), &ignored)) return "";
  }
  return mentions_[title.of].entity;
}

std::vector<std::string> RoleReferences::Resolve(const Mention& title) const {
  const TitleKey ref = Key(title);
  std::vector<std::string> who;
  for (const Holder& h : holders_) {
    if (h.first >= title.span.begin || !Names(ref, h.key)) continue;
    if (std::find(who.begin(), who.end(), h.person) == who.end()) who.push_back(h.person);
  }
  // The number must fit: one person for a singular reference, exactly n for "kedua"/"both"
  // (2), two or more for "para" (0); an indefinite ("seorang pejabat", "an official", -1)
  // names nobody in particular. Otherwise the reference stays unresolved.
  if (ref.count < 0) return {};
  if (ref.count == 1 && who.size() != 1) return {};
  if (ref.count == 0 && who.size() < 2) return {};  // "para menteri" is not one minister
  if (ref.count > 1 && who.size() != static_cast<size_t>(ref.count)) return {};
  return who;
}

bool Resolver::TypesCompatible(const std::string& a, const std::string& b,
                               std::string* merged) const {
  return newsgraph::TypesCompatible(rules_, a, b, merged);
}

void Resolver::ResolveEntities(std::string_view text, DocumentFacts* facts) const {
  std::vector<Mention>& mentions = facts->mentions;
  // Full names (two words or more) of the people in this document, by word.
  std::map<std::string, std::set<std::string>> by_word;  // word -> entity ids
  std::map<std::string, std::string> id_of_name;
  for (Mention& m : mentions) {
    if (m.kind != MentionKind::kPerson || !m.antecedents.empty()) continue;
    const std::string name = CollapseSpace(m.name.Of(text));
    const std::vector<std::string> words = Words(name);
    if (m.entity.empty() && words.size() >= 2) m.entity = "person:" + Slugify(name);
    if (m.entity.empty()) continue;
    // Both the written name and (for the gazetteer) the canonical name index the entity.
    std::vector<std::string> forms = {name};
    if (m.gazetteer >= 0) forms.push_back(rules_.gazetteer()[m.gazetteer].name);
    for (const std::string& form : forms) {
      const std::vector<std::string> w = Words(form);
      if (w.size() < 2) continue;
      by_word[w.front()].insert(m.entity);
      by_word[w.back()].insert(m.entity);
    }
  }
  for (Mention& m : mentions) {
    if (m.kind != MentionKind::kPerson || !m.entity.empty() || !m.antecedents.empty()) continue;
    const std::string name = CollapseSpace(m.name.Of(text));
    auto it = by_word.find(name);
    if (it != by_word.end() && it->second.size() == 1) {
      m.entity = *it->second.begin();
    } else {
      m.entity = "person:" + Slugify(name);
    }
  }
  for (Mention& m : mentions) {
    if (!IsEntityKind(m.kind) || !m.entity.empty()) continue;
    // References resolve later, to their antecedent or to nothing: "the region" with no
    // region before it is no place of its own.
    if (!m.antecedents.empty() || IsReference(m)) continue;
    m.entity = std::string(KindIdPrefix(m.kind)) + ":" + Slugify(CollapseSpace(m.name.Of(text)));
  }
  // Parenthesised short names take the person before them.
  for (Mention& m : mentions) {
    if (m.kind == MentionKind::kPerson && m.entity.empty() && !m.antecedents.empty()) {
      m.entity = mentions[m.antecedents.front()].entity;
    }
  }
}

bool Resolver::IsReference(const Mention& m) const {
  return m.rule_index >= 0 && !rules_.mention_rules()[m.rule_index]->refers.empty();
}

void Resolver::ResolveReferences(std::string_view text, DocumentFacts* facts) const {
  std::vector<Mention>& mentions = facts->mentions;
  for (size_t i = 0; i < mentions.size(); ++i) {
    Mention& m = mentions[i];
    if (m.rule_index < 0) continue;
    const MentionRule& rule = *rules_.mention_rules()[m.rule_index];
    if (rule.refers != "antecedent") continue;
    // The nearest earlier mention of the same kind (country counts as a place), within
    // the window, whose gazetteer type fits.
    auto fits = [&](const Mention& c) {
      if (&c == &m ||
          (c.rule_index >= 0 && !rules_.mention_rules()[c.rule_index]->refers.empty())) {
        return false;
      }
      const bool place = m.kind == MentionKind::kPlace || m.kind == MentionKind::kCountry;
      const bool kind_ok = place
                               ? (c.kind == MentionKind::kPlace || c.kind == MentionKind::kCountry)
                               : c.kind == m.kind;
      if (!kind_ok || c.entity.empty()) return false;
      if (rule.refers_type.empty()) return true;
      const GazetteerEntry* e = rules_.Entry(c.entity);
      return e != nullptr && SplitContains(rule.refers_type, e->type);
    };
    int best = -1;
    for (size_t j = 0; j < mentions.size(); ++j) {
      const Mention& c = mentions[j];
      if (c.sentence > m.sentence || c.sentence < m.sentence - options_.antecedent_window) continue;
      if (c.span.begin >= m.span.begin) continue;
      if (!fits(c)) continue;
      if (best < 0 || mentions[best].span.begin < c.span.begin) best = static_cast<int>(j);
    }
    if (best < 0) continue;
    std::vector<int> group = {best};
    if (mentions[best].coord >= 0) {
      group.clear();
      for (size_t j = 0; j < mentions.size(); ++j) {
        if (mentions[j].coord == mentions[best].coord &&
            mentions[j].sentence == mentions[best].sentence && fits(mentions[j])) {
          group.push_back(static_cast<int>(j));
        }
      }
    }
    m.antecedents = group;
    m.entity = mentions[group.front()].entity;
  }
}

void Resolver::Resolve(std::string_view text, const std::vector<EventMatch>& matches,
                       DocumentFacts* facts) const {
  ResolveEntities(text, facts);
  ResolveReferences(text, facts);
  std::vector<Mention>& mentions = facts->mentions;

  // Entities.
  std::map<std::string, Entity> entities;
  std::map<std::string, std::map<std::string, int>> names;  // id -> written name -> count
  std::vector<std::string> order;
  for (const Mention& m : mentions) {
    const bool reference =
        m.rule_index >= 0 && rules_.mention_rules()[m.rule_index]->refers == "antecedent";
    if (!IsEntityKind(m.kind) || m.entity.empty() || reference) continue;
    auto [it, inserted] = entities.try_emplace(m.entity);
    Entity& e = it->second;
    if (inserted) {
      order.push_back(m.entity);
      e.id = m.entity;
      e.kind = m.kind;
      if (const GazetteerEntry* g = rules_.Entry(m.entity)) {
        e.gazetteer = true;
        e.kind = g->kind;
        e.name = g->name;
        e.type = g->type;
        e.part_of = g->part_of;
        e.external = g->external;
      }
    }
    ++e.mentions;
    ++names[m.entity][CollapseSpace(m.name.Of(text))];
    for (int ti : m.kind == MentionKind::kPerson ? m.titles : std::vector<int>{}) {
      const Mention& t = mentions[ti];
      std::string of = t.of >= 0 ? mentions[t.of].entity : "";
      // "mantan pejabat Gedung Putih": the employer is the government the building stands for.
      if (options_.metonymy) {
        const GazetteerEntry* g = rules_.Entry(of);
        if (g != nullptr && !g->metonym_of.empty()) of = g->metonym_of;
      }
      EntityTitle title{CollapseSpace(t.span.Of(text)), of};
      if (std::find(e.titles.begin(), e.titles.end(), title) == e.titles.end()) {
        e.titles.push_back(title);
      }
    }
  }
  for (auto& [id, e] : entities) {
    const auto& written = names[id];
    if (e.name.empty()) {
      // The longest written form (most words), then the most frequent, then the first.
      size_t best_words = 0;
      int best_count = 0;
      for (const auto& [form, count] : written) {
        const size_t w = Words(form).size();
        if (w > best_words || (w == best_words && count > best_count)) {
          e.name = form;
          best_words = w;
          best_count = count;
        }
      }
    }
    for (const auto& [form, count] : written) {
      if (form != e.name) e.aliases.push_back(form);
    }
    std::sort(e.titles.begin(), e.titles.end());
  }
  for (const std::string& id : order) facts->entities.push_back(std::move(entities[id]));

  // Role references: a title standing alone ("direktur", "the U.S. leader", "kedua menlu")
  // names the people of the document introduced earlier with a title of that office.
  const RoleReferences roles(rules_, text, mentions);
  // Roles that hold places or things, not actors: metonymy does not apply there ("Rusia
  // menggempur kota Kyiv": the target is the city, not Ukraine).
  const WordList* non_actor_roles = rules_.List("NON_ACTOR_ROLES");
  auto non_actor = [&](const std::string& role) {
    std::string ignored;
    return non_actor_roles != nullptr ? non_actor_roles->Lookup(role, &ignored) : role == "object";
  };

  // Events: one per match first.
  struct Work {
    Event ev;
    int sentence;
    int paragraph;
    bool anaphoric;
    std::set<std::string> resolved;  // participant entity ids
    int date_mention;
    bool indefinite = false;  // a party described as "seorang pejabat" / "an official"
  };
  std::vector<Work> work;
  const std::string& doc = facts->doc;
  for (const EventMatch& em : matches) {
    const EventRule& rule = *rules_.event_rules()[em.rule];
    Work w;
    w.sentence = em.sentence;
    w.paragraph = facts->sentences[em.sentence].paragraph;
    w.anaphoric = em.anaphoric;
    w.date_mention = em.date;
    Event& ev = w.ev;
    ev.type = rule.type;
    ev.modality = em.modality;
    for (const auto& [role, mid] : em.roles) {
      const Mention& m = mentions[mid];
      const std::string written = CollapseSpace(m.span.Of(text));
      if (m.kind == MentionKind::kTitle) {
        w.indefinite |= roles.Indefinite(m);
        std::vector<std::string> who = roles.Resolve(m);
        if (who.empty()) {
          // An unnamed office holder takes part for the country or organisation of the
          // title, like an actor code; a former one stays an unresolved description.
          std::string acts_for = roles.Represented(m);
          if (options_.metonymy) {
            const GazetteerEntry* g = rules_.Entry(acts_for);
            if (g != nullptr && !g->metonym_of.empty()) acts_for = g->metonym_of;
          }
          if (!acts_for.empty()) who.push_back(acts_for);
        }
        if (who.empty()) ev.participants.push_back({"", role, written});
        for (const std::string& person : who) {
          ev.participants.push_back({person, role, written});
          w.resolved.insert(person);
        }
        continue;
      }
      std::vector<int> targets = m.antecedents.empty() ? std::vector<int>{mid} : m.antecedents;
      for (int t : targets) {
        std::string entity = mentions[t].entity;
        if (entity.empty()) continue;
        if (options_.metonymy && !non_actor(role)) {
          const GazetteerEntry* g = rules_.Entry(entity);
          if (g != nullptr && !g->metonym_of.empty()) entity = g->metonym_of;
        }
        Participant p{entity, role, written};
        bool dup = false;
        for (const Participant& q : ev.participants)
          dup |= q.entity == p.entity && q.role == p.role;
        if (!dup) ev.participants.push_back(p);
        w.resolved.insert(entity);
      }
    }
    if (em.date >= 0) {
      ev.date = mentions[em.date].timex;
      ev.date_text = CollapseSpace(mentions[em.date].span.Of(text));
      ev.date_rule = em.date_rule;
    }
    if (em.place >= 0) {
      const Mention& pm = mentions[em.place];
      ev.place = pm.antecedents.empty() ? pm.entity : mentions[pm.antecedents.front()].entity;
      ev.place_rule = em.place_rule;
    }
    for (size_t k = 0; k < em.sources.size(); ++k) {
      const std::string& id = mentions[em.sources[k]].entity;
      if (std::find(ev.reported_by.begin(), ev.reported_by.end(), id) == ev.reported_by.end()) {
        ev.reported_by.push_back(id);
        ev.source_rules.push_back(em.source_rules[k]);
      }
    }
    const Span sent = facts->sentences[em.sentence].span;
    ev.evidence.push_back({doc, em.span, sent, std::string(sent.Of(text)), rule.id});
    work.push_back(std::move(w));
  }
  std::stable_sort(work.begin(), work.end(), [](const Work& a, const Work& b) {
    if (a.sentence != b.sentence) return a.sentence < b.sentence;
    return a.ev.evidence[0].span < b.ev.evidence[0].span;
  });

  // Merge: union-find over reports of one event.
  std::vector<int> parent(work.size());
  std::iota(parent.begin(), parent.end(), 0);
  std::function<int(int)> find = [&](int x) {
    return parent[x] == x ? x : parent[x] = find(parent[x]);
  };
  auto compatible = [&](const Work& a, const Work& b) { return SameOccasion(rules_, a.ev, b.ev); };
  for (size_t j = 0; j < work.size(); ++j) {
    if (work[j].anaphoric) continue;
    for (size_t i = 0; i < j; ++i) {
      if (work[i].anaphoric || !compatible(work[i], work[j])) continue;
      const auto& a = work[i].resolved;
      const auto& b = work[j].resolved;
      const bool equal = !a.empty() && a == b;
      // A report naming fewer people joins a nearby report naming more only if it is
      // incomplete: one named party at most, or parties it describes without naming
      // ("mantan pejabat AS"). "A met B" then "A and B met C" are two meetings, and so are
      // "A met B" and "an official met B".
      auto incomplete = [](const Work& w) {
        if (w.indefinite) return false;
        if (w.resolved.size() <= 1) return true;
        for (const Participant& p : w.ev.participants) {
          if (p.entity.empty()) return true;
        }
        return false;
      };
      const bool a_in_b =
          std::includes(b.begin(), b.end(), a.begin(), a.end()) && incomplete(work[i]);
      const bool b_in_a =
          std::includes(a.begin(), a.end(), b.begin(), b.end()) && incomplete(work[j]);
      const bool near = work[j].sentence - work[i].sentence <= options_.subset_window;
      if (work[i].indefinite || work[j].indefinite) continue;  // somebody unnamed took part
      if (equal || ((a_in_b || b_in_a) && near)) parent[find(j)] = find(i);
    }
  }
  // Back-references join the nearest compatible event told before them (or in the same
  // sentence); one that finds none is dropped: it only refers, it tells nothing new.
  for (size_t j = 0; j < work.size(); ++j) {
    if (!work[j].anaphoric) continue;
    int best = -1;
    uint32_t best_distance = UINT32_MAX;
    const uint32_t at = work[j].ev.evidence[0].span.begin;
    for (size_t i = 0; i < work.size(); ++i) {
      if (work[i].anaphoric || work[i].sentence > work[j].sentence ||
          work[j].sentence - work[i].sentence > options_.anaphor_window) {
        continue;
      }
      if (!compatible(work[i], work[j])) continue;
      // A back-reference may name more of who took part ("Pertemuan itu dihadiri
      // Megawati dan Surya Paloh"): it adds them to the event it refers to.
      const Span s = work[i].ev.evidence[0].span;
      const uint32_t d = s.begin > at ? s.begin - at : at - s.begin;
      if (d < best_distance) {
        best = static_cast<int>(i);
        best_distance = d;
      }
    }
    if (best >= 0) parent[j] = find(best);
  }

  // Combine each group into one event.
  std::map<int, std::vector<int>> groups;
  for (size_t i = 0; i < work.size(); ++i)
    groups[find(static_cast<int>(i))].push_back(static_cast<int>(i));
  std::set<int> used_dates;
  for (const Work& w : work) {
    if (w.date_mention >= 0) used_dates.insert(w.date_mention);
  }
  std::vector<Event> events;
  for (auto& [root, members] : groups) {
    bool told = false;  // a group of back-references alone tells no event
    for (int m : members) told |= !work[m].anaphoric;
    if (!told) continue;
    // The event's own report comes first, so its type and text lead.
    std::stable_sort(members.begin(), members.end(),
                     [&](int a, int b) { return !work[a].anaphoric && work[b].anaphoric; });
    Event ev = work[members.front()].ev;
    int depth = TypeDepth(rules_, ev.type);
    std::set<std::string> resolved = work[members.front()].resolved;
    for (size_t k = 1; k < members.size(); ++k) {
      const Work& w = work[members[k]];
      // A more specific type refines the event; a back-reference names it loosely ("Diskusi
      // tersebut" after a meeting), so it may only make a bare consult specific ("panggilan
      // tersebut" after "berbicara": a call).
      const int d = TypeDepth(rules_, w.ev.type);
      if (d > depth && (!w.anaphoric || depth == 0)) {
        ev.type = w.ev.type;
        depth = d;
      }
      for (const Participant& p : w.ev.participants) {
        bool dup = false;
        for (const Participant& q : ev.participants) {
          dup |= p.entity.empty() ? q.entity.empty() && q.text == p.text
                                  : q.entity == p.entity && q.role == p.role;
        }
        if (!dup) ev.participants.push_back(p);
      }
      resolved.insert(w.resolved.begin(), w.resolved.end());
      if (!w.ev.date.value.empty()) {
        if (ev.date.value.empty() || &MorePrecise(ev.date, w.ev.date) == &w.ev.date) {
          ev.date = w.ev.date;
          ev.date_text = w.ev.date_text;
          ev.date_rule = w.ev.date_rule;
        }
      }
      if (!w.ev.place.empty() && (ev.place.empty() || rules_.PlaceWithin(w.ev.place, ev.place))) {
        ev.place = w.ev.place;
        ev.place_rule = w.ev.place_rule;
      }
      for (size_t k = 0; k < w.ev.reported_by.size(); ++k) {
        const std::string& s = w.ev.reported_by[k];
        if (std::find(ev.reported_by.begin(), ev.reported_by.end(), s) == ev.reported_by.end()) {
          ev.reported_by.push_back(s);
          ev.source_rules.push_back(w.ev.source_rules[k]);
        }
      }
      for (const Evidence& e : w.ev.evidence) {
        if (std::find(ev.evidence.begin(), ev.evidence.end(), e) == ev.evidence.end()) {
          ev.evidence.push_back(e);
        }
      }
    }
    if (resolved.empty()) continue;  // nobody known took part: not an event of the graph
    // A place that takes part in the event in another role (an annexed region named by
    // one report, the place of another) is a participant, not where the event happened.
    for (const Participant& p : ev.participants) {
      if (p.entity == ev.place && p.role != "place") {
        ev.place.clear();
        ev.place_rule.clear();
        break;
      }
    }
    // A named participant makes a description of the same party redundant only when the
    // text says so; unresolved descriptions are kept for the reader but never become nodes.
    // Evidence inside other evidence of the same event adds nothing ("X yang bertemu Y"
    // within "X yang bertemu Y adalah A, B dan C").
    std::vector<Evidence> kept;
    for (const Evidence& e : ev.evidence) {
      bool inside = false;
      for (const Evidence& o : ev.evidence) {
        inside |= &o != &e && o.span.Contains(e.span) && o.span != e.span;
      }
      if (!inside) kept.push_back(e);
    }
    ev.evidence = std::move(kept);
    std::sort(ev.evidence.begin(), ev.evidence.end());
    events.push_back(std::move(ev));
  }
  std::sort(events.begin(), events.end(),
            [](const Event& a, const Event& b) { return a.evidence.front() < b.evidence.front(); });
  for (size_t i = 0; i < events.size(); ++i) events[i].id = "e" + std::to_string(i + 1);
  FillEventDates(facts->dct, facts->lang, &events);
  facts->events = std::move(events);
}

}  // namespace newsgraph
