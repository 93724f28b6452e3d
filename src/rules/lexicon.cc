#include "rules/lexicon.h"

#include <algorithm>

namespace newsgraph {

namespace {

size_t LetterCount(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    int len;
    DecodeUtf8(s, i, &cp, &len);
    n += IsWordChar(cp) && !(cp >= '0' && cp <= '9');
    i += len;
  }
  return n;
}

}  // namespace

Lexicon::Lexicon(const std::vector<GazetteerEntry>& entries) {
  for (size_t e = 0; e < entries.size(); ++e) {
    const GazetteerEntry& entry = entries[e];
    for (size_t a = 0; a < entry.aliases.size(); ++a) {
      const std::string& alias = entry.aliases[a].first;
      Form form;
      for (Span t : Tokenize(alias)) form.tokens.emplace_back(t.Of(alias));
      if (form.tokens.empty()) continue;
      form.entry = static_cast<int>(e);
      form.alias = static_cast<int>(a);
      form.langs = entry.aliases[a].second;
      ++size_;
      // The ALL-CAPS form (datelines: "MOSKOW -") only for aliases of three letters or
      // more: "Xi" must not match the Roman numeral "XI".
      if (!IsAllCaps(alias) && Tokenize(alias).size() == form.tokens.size() &&
          LetterCount(alias) >= 3) {
        Form caps = form;
        for (std::string& t : caps.tokens) t = Uppercase(t);
        caps_[caps.tokens[0]].push_back(std::move(caps));
      }
      exact_[form.tokens[0]].push_back(std::move(form));
    }
  }
  // Longest forms first so that the first full match at a position is the longest.
  for (auto* index : {&exact_, &caps_}) {
    for (auto& [first, forms] : *index) {
      std::stable_sort(forms.begin(), forms.end(), [](const Form& a, const Form& b) {
        return a.tokens.size() > b.tokens.size();
      });
    }
  }
}

void Lexicon::Match(std::string_view text, const std::vector<Span>& tokens, LangMask lang,
                    std::vector<LexiconMatch>* out) const {
  const size_t n = tokens.size();
  size_t i = 0;
  auto matches_at = [&](const Form& f, size_t at) -> size_t {
    if ((f.langs & lang) == 0 || at + f.tokens.size() > n) return 0;
    for (size_t k = 0; k < f.tokens.size(); ++k) {
      if (tokens[at + k].Of(text) != f.tokens[k]) return 0;
      if (k > 0) {
        const std::string_view gap(text.data() + tokens[at + k - 1].end,
                                   tokens[at + k].begin - tokens[at + k - 1].end);
        if (gap.find('\n') != std::string_view::npos) return 0;
      }
    }
    return f.tokens.size();
  };
  while (i < n) {
    const std::string_view tok = tokens[i].Of(text);
    const Form* best = nullptr;
    size_t best_len = 0;
    auto it = exact_.find(std::string(tok));
    if (it != exact_.end()) {
      for (const Form& f : it->second) {
        const size_t len = matches_at(f, i);
        if (len > best_len) {
          best = &f;
          best_len = len;
        }
      }
    }
    if (IsAllCaps(tok)) {
      auto cit = caps_.find(std::string(tok));
      if (cit != caps_.end()) {
        for (const Form& f : cit->second) {
          const size_t len = matches_at(f, i);
          if (len > best_len) {
            best = &f;
            best_len = len;
          }
        }
      }
    }
    if (best == nullptr) {
      ++i;
      continue;
    }
    out->push_back({{tokens[i].begin, tokens[i + best_len - 1].end}, best->entry, best->alias});
    i += best_len;
  }
}

}  // namespace newsgraph
