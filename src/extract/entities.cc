#include "extract/entities.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include "base/text.h"
#include "extract/mentions.h"

namespace newsgraph {

namespace {

// Returns true if the '|'-separated list holds item ("region|province", "region").
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

// Returns true if m was made by a rule with `refers` (the schema allows only "antecedent"):
// a reference ("wilayah tersebut"), which names what its antecedent names.
bool IsReference(const RuleSet& rules, const Mention& m) {
  return m.rule_index >= 0 && !rules.mention_rules()[m.rule_index]->refers.empty();
}

// Plurals ("both ministers", "the two leaders"): a title of several people is compared in
// the singular, without the first of the language's plural endings its last word has.
void SingularLastWord(const LanguageInfo* language, std::vector<std::string>* words) {
  if (language == nullptr || words->empty()) return;
  std::string& last = words->back();
  for (const std::string& suffix : language->plural_suffixes) {
    if (last.size() > suffix.size() + 2 &&
        last.compare(last.size() - suffix.size(), suffix.size(), suffix) == 0) {
      last.resize(last.size() - suffix.size());
      return;
    }
  }
}

// Gives every person mention with a name of two words or more (not a reference) its entity:
// the gazetteer's, else person:<slug>. Returns the index of those full names (and of the
// gazetteer's canonical names) by their first and last words, for the short names.
std::map<std::string, std::set<std::string>> NameFullNames(const RuleSet& rules,
                                                           std::string_view text,
                                                           std::vector<Mention>* mentions) {
  std::map<std::string, std::set<std::string>> by_word;  // word -> entity ids
  for (Mention& m : *mentions) {
    if (m.kind != MentionKind::kPerson || !m.antecedents.empty() || IsReference(rules, m)) {
      continue;
    }
    const std::string name = CollapseSpace(m.name.Of(text));
    const std::vector<std::string> words = NameWords(name);
    if (m.entity.empty() && words.size() >= 2) m.entity = "person:" + Slugify(name);
    if (m.entity.empty()) continue;
    // Both the written name and (for the gazetteer) the canonical name index the entity.
    std::vector<std::string> forms = {name};
    if (m.gazetteer >= 0) forms.push_back(rules.gazetteer()[m.gazetteer].name);
    for (const std::string& form : forms) {
      const std::vector<std::string> w = NameWords(form);
      if (w.size() < 2) continue;
      by_word[w.front()].insert(m.entity);
      by_word[w.back()].insert(m.entity);
    }
  }
  return by_word;
}

// Gives every one-word person name the unique full name that has it as first or last word
// ("Lavrov"), else person:<slug> of the word itself.
void NameShortNames(const RuleSet& rules,
                    const std::map<std::string, std::set<std::string>>& by_word,
                    std::string_view text, std::vector<Mention>* mentions) {
  // The titles each named person is given: a short name shared by two people ("Presiden
  // Yudhoyono" after "Presiden Susilo Bambang Yudhoyono" and "Ibu Ani Yudhoyono") is the one
  // who bears its title.
  std::map<std::string, std::set<std::string>> titles_of;
  auto title_text = [&](int t) { return Lowercase(CollapseSpace((*mentions)[t].span.Of(text))); };
  for (const Mention& m : *mentions) {
    if (m.kind != MentionKind::kPerson || m.entity.empty()) continue;
    for (int t : m.titles) titles_of[m.entity].insert(title_text(t));
  }
  for (Mention& m : *mentions) {
    if (m.kind != MentionKind::kPerson || !m.entity.empty() || !m.antecedents.empty() ||
        IsReference(rules, m)) {
      continue;
    }
    const std::string name = CollapseSpace(m.name.Of(text));
    auto it = by_word.find(name);
    std::vector<std::string> titled;
    if (it != by_word.end() && it->second.size() > 1) {
      for (const std::string& candidate : it->second) {
        const std::set<std::string>& ts = titles_of[candidate];
        if (std::any_of(m.titles.begin(), m.titles.end(),
                        [&](int t) { return ts.count(title_text(t)) > 0; })) {
          titled.push_back(candidate);
        }
      }
    }
    if (it != by_word.end() && it->second.size() == 1) {
      m.entity = *it->second.begin();
    } else if (titled.size() == 1) {
      m.entity = titled.front();
    } else {
      m.entity = "person:" + Slugify(name);
    }
  }
}

// Gives every other entity mention without an id <kind prefix>:<slug of its name>.
// References resolve later, to their antecedent or to nothing: "the region" with no region
// before it is no place of its own.
void NameOtherEntities(const RuleSet& rules, std::string_view text,
                       std::vector<Mention>* mentions) {
  for (Mention& m : *mentions) {
    if (!IsEntityKind(m.kind) || !m.entity.empty()) continue;
    if (!m.antecedents.empty() || IsReference(rules, m)) continue;
    m.entity = std::string(KindIdPrefix(m.kind)) + ":" + Slugify(CollapseSpace(m.name.Of(text)));
  }
}

// Gives a name in brackets ("(Jokowi)") the entity of the person before it.
void NameBracketed(std::vector<Mention>* mentions) {
  for (Mention& m : *mentions) {
    if (m.kind == MentionKind::kPerson && m.entity.empty() && !m.antecedents.empty()) {
      m.entity = (*mentions)[m.antecedents.front()].entity;
    }
  }
}

// Returns true if offset lies inside a quotation of its sentence: an odd number of quote
// marks stands before it.
bool InsideQuotes(std::string_view text, Span sentence, uint32_t offset) {
  int quotes = 0;
  const std::string_view before = text.substr(sentence.begin, offset - sentence.begin);
  for (size_t i = 0; i < before.size(); ++i) {
    if (before[i] == '"') ++quotes;
    // U+201C and U+201D: E2 80 9C / E2 80 9D.
    if (before.compare(i, 3, "\xE2\x80\x9C") == 0 || before.compare(i, 3, "\xE2\x80\x9D") == 0) {
      ++quotes;
    }
  }
  return quotes % 2 == 1;
}

// Returns the document offset of the last word of PRONOUN_SPEAKER_CUES ("said",
// "mengatakan") in the sentence before offset, or -1.
int64_t SpeakerCueBefore(const RuleSet& rules, std::string_view text, Span sentence,
                         uint32_t offset) {
  const WordList* cues = rules.List("PRONOUN_SPEAKER_CUES");
  if (cues == nullptr) return -1;
  const std::string_view before = text.substr(sentence.begin, offset - sentence.begin);
  std::string ignored;
  int64_t last = -1;
  for (Span t : Tokenize(before)) {
    if (cues->Lookup(t.Of(before), &ignored)) last = sentence.begin + t.begin;
  }
  return last;
}

// The mentions of each sentence, by ascending id: references look only at the sentences of
// their window, so that resolving them stays linear in a long document (issue 12: a 25 MB
// line spent most of its time scanning every mention for every pronoun).
using MentionsBySentence = std::vector<std::vector<int>>;

MentionsBySentence BySentence(const std::vector<Mention>& mentions, size_t sentences) {
  MentionsBySentence out(sentences);
  for (size_t j = 0; j < mentions.size(); ++j) {
    const int s = mentions[j].sentence;
    if (s >= 0 && static_cast<size_t>(s) < sentences) out[s].push_back(static_cast<int>(j));
  }
  return out;
}

// The people a pronoun may refer to in one sentence: resolved person mentions that are no
// references, before the pronoun when in its sentence, outside quotations, in order.
std::vector<int> PeopleBefore(const RuleSet& rules, std::string_view text,
                              const std::vector<Sentence>& sentences,
                              const std::vector<Mention>& mentions,
                              const MentionsBySentence& by_sentence, int sentence,
                              const Mention& pronoun) {
  std::vector<int> people;
  for (int j : by_sentence[sentence]) {
    const Mention& c = mentions[j];
    if (c.kind != MentionKind::kPerson || c.entity.empty()) continue;
    if (c.parent >= 0 || IsReference(rules, c)) continue;
    if (sentence == pronoun.sentence && c.span.begin >= pronoun.span.begin) continue;
    if (InsideQuotes(text, sentences[sentence].span, c.span.begin)) continue;
    // "Saipov's mother ... she": a possessor is not the subject.
    const std::string_view after = text.substr(c.span.end, 4);
    if (after.substr(0, 2) == "'s" || after.substr(0, 4) == "\xE2\x80\x99s") continue;
    people.push_back(j);
  }
  std::sort(people.begin(), people.end(),
            [&](int a, int b) { return mentions[a].span.begin < mentions[b].span.begin; });
  return people;
}

// Returns the antecedents of a pronoun (refers "subject" or "pair"), or none: the
// sentences from its own back through the window, in its own or the previous paragraph
// and no headline, are searched for the nearest that names anyone. "subject": the first
// person named there, unless coordinated with another ("A and B ... He": whom?); "pair":
// the two people named there, if exactly two.
std::vector<int> PronounAntecedents(const RuleSet& rules, const ResolveOptions& options,
                                    std::string_view text, const std::vector<Sentence>& sentences,
                                    const std::vector<Mention>& mentions,
                                    const MentionsBySentence& by_sentence, const Mention& m,
                                    bool pair) {
  if (InsideQuotes(text, sentences[m.sentence].span, m.span.begin)) return {};
  const int paragraph = sentences[m.sentence].paragraph;
  // "X said he ...": after a verb of saying the pronoun is the speaker, the person named
  // last before that verb in its own sentence; nobody if the speaker is no known person.
  const int64_t cue = SpeakerCueBefore(rules, text, sentences[m.sentence].span, m.span.begin);
  if (cue >= 0) {
    if (pair) return {};
    std::vector<int> people =
        PeopleBefore(rules, text, sentences, mentions, by_sentence, m.sentence, m);
    while (!people.empty() && mentions[people.back()].span.end > cue) people.pop_back();
    if (people.empty()) return {};
    const Mention& speaker = mentions[people.back()];
    const std::string_view between = text.substr(speaker.span.end, cue - speaker.span.end);
    if (Tokenize(between).size() > 6) return {};  // "X ..., who ..., said": too far to tell
    return {people.back()};
  }
  for (int s = m.sentence; s >= 0 && s >= m.sentence - options.pronoun_window; --s) {
    if (sentences[s].paragraph < paragraph - 1) break;
    if (sentences[s].headline || sentences[s].furniture) continue;
    const std::vector<int> people =
        PeopleBefore(rules, text, sentences, mentions, by_sentence, s, m);
    if (people.empty()) continue;
    if (!pair) {
      const Mention& subject = mentions[people.front()];
      if (subject.coord >= 0) {
        for (int p : people) {
          if (p != people.front() && mentions[p].coord == subject.coord &&
              mentions[p].entity != subject.entity) {
            return {};
          }
        }
      }
      return {people.front()};
    }
    std::vector<int> two;
    for (int p : people) {
      bool seen = false;
      for (int q : two) seen |= mentions[q].entity == mentions[p].entity;
      if (!seen) two.push_back(p);
    }
    return two.size() == 2 ? two : std::vector<int>{};
  }
  return {};
}

// Gives every reference its antecedents: a pronoun by PronounAntecedents; any other the
// nearest earlier mention of the same kind (a country counts as a place), within the
// window, whose gazetteer type fits `refers_type`, with its whole coordination group.
void ResolveReferences(const RuleSet& rules, const ResolveOptions& options, std::string_view text,
                       const std::vector<Sentence>& sentences, std::vector<Mention>* all) {
  std::vector<Mention>& mentions = *all;
  const MentionsBySentence by_sentence = BySentence(mentions, sentences.size());
  for (size_t i = 0; i < mentions.size(); ++i) {
    Mention& m = mentions[i];
    if (!IsReference(rules, m)) continue;
    const MentionRule& rule = *rules.mention_rules()[m.rule_index];
    if (rule.refers == "subject" || rule.refers == "pair") {
      m.antecedents = PronounAntecedents(rules, options, text, sentences, mentions, by_sentence,
                                         m, rule.refers == "pair");
      if (!m.antecedents.empty()) m.entity = mentions[m.antecedents.front()].entity;
      continue;
    }
    auto fits = [&](const Mention& c) {
      if (&c == &m || IsReference(rules, c)) return false;
      const bool place = m.kind == MentionKind::kPlace || m.kind == MentionKind::kCountry;
      const bool kind_ok = place
                               ? (c.kind == MentionKind::kPlace || c.kind == MentionKind::kCountry)
                               : c.kind == m.kind;
      if (!kind_ok || c.entity.empty()) return false;
      if (rule.refers_type.empty()) return true;
      const GazetteerEntry* e = rules.Entry(c.entity);
      return e != nullptr && SplitContains(rule.refers_type, e->type);
    };
    // The latest candidate before m; mentions at one position are in one sentence, so
    // visiting the window sentence by sentence breaks ties as the order of ids does.
    int best = -1;
    for (int s = std::max(0, m.sentence - options.antecedent_window); s <= m.sentence; ++s) {
      for (int j : by_sentence[s]) {
        const Mention& c = mentions[j];
        if (c.span.begin >= m.span.begin) continue;
        if (!fits(c)) continue;
        if (best < 0 || mentions[best].span.begin < c.span.begin) best = j;
      }
    }
    if (best < 0) continue;
    std::vector<int> group = {best};
    if (mentions[best].coord >= 0) {
      group.clear();
      for (int j : by_sentence[mentions[best].sentence]) {
        if (mentions[j].coord == mentions[best].coord && fits(mentions[j])) group.push_back(j);
      }
    }
    m.antecedents = group;
    m.entity = mentions[group.front()].entity;
  }
}

// Returns a new entity for id, with what the gazetteer knows of it.
Entity NewEntity(const RuleSet& rules, const std::string& id, MentionKind kind) {
  Entity e;
  e.id = id;
  e.kind = kind;
  if (const GazetteerEntry* g = rules.Entry(id)) {
    e.gazetteer = true;
    e.kind = g->kind;
    e.name = g->name;
    e.type = g->type;
    e.part_of = g->part_of;
    e.external = g->external;
  }
  return e;
}

// Adds the titles of person mention m to e, each with its employer: the actor its
// organisation or country stands for ("mantan pejabat Gedung Putih": the government the
// building stands for).
void AddTitles(const RuleSet& rules, const ResolveOptions& options, std::string_view text,
               const std::vector<Mention>& mentions, const Mention& m, Entity* e) {
  if (m.kind != MentionKind::kPerson) return;
  for (int ti : m.titles) {
    const Mention& t = mentions[ti];
    const std::string of = ActorOf(rules, options, t.of >= 0 ? mentions[t.of].entity : "");
    EntityTitle title{CollapseSpace(t.span.Of(text)), of};
    if (std::find(e->titles.begin(), e->titles.end(), title) == e->titles.end()) {
      e->titles.push_back(title);
    }
  }
}

// Names e (unless the gazetteer did) by its longest written form (most words), then the
// most frequent, then the first; every other form becomes an alias.
void NameEntity(const std::map<std::string, int>& written, Entity* e) {
  if (e->name.empty()) {
    size_t best_words = 0;
    int best_count = 0;
    for (const auto& [form, count] : written) {
      const size_t w = NameWords(form).size();
      if (w > best_words || (w == best_words && count > best_count)) {
        e->name = form;
        best_words = w;
        best_count = count;
      }
    }
  }
  for (const auto& [form, count] : written) {
    if (form != e->name) e->aliases.push_back(form);
  }
  std::sort(e->titles.begin(), e->titles.end());
}

// Returns the entities the resolved mentions name, in the order of their first mention.
std::vector<Entity> CollectEntities(const RuleSet& rules, const ResolveOptions& options,
                                    std::string_view text, const std::vector<Mention>& mentions) {
  std::map<std::string, Entity> entities;
  std::map<std::string, std::map<std::string, int>> names;  // id -> written name -> count
  std::vector<std::string> order;
  for (const Mention& m : mentions) {
    if (!IsEntityKind(m.kind) || m.entity.empty() || IsReference(rules, m)) continue;
    auto it = entities.find(m.entity);
    if (it == entities.end()) {
      order.push_back(m.entity);
      it = entities.emplace(m.entity, NewEntity(rules, m.entity, m.kind)).first;
    }
    Entity& e = it->second;
    ++e.mentions;
    ++names[m.entity][CollapseSpace(m.name.Of(text))];
    AddTitles(rules, options, text, mentions, m, &e);
  }
  for (auto& [id, e] : entities) NameEntity(names[id], &e);
  std::vector<Entity> out;
  for (const std::string& id : order) out.push_back(std::move(entities[id]));
  return out;
}

}  // namespace

std::string ActorOf(const RuleSet& rules, const ResolveOptions& options, const std::string& id) {
  if (!options.metonymy) return id;
  const GazetteerEntry* g = rules.Entry(id);
  return g != nullptr && !g->metonym_of.empty() ? g->metonym_of : id;
}

void ResolveEntities(const RuleSet& rules, const ResolveOptions& options, std::string_view text,
                     DocumentFacts* facts) {
  std::vector<Mention>* mentions = &facts->mentions;
  NameShortNames(rules, NameFullNames(rules, text, mentions), text, mentions);
  NameOtherEntities(rules, text, mentions);
  NameBracketed(mentions);
  ResolveReferences(rules, options, text, facts->sentences, mentions);
  for (Entity& e : CollectEntities(rules, options, text, *mentions)) {
    facts->entities.push_back(std::move(e));
  }
}

RoleReferences::RoleReferences(const RuleSet& rules, std::string_view text,
                               const std::vector<Mention>& mentions, const LanguageInfo* language)
    : rules_(rules), text_(text), mentions_(mentions), language_(language) {
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
  // "Minister for Foreign Affairs of Japan" is Japan's as "Japanese Foreign Minister" is;
  // "Dubes untuk Indonesia" (a posting) is not Indonesia's.
  if (title.of < 0 && title.about >= 0 && mentions_[title.about].kind == MentionKind::kCountry) {
    const std::string_view before =
        text_.substr(title.span.begin, mentions_[title.about].span.begin - title.span.begin);
    std::vector<Span> words = Tokenize(before);
    if (!words.empty() && Lowercase(words.back().Of(before)) == "the") words.pop_back();
    if (!words.empty() && Lowercase(words.back().Of(before)) == "of") {
      key.of = mentions_[title.about].entity;
    }
  }
  std::vector<std::string> words;
  for (Span tok : Tokenize(t)) {
    // A bracketed abbreviation repeats the title: "Wakil Presiden (Wapres)".
    const size_t open = t.rfind('(', tok.begin);
    if (open != std::string_view::npos && t.find(')', open) >= tok.end) continue;
    const Span abs{tok.begin + title.span.begin, tok.end + title.span.begin};
    bool inside_entity = false;  // the country or organisation named in the title
    for (int c : title.children) inside_entity |= mentions_[c].span.Overlaps(abs);
    if (inside_entity) continue;
    const std::string w = Lowercase(tok.Of(t));
    char32_t cp;
    int len;
    DecodeUtf8(w, 0, &cp, &len);
    if (!IsWordChar(cp)) continue;
    // The possessive of the country taken out: "Indonesia’s President" is a "president"
    // (Tokenize leaves the "s" after the apostrophe a word of its own).
    if (w == "s") continue;
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
  // The words that linked the title to its country or organisation ("of" in "Minister for
  // Foreign Affairs of Japan") are left over at its end.
  const WordList* link = rules_.List("TITLE_LINK");
  std::string ignored;
  while (!words.empty() && link != nullptr && link->Lookup(words.back(), &ignored)) {
    words.pop_back();
  }
  if (key.count != 1) SingularLastWord(language_, &words);
  for (const std::string& w : words) key.phrase += (key.phrase.empty() ? "" : " ") + w;
  // A phrase may stand for another as a word does: "minister for foreign affairs" is a
  // "foreign minister".
  std::string value;
  if (abbrev && abbrev->Lookup(key.phrase, &value)) key.phrase = value;
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
  return generic && generic->Lookup(ref.phrase, &offices) && SplitContains(offices, held.phrase);
}

std::string RoleReferences::OfficeHolder(const Mention& title, const CivilDate& date) const {
  const TitleKey key = Key(title);
  if (key.count != 1 || language_ == nullptr) return "";
  const WordList* former = rules_.List("FORMER");
  std::string ignored;
  const std::string_view t = title.span.Of(text_);
  for (Span tok : Tokenize(t)) {
    if (former != nullptr && former->Lookup(Lowercase(tok.Of(t)), &ignored)) return "";
  }
  std::string office;
  const WordList* offices = rules_.List("OFFICE_TITLE");
  if (offices == nullptr || !offices->Lookup(key.phrase, &office)) return "";
  // The country: the title's own ("Menlu AS", "President of the United States"), else the
  // language's default ("Presiden" in Indonesian news).
  std::string country = TitleCountry(title);
  const bool named = !country.empty();
  if (!named && (title.of >= 0 || title.about >= 0)) return "";  // an organisation's office
  const WordList* needs = rules_.List("OFFICE_NEEDS_COUNTRY");
  if (!named && needs != nullptr && needs->Lookup(key.phrase, &ignored)) return "";
  const WordList* defaults = rules_.List("OFFICE_DEFAULT_COUNTRY");
  if (!named && (defaults == nullptr || !defaults->Lookup(language_->code, &country))) return "";
  const newsgraph::OfficeHolder* h = rules_.OfficeHolderAt(office, country, date);
  // "the head of government of the United States": a presidential system's is its president.
  if (h == nullptr && named && office == "head_of_government") {
    h = rules_.OfficeHolderAt("head_of_state", country, date);
  }
  return h ? h->person : "";
}

std::string RoleReferences::TitleCountry(const Mention& title) const {
  auto country_of = [&](const Mention& t) -> std::string {
    for (int m : {t.of, t.about}) {
      if (m >= 0 && mentions_[m].kind == MentionKind::kCountry) return mentions_[m].entity;
    }
    return "";
  };
  std::string country = country_of(title);
  // "Raja dan Ratu Belanda": coordinated titles share the country the last one names.
  if (country.empty() && title.coord >= 0 && title.of < 0 && title.about < 0) {
    for (const Mention& m : mentions_) {
      if (m.coord == title.coord && m.kind == MentionKind::kTitle && &m != &title) {
        const std::string c = country_of(m);
        if (!c.empty()) country = c;
      }
    }
  }
  return country;
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

}  // namespace newsgraph
