#include "extract/mentions.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "base/text.h"
#include "extract/dateline.h"
#include "extract/match.h"
#include "extract/render.h"
#include "rules/lexicon.h"
#include "rules/prefilter.h"

namespace newsgraph {

std::vector<int> TopLevel(const std::vector<Mention>& mentions, int sentence) {
  std::vector<int> out;
  for (size_t i = 0; i < mentions.size(); ++i) {
    if (mentions[i].sentence == sentence && mentions[i].parent < 0) {
      out.push_back(static_cast<int>(i));
    }
  }
  std::sort(out.begin(), out.end(),
            [&](int a, int b) { return mentions[a].span < mentions[b].span; });
  return out;
}

std::vector<std::string> NameWords(std::string_view name) {
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

namespace {

// A mention a rule proposes; the longest leftmost proposals win.
struct Candidate {
  MentionKind kind;
  Span span;
  Span name;
  std::string rule;
  int rule_index = -1;
  int priority = 0;
  int order = 0;
  int gazetteer = -1;
  std::string entity;
  std::vector<int> titles;
  int of = -1;
  int about = -1;
  std::vector<int> antecedents;
  Timex timex;
};

std::vector<Candidate> SelectLeftmostLongest(std::vector<Candidate> c) {
  std::sort(c.begin(), c.end(), [](const Candidate& a, const Candidate& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    if (a.span.size() != b.span.size()) return a.span.size() > b.span.size();
    if (a.priority != b.priority) return a.priority > b.priority;
    return a.order < b.order;
  });
  std::vector<Candidate> out;
  uint32_t end = 0;
  for (Candidate& x : c) {
    if (x.span.empty() || (!out.empty() && x.span.begin < end)) continue;
    end = x.span.end;
    out.push_back(std::move(x));
  }
  return out;
}

// Adds c as a mention of sentence s; the top-level mentions it covers become its children.
// Returns false (and adds nothing) if c would cut through an existing mention.
bool Insert(const Candidate& c, int s, std::vector<Mention>* mentions, std::vector<int>* top) {
  for (int t : *top) {
    const Span ts = (*mentions)[t].span;
    if (ts.Overlaps(c.span) && !c.span.Contains(ts)) return false;
  }
  const int id = static_cast<int>(mentions->size());
  Mention m;
  m.kind = c.kind;
  m.span = c.span;
  m.name = c.name.empty() ? c.span : c.name;
  m.rule = c.rule;
  m.rule_index = c.rule_index;
  m.sentence = s;
  m.gazetteer = c.gazetteer;
  m.entity = c.entity;
  m.titles = c.titles;
  m.of = c.of;
  m.about = c.about;
  m.antecedents = c.antecedents;
  m.timex = c.timex;
  std::vector<int> rest;
  for (int t : *top) {
    if (c.span.Contains((*mentions)[t].span)) {
      m.children.push_back(t);
      (*mentions)[t].parent = id;
    } else {
      rest.push_back(t);
    }
  }
  mentions->push_back(std::move(m));
  rest.push_back(id);
  std::sort(rest.begin(), rest.end(),
            [&](int a, int b) { return (*mentions)[a].span < (*mentions)[b].span; });
  *top = std::move(rest);
  return true;
}

// Returns name without the words of `trim` at either end.
Span TrimName(std::string_view text, Span name, const WordList* trim) {
  if (trim == nullptr || name.empty()) return name;
  std::vector<Span> tokens = Tokenize(name.Of(text));
  for (Span& t : tokens) {
    t.begin += name.begin;
    t.end += name.begin;
  }
  std::string ignored;
  size_t first = 0, last = tokens.size();
  while (first < last && trim->Lookup(tokens[first].Of(text), &ignored)) ++first;
  while (last > first && trim->Lookup(tokens[last - 1].Of(text), &ignored)) --last;
  // Do not leave punctuation dangling at the ends ("Sergey Lavrov,").
  while (last > first && !IsWordChar(static_cast<unsigned char>(text[tokens[last - 1].begin])) &&
         static_cast<unsigned char>(text[tokens[last - 1].begin]) < 0x80) {
    --last;
  }
  if (first >= last) return {name.begin, name.begin};
  Span out{tokens[first].begin, tokens[last - 1].end};
  // A possessive is not part of the name: "Bill Northey's", "Northey’s".
  for (std::string_view s : {std::string_view("'s"), std::string_view("’s")}) {
    const std::string_view t = out.Of(text);
    if (t.size() > s.size() + 1 && t.substr(t.size() - s.size()) == s) {
      out.end -= static_cast<uint32_t>(s.size());
      break;
    }
  }
  return out;
}

// Returns true if the capitalised title word at rendered offset `at` is a surname instead:
// it is one of SURNAME_TITLES ("King", "Judge", "Prince") and follows a capitalised word
// that is no token and no word that may stand before a title ("Steve King", "Erik
// Prince", "Mark Judge"; not "Republican Senator", "⟦GPE⟧ King", "The King").
bool SurnameNotTitle(std::string_view rendered, size_t at, const WordList* surname_titles,
                     const std::vector<const WordList*>& context) {
  if (surname_titles == nullptr || at >= rendered.size()) return false;
  size_t end = at;
  while (end < rendered.size() && IsWordChar(static_cast<unsigned char>(rendered[end]))) ++end;
  std::string ignored;
  if (!surname_titles->Lookup(rendered.substr(at, end - at), &ignored)) return false;
  if (!(rendered[at] >= 'A' && rendered[at] <= 'Z')) return false;
  size_t p = at;
  if (p == 0 || rendered[p - 1] != ' ') return false;
  --p;
  const size_t word_end = p;
  while (p > 0 && (IsWordChar(static_cast<unsigned char>(rendered[p - 1])) ||
                   static_cast<unsigned char>(rendered[p - 1]) >= 0x80)) {
    --p;
  }
  const std::string_view before = rendered.substr(p, word_end - p);
  if (before.empty() || !(before[0] >= 'A' && before[0] <= 'Z')) return false;
  if (before.size() >= 3 && before.substr(before.size() - 3) == "\u27E7") return false;
  for (const WordList* l : context) {
    if (l->Lookup(before, &ignored)) return false;
  }
  return true;
}

// Returns the tokens of sentence `sentence` of text, with document offsets.
std::vector<Span> SentenceTokens(std::string_view text, Span sentence) {
  std::vector<Span> tokens = Tokenize(sentence.Of(text));
  for (Span& t : tokens) {
    t.begin += sentence.begin;
    t.end += sentence.begin;
  }
  return tokens;
}

// The short forms a full name is known by in the language (short_names): its last word,
// and in Indonesian its first word too ("Prabowo Subianto" is "Prabowo").
std::vector<std::string> ShortNameForms(const std::vector<std::string>& words,
                                        const LanguageInfo* language) {
  std::vector<std::string> forms;
  if (language == nullptr || language->short_name_last) forms.push_back(words.back());
  if (language != nullptr && language->short_name_first) forms.push_back(words.front());
  return forms;
}

// Returns true if the person name (all its words) is no name: a word of the rule's reject
// list or `reject_word` pattern, or only acronyms ("DPRD", "PU": an office, not a person).
bool RejectedPersonName(std::string_view name, const MentionRule& rule, const WordList* reject) {
  std::string ignored;
  bool all_acronyms = true;
  for (Span t : Tokenize(name)) {
    const std::string_view w = t.Of(name);
    char32_t cp;
    int len;
    DecodeUtf8(w, 0, &cp, &len);
    if (!IsWordChar(cp)) continue;
    if (reject != nullptr && reject->Lookup(w, &ignored)) return true;
    if (rule.reject_word &&
        RE2::FullMatch(re2::StringPiece(w.data(), w.size()), *rule.reject_word)) {
      return true;
    }
    all_acronyms &= IsAllCaps(w);
  }
  return all_acronyms;
}

// The special groups of a mention rule and its word lists, looked up once per sentence.
struct RuleGroups {
  explicit RuleGroups(const RuleSet& rules, const MentionRule& rule)
      : span(rule.Group("span")),
        name(rule.Group("name")),
        title(rule.Group("title")),
        of(rule.Group("of")),
        about(rule.Group("about")),
        trim(rule.trim_list.empty() ? nullptr : rules.List(rule.trim_list)),
        reject(rule.reject_list.empty() ? nullptr : rules.List(rule.reject_list)) {}
  int span, name, title, of, about;
  const WordList* trim;
  const WordList* reject;
};

// The passes of stage 1 over one document, in order: each adds mentions to facts->mentions
// and to the index of top-level mentions per sentence.
class MentionPasses {
 public:
  MentionPasses(const RuleSet& rules, std::string_view text, LangMask lang, DocumentFacts* facts,
                MentionIndex* index, Trace* trace)
      : rules_(rules),
        text_(text),
        lang_(lang),
        sentences_(facts->sentences),
        mentions_(facts->mentions),
        index_(*index),
        trace_(trace) {
    index_.top.assign(sentences_.size(), {});
    if (trace_) trace_->sentences.assign(sentences_.size(), {});
    groups_.resize(rules.mention_rules().size());
    surname_titles_ = rules.List("SURNAME_TITLES");
    not_a_name_ = rules.List("NOT_A_NAME");
    name_reject_ = rules.List("NAME_REJECT");
    for (const char* name :
         {"NOT_A_NAME", "TITLE_MOD_EN", "TITLE_MOD_ID", "TITLE_PREFIX_EN", "TITLE_PREFIX_ID"}) {
      if (const WordList* l = rules.List(name)) title_context_.push_back(l);
    }
  }

  // Pass 0: the gazetteer and the date rules over the raw sentences. Tokenizes the
  // sentences for this pass and the aliases.
  void GazetteerAndDates(const std::optional<CivilDate>& dct) {
    tokens_.reserve(sentences_.size());
    for (const Sentence& s : sentences_) tokens_.push_back(SentenceTokens(text_, s.span));
    for (size_t s = 0; s < sentences_.size(); ++s) {
      const Span sent = sentences_[s].span;
      std::vector<Candidate> cands;
      std::vector<LexiconMatch> found;
      rules_.lexicon().Match(text_, tokens_[s], lang_, &found);
      for (const LexiconMatch& lm : found) {
        const GazetteerEntry& e = rules_.gazetteer()[lm.entry];
        Candidate c;
        c.kind = e.kind;
        c.span = c.name = lm.span;
        c.rule = "gazetteer";
        c.gazetteer = lm.entry;
        c.entity = e.id;
        c.order = order_++;
        cands.push_back(std::move(c));
      }
      // Dates (dateline.h): every date rule match, normalized against the publication date.
      std::vector<DateMatch> dates;
      MatchDates(rules_, text_, sent, lang_, dct, &dates, trace_ ? &trace_->notes : nullptr,
                 &told_);
      RecordSentenceDates(dates, dct);
      for (DateMatch& d : dates) {
        const DateRule& rule = *rules_.date_rules()[d.rule];
        Candidate c;
        c.kind = MentionKind::kDate;
        c.span = c.name = d.span;
        c.timex = std::move(d.timex);
        c.rule = rule.id;
        c.priority = rule.priority;
        c.order = order_++;
        cands.push_back(std::move(c));
      }
      InsertSelected(std::move(cands), s);
    }
  }

  // Records the dates of a sentence, in text order, for the rules with a reference in the
  // sentences after it; a date that itself came from a reference is not recorded.
  void RecordSentenceDates(const std::vector<DateMatch>& dates,
                           const std::optional<CivilDate>& dct) {
    std::vector<const DateMatch*> order;
    for (const DateMatch& d : dates) {
      if (rules_.date_rules()[d.rule]->spec.ref_granularity.empty()) order.push_back(&d);
    }
    std::stable_sort(order.begin(), order.end(), [](const DateMatch* a, const DateMatch* b) {
      return a->span.begin < b->span.begin;
    });
    for (const DateMatch* d : order) RecordTold(d->timex, dct, &told_);
  }

  // Pass n >= 1: the mention rules of the pass over each sentence rendered with the
  // mentions found so far.
  void RulePass(int pass) {
    const RuleSet::Prefilter& filter = rules_.pass_prefilter(pass);
    std::vector<int> candidate_rules;
    for (size_t s = 0; s < sentences_.size(); ++s) {
      const Rendered r(text_, sentences_[s].span, index_.top[s], mentions_);
      if (trace_) trace_->sentences[s].renders.emplace_back(fmt::format("pass {}", pass), r.text());
      filter.Candidates(r.text(), &candidate_rules);
      std::vector<Candidate> cands;
      for (int ri : candidate_rules) {
        const MentionRule& rule = *rules_.mention_rules()[ri];
        if ((rule.langs & lang_) == 0) continue;
        // A headline capitalises every word: a person rule may only join a title to a
        // person found before ("PM Malaysia Anwar Ibrahim"), never make a name.
        const bool headline = sentences_[s].headline && rule.kind == MentionKind::kPerson;
        const RuleGroups& groups = GroupsOf(ri);
        ForEachMatch(*rule.re, r.text(), groups.span, [&](const Groups& g) {
          Candidate c;
          if (RuleCandidate(rule, ri, groups, r, g, &c) && !(headline && c.entity.empty())) {
            cands.push_back(std::move(c));
          }
        });
      }
      InsertSelected(std::move(cands), s);
    }
  }

  // Aliases: short names of people named in full elsewhere in the document, and names
  // given in brackets after a person ("Joko Widodo (Jokowi)", "Mohammed bin Salman (MbS)"),
  // wherever they stand alone.
  void Aliases() {
    const std::map<std::string, std::set<std::string>> short_forms = ShortForms();
    const std::map<std::string, int> bracketed = Bracketed(tokens_);
    for (size_t s = 0; s < sentences_.size(); ++s) {
      std::vector<Candidate> cands;
      for (Span t : tokens_[s]) {
        bool covered = false;
        for (int m : index_.top[s]) covered |= mentions_[m].span.Overlaps(t);
        if (covered) continue;
        const std::string word(t.Of(text_));
        Candidate c;
        c.kind = MentionKind::kPerson;
        c.span = c.name = t;
        c.order = order_++;
        if (auto b = bracketed.find(word); b != bracketed.end()) {
          c.rule = "alias.bracketed";
          c.antecedents = {b->second};
        } else if (auto it = short_forms.find(word);
                   it != short_forms.end() && it->second.size() == 1) {
          c.rule = "alias.short-name";
        } else {
          continue;
        }
        cands.push_back(std::move(c));
      }
      InsertSelected(std::move(cands), s);
    }
  }

  // Coordination groups: adjacent top-level mentions of one kind (countries and places
  // count as one kind) joined by "," or a COORD word ("A, B dan C").
  void CoordinationGroups() {
    const WordList* coord = rules_.List("COORD");
    auto place_like = [](MentionKind k) {
      return k == MentionKind::kCountry || k == MentionKind::kPlace ? MentionKind::kPlace : k;
    };
    std::string ignored;
    int group = 0;
    for (size_t s = 0; s < sentences_.size(); ++s) {
      const std::vector<int>& top = index_.top[s];
      for (size_t k = 1; k < top.size(); ++k) {
        Mention& a = mentions_[top[k - 1]];
        Mention& b = mentions_[top[k]];
        if (place_like(a.kind) != place_like(b.kind) || a.kind == MentionKind::kDate) continue;
        const std::string between =
            CollapseSpace(text_.substr(a.span.end, b.span.begin - a.span.end));
        bool joined = between == ",";
        if (!joined && coord) {
          std::string_view w = between;
          if (!w.empty() && w[0] == ',') w = std::string_view(between).substr(1);
          while (!w.empty() && w[0] == ' ') w.remove_prefix(1);
          joined = !w.empty() && coord->Lookup(w, &ignored);
        }
        if (!joined) continue;
        if (a.coord < 0) a.coord = group++;
        b.coord = a.coord;
      }
    }
  }

 private:
  // Returns the special groups of mention rule ri, looked up the first time it runs.
  const RuleGroups& GroupsOf(int ri) {
    std::optional<RuleGroups>& g = groups_[ri];
    if (!g) g.emplace(rules_, *rules_.mention_rules()[ri]);
    return *g;
  }

  // Inserts the leftmost longest of cands as mentions of sentence s.
  void InsertSelected(std::vector<Candidate> cands, size_t s) {
    for (const Candidate& c : SelectLeftmostLongest(std::move(cands))) {
      Insert(c, static_cast<int>(s), &mentions_, &index_.top[s]);
    }
  }

  // Sets *c to the mention one match g of a mention rule proposes over r; returns false if
  // the match proposes none (its name trimmed away, a rejected name, a surname).
  bool RuleCandidate(const MentionRule& rule, int ri, const RuleGroups& groups, const Rendered& r,
                     const Groups& g, Candidate* c) {
    c->kind = rule.kind;
    c->rule = rule.id;
    c->rule_index = ri;
    c->priority = rule.priority;
    c->order = order_++;
    c->entity = rule.entity;
    const int whole = groups.span >= 0 && GroupText(g, groups.span).data() ? groups.span : 0;
    c->span = GroupSpan(r, g, whole);
    if (groups.name >= 0) {
      const Span raw = GroupSpan(r, g, groups.name);
      c->name = TrimName(text_, raw, groups.trim);
      if (c->name.empty()) return false;
      // Words trimmed off the name at an edge of the span leave the span too
      // ("Namun Budi Santoso mengatakan": the mention is "Budi Santoso").
      if (c->span.begin == raw.begin) c->span.begin = c->name.begin;
      if (c->span.end == raw.end) c->span.end = c->name.end;
      if (!c->span.Contains(c->name)) return false;
    } else {
      c->name = c->span;
    }
    if (c->kind == MentionKind::kTitle) {
      const std::string_view t = GroupText(g, groups.span >= 0 ? groups.span : 0);
      if (t.data() != nullptr &&
          SurnameNotTitle(r.text(), static_cast<size_t>(t.data() - r.text().data()),
                          surname_titles_, title_context_)) {
        return false;
      }
    }
    if (c->span.empty()) return false;
    if (c->kind == MentionKind::kPerson && c->entity.empty() &&
        RejectedPersonName(c->name.Of(text_), rule, groups.reject)) {
      return false;
    }
    AttachInner(groups, r, g, c);
    return true;
  }

  // Attaches the mentions inside the groups of match g to candidate c: its titles, the
  // organisation or country a title belongs to (`of`) and its topic (`about`), and the
  // entity of an earlier mention that is exactly its name.
  void AttachInner(const RuleGroups& groups, const Rendered& r, const Groups& g,
                   Candidate* c) const {
    std::vector<int> inside;
    if (groups.title >= 0) {
      GroupMentions(r, g, groups.title, &inside);
      for (int m : inside) {
        if (mentions_[m].kind == MentionKind::kTitle) c->titles.push_back(m);
      }
    }
    // The organisation or country a title belongs to is the last one named in the group:
    // "Kementerian Luar Negeri China" belongs to China.
    for (auto [group, slot] :
         {std::make_pair(groups.of, &c->of), std::make_pair(groups.about, &c->about)}) {
      if (group < 0) continue;
      inside.clear();
      GroupMentions(r, g, group, &inside);
      for (int m : inside) {
        if (IsEntityKind(mentions_[m].kind) && mentions_[m].kind != MentionKind::kPerson) {
          *slot = m;
        }
      }
    }
    if (groups.name < 0) return;
    inside.clear();
    GroupMentions(r, g, groups.name, &inside);
    for (int m : inside) {
      if (mentions_[m].kind == c->kind && mentions_[m].span == c->name) {
        // "Wakil Bupati Solok Candra, ...": the person found before is named by its own
        // name part, and keeps its entity when it has one already.
        c->name = mentions_[m].name;
        c->entity = mentions_[m].entity;
        c->gazetteer = mentions_[m].gazetteer;
      }
    }
  }

  // Returns true if word may be a person's short name: three letters or more, capitalised
  // but not all capitals, in neither NOT_A_NAME nor NAME_REJECT.
  bool UsableShortName(const std::string& w) const {
    std::string ignored;
    return w.size() >= 3 && StartsUpper(w) && !IsAllCaps(w) &&
           !(not_a_name_ && not_a_name_->Lookup(w, &ignored)) &&
           !(name_reject_ && name_reject_->Lookup(w, &ignored));
  }

  // Returns the short forms of the people named in full (two words or more), each with the
  // full names it may stand for.
  std::map<std::string, std::set<std::string>> ShortForms() const {
    std::map<std::string, std::set<std::string>> short_forms;  // short name -> full names
    for (const Mention& m : mentions_) {
      if (m.kind != MentionKind::kPerson) continue;
      const std::string_view name = m.name.Of(text_);
      const std::vector<std::string> words = NameWords(name);
      if (words.size() < 2) continue;
      const std::string full = CollapseSpace(name);
      for (const std::string& f : ShortNameForms(words, rules_.Language(lang_))) {
        if (UsableShortName(f)) short_forms[f].insert(full);
      }
    }
    return short_forms;
  }

  // Returns the names in brackets right after a person ("Joko Widodo (Jokowi)"), each with
  // that person's mention.
  std::map<std::string, int> Bracketed(const std::vector<std::vector<Span>>& tokens) const {
    std::map<std::string, int> bracketed;
    for (size_t s = 0; s < sentences_.size(); ++s) {
      const std::vector<Span>& t = tokens[s];
      for (size_t k = 1; k + 1 < t.size(); ++k) {
        const std::string word(t[k].Of(text_));
        if (t[k - 1].Of(text_) != "(" || t[k + 1].Of(text_) != ")" || !UsableShortName(word)) {
          continue;
        }
        const uint32_t open = t[k - 1].begin;
        for (int m : index_.top[s]) {
          const Mention& p = mentions_[m];
          if (p.kind == MentionKind::kPerson && p.span.end <= open &&
              text_.substr(p.span.end, open - p.span.end).find_first_not_of(" \t") ==
                  std::string_view::npos) {
            bracketed.emplace(word, m);
          }
        }
      }
    }
    return bracketed;
  }

  const RuleSet& rules_;
  std::string_view text_;
  LangMask lang_;
  const std::vector<Sentence>& sentences_;
  std::vector<Mention>& mentions_;
  MentionIndex& index_;
  Trace* trace_;
  const WordList* surname_titles_;
  std::vector<const WordList*> title_context_;  // words that may stand before a title
  const WordList* not_a_name_;
  const WordList* name_reject_;
  int order_ = 0;  // the order candidates were proposed in: the last tie-breaker
  ToldDates told_;  // the first dates of the sentences read so far (rules with a reference)
  std::vector<std::vector<Span>> tokens_;          // per sentence: tokens (document offsets)
  std::vector<std::optional<RuleGroups>> groups_;  // per mention rule, once it has run
};

}  // namespace

void MentionFinder::Find(std::string_view text, LangMask lang, const std::optional<CivilDate>& dct,
                         DocumentFacts* facts, MentionIndex* index, Trace* trace,
                         StageTimer* timer) const {
  MentionPasses passes(rules_, text, lang, facts, index, trace);
  {
    TimedStage t(timer, "stage 1 pass", 0);
    passes.GazetteerAndDates(dct);
  }
  for (int pass : rules_.passes()) {
    TimedStage t(timer, "stage 1 pass", pass);
    passes.RulePass(pass);
  }
  {
    TimedStage t(timer, "stage 1 aliases");
    passes.Aliases();
  }
  TimedStage t(timer, "stage 1 groups");
  passes.CoordinationGroups();
}

}  // namespace newsgraph
