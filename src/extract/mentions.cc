#include "extract/mentions.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "base/text.h"
#include "extract/dateline.h"
#include "extract/match.h"
#include "extract/render.h"
#include "rules/lexicon.h"

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

}  // namespace

void MentionFinder::Find(std::string_view text, LangMask lang, const std::optional<CivilDate>& dct,
                         DocumentFacts* facts, MentionIndex* index, Trace* trace) const {
  std::vector<Mention>& mentions = facts->mentions;
  const std::vector<Sentence>& sentences = facts->sentences;
  index->top.assign(sentences.size(), {});
  if (trace) trace->sentences.assign(sentences.size(), {});
  std::vector<int> candidates_rules;
  int order = 0;

  // Pass 0: gazetteer and dates over the raw sentence.
  for (size_t s = 0; s < sentences.size(); ++s) {
    const Span sent = sentences[s].span;
    const std::string_view st = sent.Of(text);
    std::vector<Candidate> cands;
    std::vector<Span> tokens = Tokenize(st);
    for (Span& t : tokens) {
      t.begin += sent.begin;
      t.end += sent.begin;
    }
    std::vector<LexiconMatch> found;
    rules_.lexicon().Match(text, tokens, lang, &found);
    for (const LexiconMatch& lm : found) {
      const GazetteerEntry& e = rules_.gazetteer()[lm.entry];
      Candidate c;
      c.kind = e.kind;
      c.span = c.name = lm.span;
      c.rule = "gazetteer";
      c.gazetteer = lm.entry;
      c.entity = e.id;
      c.order = order++;
      cands.push_back(std::move(c));
    }
    // Dates (dateline.h): every date rule match, normalized against the publication date.
    std::vector<DateMatch> dates;
    MatchDates(rules_, text, sent, lang, dct, &dates, trace ? &trace->notes : nullptr);
    for (DateMatch& d : dates) {
      const DateRule& rule = *rules_.date_rules()[d.rule];
      Candidate c;
      c.kind = MentionKind::kDate;
      c.span = c.name = d.span;
      c.timex = std::move(d.timex);
      c.rule = rule.id;
      c.priority = rule.priority;
      c.order = order++;
      cands.push_back(std::move(c));
    }
    for (const Candidate& c : SelectLeftmostLongest(std::move(cands))) {
      Insert(c, static_cast<int>(s), &mentions, &index->top[s]);
    }
  }

  // Passes 1..n: mention rules over the rendered sentence.
  const WordList* surname_titles = rules_.List("SURNAME_TITLES");
  std::vector<const WordList*> title_context;  // words that may stand before a title
  for (const char* name :
       {"NOT_A_NAME", "TITLE_MOD_EN", "TITLE_MOD_ID", "TITLE_PREFIX_EN", "TITLE_PREFIX_ID"}) {
    if (const WordList* l = rules_.List(name)) title_context.push_back(l);
  }
  for (int pass : rules_.passes()) {
    const RuleSet::Prefilter& filter = rules_.pass_prefilter(pass);
    for (size_t s = 0; s < sentences.size(); ++s) {
      const Rendered r(text, sentences[s].span, index->top[s], mentions);
      if (trace) trace->sentences[s].renders.emplace_back(fmt::format("pass {}", pass), r.text());
      filter.Candidates(r.text(), &candidates_rules);
      std::vector<Candidate> cands;
      for (int ri : candidates_rules) {
        const MentionRule& rule = *rules_.mention_rules()[ri];
        if ((rule.langs & lang) == 0) continue;
        if (sentences[s].headline && rule.kind == MentionKind::kPerson) continue;
        const int g_span = rule.Group("span"), g_name = rule.Group("name");
        const int g_title = rule.Group("title"), g_of = rule.Group("of");
        const int g_about = rule.Group("about");
        const WordList* trim = rule.trim_list.empty() ? nullptr : rules_.List(rule.trim_list);
        const WordList* reject = rule.reject_list.empty() ? nullptr : rules_.List(rule.reject_list);
        ForEachMatch(*rule.re, r.text(), g_span, [&](const Groups& g) {
          auto doc_span = [&](int group) { return GroupSpan(r, g, group); };
          auto mentions_in = [&](int group, std::vector<int>* out) {
            GroupMentions(r, g, group, out);
          };
          Candidate c;
          c.kind = rule.kind;
          c.rule = rule.id;
          c.rule_index = ri;
          c.priority = rule.priority;
          c.order = order++;
          c.entity = rule.entity;
          c.span = g_span >= 0 && GroupText(g, g_span).data() ? doc_span(g_span) : doc_span(0);
          if (g_name >= 0) {
            const Span raw = doc_span(g_name);
            c.name = TrimName(text, raw, trim);
            if (c.name.empty()) return;
            // Words trimmed off the name at an edge of the span leave the span too
            // ("Namun Budi Santoso mengatakan": the mention is "Budi Santoso").
            if (c.span.begin == raw.begin) c.span.begin = c.name.begin;
            if (c.span.end == raw.end) c.span.end = c.name.end;
            if (!c.span.Contains(c.name)) return;
          } else {
            c.name = c.span;
          }
          if (c.kind == MentionKind::kTitle) {
            const std::string_view t = GroupText(g, g_span >= 0 ? g_span : 0);
            if (t.data() != nullptr &&
                SurnameNotTitle(r.text(), static_cast<size_t>(t.data() - r.text().data()),
                                surname_titles, title_context)) {
              return;
            }
          }
          if (c.span.empty()) return;
          if (c.kind == MentionKind::kPerson && c.entity.empty()) {
            std::string ignored;
            const std::string_view name_text = c.name.Of(text);
            bool all_acronyms = true;  // "DPRD", "PU": an office, not a person
            for (Span t : Tokenize(name_text)) {
              const std::string_view w = t.Of(name_text);
              char32_t cp;
              int len;
              DecodeUtf8(w, 0, &cp, &len);
              if (!IsWordChar(cp)) continue;
              if (reject != nullptr && reject->Lookup(w, &ignored)) return;
              if (rule.reject_word &&
                  RE2::FullMatch(re2::StringPiece(w.data(), w.size()), *rule.reject_word)) {
                return;
              }
              all_acronyms &= IsAllCaps(w);
            }
            if (all_acronyms) return;
          }
          std::vector<int> inside;
          if (g_title >= 0) {
            mentions_in(g_title, &inside);
            for (int m : inside) {
              if (mentions[m].kind == MentionKind::kTitle) c.titles.push_back(m);
            }
          }
          // The organisation or country a title belongs to is the last one named in the
          // group: "Kementerian Luar Negeri China" belongs to China.
          for (auto [group, slot] :
               {std::make_pair(g_of, &c.of), std::make_pair(g_about, &c.about)}) {
            if (group < 0) continue;
            inside.clear();
            mentions_in(group, &inside);
            for (int m : inside) {
              if (IsEntityKind(mentions[m].kind) && mentions[m].kind != MentionKind::kPerson) {
                *slot = m;
              }
            }
          }
          // A name that is exactly an earlier mention of the same kind takes its entity.
          if (g_name >= 0) {
            inside.clear();
            mentions_in(g_name, &inside);
            for (int m : inside) {
              if (mentions[m].kind == c.kind && mentions[m].span == c.name) {
                // "Wakil Bupati Solok Candra, ...": the person found before is named by
                // its own name part, and keeps its entity when it has one already.
                c.name = mentions[m].name;
                c.entity = mentions[m].entity;
                c.gazetteer = mentions[m].gazetteer;
              }
            }
          }
          cands.push_back(std::move(c));
        });
      }
      for (const Candidate& c : SelectLeftmostLongest(std::move(cands))) {
        Insert(c, static_cast<int>(s), &mentions, &index->top[s]);
      }
    }
  }

  // Aliases: short names of people named in full elsewhere in the document, and names
  // given in brackets after a person ("Joko Widodo (Jokowi)", "Mohammed bin Salman (MbS)").
  std::map<std::string, std::set<std::string>> short_forms;  // short name -> full names
  std::map<std::string, int> bracketed;                      // bracketed name -> its person
  const WordList* not_a_name = rules_.List("NOT_A_NAME");
  const WordList* name_reject = rules_.List("NAME_REJECT");
  std::string ignored;
  auto usable = [&](const std::string& w) {
    return w.size() >= 3 && StartsUpper(w) && !IsAllCaps(w) &&
           !(not_a_name && not_a_name->Lookup(w, &ignored)) &&
           !(name_reject && name_reject->Lookup(w, &ignored));
  };
  for (const Mention& m : mentions) {
    if (m.kind != MentionKind::kPerson) continue;
    const std::string_view name = m.name.Of(text);
    const std::vector<std::string> words = NameWords(name);
    if (words.size() < 2) continue;
    const std::string full = CollapseSpace(name);
    std::vector<std::string> forms = {words.back()};
    if (lang == kLangId) forms.push_back(words.front());
    for (const std::string& f : forms) {
      if (usable(f)) short_forms[f].insert(full);
    }
  }
  std::vector<std::vector<Span>> sentence_tokens(sentences.size());
  for (size_t s = 0; s < sentences.size(); ++s) {
    const Span sent = sentences[s].span;
    sentence_tokens[s] = Tokenize(sent.Of(text));
    for (Span& t : sentence_tokens[s]) {
      t.begin += sent.begin;
      t.end += sent.begin;
    }
    const std::vector<Span>& tokens = sentence_tokens[s];
    for (size_t k = 1; k + 1 < tokens.size(); ++k) {
      const std::string word(tokens[k].Of(text));
      if (tokens[k - 1].Of(text) != "(" || tokens[k + 1].Of(text) != ")" || !usable(word)) {
        continue;
      }
      const uint32_t open = tokens[k - 1].begin;
      for (int m : index->top[s]) {
        if (mentions[m].kind == MentionKind::kPerson && mentions[m].span.end <= open &&
            text.substr(mentions[m].span.end, open - mentions[m].span.end)
                    .find_first_not_of(" \t") == std::string_view::npos) {
          bracketed.emplace(word, m);
        }
      }
    }
  }
  for (size_t s = 0; s < sentences.size(); ++s) {
    std::vector<Candidate> cands;
    for (Span t : sentence_tokens[s]) {
      bool covered = false;
      for (int m : index->top[s]) covered |= mentions[m].span.Overlaps(t);
      if (covered) continue;
      const std::string word(t.Of(text));
      Candidate c;
      c.kind = MentionKind::kPerson;
      c.span = c.name = t;
      c.order = order++;
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
    for (const Candidate& c : SelectLeftmostLongest(std::move(cands))) {
      Insert(c, static_cast<int>(s), &mentions, &index->top[s]);
    }
  }

  // Coordination groups: "A, B dan C" of one kind (countries and places count as one kind).
  const WordList* coord = rules_.List("COORD");
  auto place_like = [](MentionKind k) {
    return k == MentionKind::kCountry || k == MentionKind::kPlace ? MentionKind::kPlace : k;
  };
  int group = 0;
  for (size_t s = 0; s < sentences.size(); ++s) {
    const std::vector<int>& top = index->top[s];
    for (size_t k = 1; k < top.size(); ++k) {
      Mention& a = mentions[top[k - 1]];
      Mention& b = mentions[top[k]];
      if (place_like(a.kind) != place_like(b.kind) || a.kind == MentionKind::kDate) continue;
      const std::string between = CollapseSpace(text.substr(a.span.end, b.span.begin - a.span.end));
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

}  // namespace newsgraph
