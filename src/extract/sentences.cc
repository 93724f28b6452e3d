#include "extract/sentences.h"

#include "base/text.h"

namespace newsgraph {

SentenceSplitter::SentenceSplitter(const std::map<std::string, LanguageInfo>& languages) {
  for (const auto& [code, info] : languages) {
    for (const std::string& a : info.abbreviations) {
      abbreviations_.insert(a);
      // "dkk." also stands at the start of a sentence as "Dkk."; a lowercase abbreviation
      // matches in any case.
      if (Lowercase(a) == a) folded_.insert(a);
    }
  }
}

bool SentenceSplitter::IsAbbreviation(std::string_view word) const {
  if (abbreviations_.count(std::string(word))) return true;
  return !folded_.empty() && folded_.count(Lowercase(word)) > 0;
}

namespace {

bool IsSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\r' || cp == 0xA0 || cp == 0x2009 || cp == 0x202F;
}

bool IsClosing(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019 ||
         cp == 0xBB;
}

bool IsOpening(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == '(' || cp == '[' || cp == 0x201C || cp == 0x2018 ||
         cp == 0xAB;
}

// Returns true if a sentence may start at text[i]: an uppercase letter or a digit, possibly
// behind opening quotes or brackets.
bool SentenceStartAt(std::string_view text, size_t i) {
  while (i < text.size()) {
    char32_t cp;
    int len;
    DecodeUtf8(text, i, &cp, &len);
    if (IsOpening(cp) || cp == '-' || cp == 0x2014) {
      i += len;
      continue;
    }
    return IsUpper(cp) || (cp >= '0' && cp <= '9');
  }
  return false;
}

void Trim(std::string_view text, Span* s) {
  while (s->begin < s->end) {
    const unsigned char c = text[s->begin];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++s->begin;
    } else if (c == 0xC2 && s->begin + 1 < s->end &&
               static_cast<unsigned char>(text[s->begin + 1]) == 0xA0) {
      s->begin += 2;
    } else {
      break;
    }
  }
  while (s->end > s->begin) {
    const unsigned char c = text[s->end - 1];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      --s->end;
    } else {
      break;
    }
  }
}

}  // namespace

bool LooksLikeHeadline(std::string_view s) {
  if (s.empty()) return false;
  const unsigned char last = static_cast<unsigned char>(s.back());
  if (last == '.' || last == '!' || last == '?' || last == '"' || last == ':' ||
      (s.size() >= 3 && s.substr(s.size() - 3) == "\u201D")) {
    return false;
  }
  int long_words = 0, capitalised = 0;
  for (Span t : Tokenize(s)) {
    const std::string_view w = t.Of(s);
    char32_t cp;
    int len;
    DecodeUtf8(w, 0, &cp, &len);
    if (!IsWordChar(cp) || w.size() < 4) continue;
    ++long_words;
    capitalised += IsUpper(cp);
  }
  return long_words >= 4 && capitalised * 4 >= long_words * 3;
}

namespace {

bool IsStop(char32_t cp) { return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026; }

// Returns where a run of stops and closing quotes or brackets that starts at i ends: "?!",
// "...", '."' stay with the sentence.
size_t StopRunEnd(std::string_view text, size_t i, size_t end) {
  while (i < end) {
    char32_t cp;
    int len;
    DecodeUtf8(text, i, &cp, &len);
    if (!IsStop(cp) && !IsClosing(cp)) break;
    i += len;
  }
  return i;
}

// Returns where the spaces that start at i end; *space says whether there were any.
size_t SpacesEnd(std::string_view text, size_t i, size_t end, bool* space) {
  *space = false;
  while (i < end) {
    char32_t cp;
    int len;
    DecodeUtf8(text, i, &cp, &len);
    if (!IsSpace(cp)) break;
    *space = true;
    i += len;
  }
  return i;
}

// Appends sentence s (trimmed; nothing if empty) to *out; text longer than
// kMaxSentenceBytes is cut at a space near the limit first.
void Emit(std::string_view text, Span s, int paragraph, std::vector<Sentence>* out) {
  Trim(text, &s);
  if (s.empty()) return;
  while (s.size() > kMaxSentenceBytes) {
    uint32_t cut = s.begin + kMaxSentenceBytes;
    while (cut > s.begin + kMaxSentenceBytes / 2 && text[cut] != ' ') --cut;
    if (text[cut] != ' ') {
      cut = s.begin + kMaxSentenceBytes;
      while (cut > s.begin && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    }
    Span head{s.begin, cut};
    Trim(text, &head);
    if (!head.empty()) out->push_back({head, paragraph});
    s.begin = cut;
    Trim(text, &s);
  }
  if (!s.empty()) out->push_back({s, paragraph, LooksLikeHeadline(s.Of(text))});
}

}  // namespace

namespace {

// Returns true if the stop at dot ends a sentence that scraped text glued to the next one
// ("... dengan Presiden George W.Bush.Sebelum pertemuan itu ..."): a word of three letters or
// more ending in a lower-case letter before it, a capitalised word after it. Not an initial
// ("W.Bush"), an acronym ("U.S.Navy") or a domain ("detik.com").
bool GluedSentenceStart(std::string_view text, size_t start, size_t dot, size_t end) {
  size_t w = dot;
  int letters = 0;
  while (w > start) {
    size_t b = w - 1;
    while (b > start && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
    char32_t cp;
    int len;
    DecodeUtf8(text, b, &cp, &len);
    if (!IsWordChar(cp) || (cp >= '0' && cp <= '9')) break;
    if (letters == 0 && IsUpper(cp)) return false;  // "U.S.", "PBB."
    ++letters;
    w = b;
  }
  if (letters < 3 || dot + 2 >= end) return false;
  char32_t first, second;
  int l1, l2;
  DecodeUtf8(text, dot + 1, &first, &l1);
  DecodeUtf8(text, dot + 1 + l1, &second, &l2);
  return IsUpper(first) && IsWordChar(second) && !IsUpper(second) &&
         !(second >= '0' && second <= '9');
}

}  // namespace

bool SentenceSplitter::AbbreviationDot(std::string_view text, size_t start, size_t dot) const {
  size_t w = dot;
  while (w > start && text[w - 1] != ' ' && text[w - 1] != '\t' && text[w - 1] != '(' &&
         text[w - 1] != '"') {
    --w;
  }
  if (IsAbbreviation(text.substr(w, dot + 1 - w))) return true;
  char32_t c0;
  int l0;
  DecodeUtf8(text, w, &c0, &l0);
  return IsUpper(c0) && w + l0 == dot;  // "J. Smith"
}

void SentenceSplitter::SplitParagraph(std::string_view text, Span line, int paragraph,
                                      std::vector<Sentence>* out) const {
  uint32_t start = line.begin;
  size_t i = line.begin;
  while (i < line.end) {
    char32_t cp;
    int len;
    DecodeUtf8(text, i, &cp, &len);
    if (!IsStop(cp)) {
      i += len;
      continue;
    }
    const size_t j = StopRunEnd(text, i + len, line.end);
    bool space;
    const size_t k = SpacesEnd(text, j, line.end, &space);
    bool boundary = space ? SentenceStartAt(text.substr(0, line.end), k)
                          : cp == '.' && j == i + 1 && GluedSentenceStart(text, start, i, line.end);
    if (boundary && cp == '.' && j == i + 1 && AbbreviationDot(text, start, i)) boundary = false;
    if (boundary) {
      Emit(text, {start, static_cast<uint32_t>(j)}, paragraph, out);
      start = static_cast<uint32_t>(k);
      i = k;
    } else {
      i = j;
    }
  }
  Emit(text, {start, line.end}, paragraph, out);
}

std::vector<Sentence> SentenceSplitter::Split(std::string_view text) const {
  std::vector<Sentence> out;
  int paragraph = -1;
  size_t line_begin = 0;
  while (line_begin < text.size()) {
    size_t line_end = text.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = text.size();
    Span line{static_cast<uint32_t>(line_begin), static_cast<uint32_t>(line_end)};
    Trim(text, &line);
    if (!line.empty()) SplitParagraph(text, line, ++paragraph, &out);
    line_begin = line_end + 1;
  }
  return out;
}

namespace {

// Returns the length of the FURNITURE_PREFIX phrase paragraph starts with (its first one to
// three words, compared in lower case), or 0.
size_t FurniturePrefix(const WordList& prefixes, std::string_view paragraph) {
  const std::vector<Span> tokens = Tokenize(paragraph);
  std::string phrase;
  size_t best = 0;
  for (size_t k = 0; k < tokens.size() && k < 3; ++k) {
    char32_t cp;
    int len;
    DecodeUtf8(paragraph, tokens[k].begin, &cp, &len);
    if (!IsWordChar(cp)) break;
    phrase += (phrase.empty() ? "" : " ") + Lowercase(tokens[k].Of(paragraph));
    std::string ignored;
    if (prefixes.Lookup(phrase, &ignored)) best = tokens[k].end;
  }
  return best;
}

}  // namespace

void MarkFurniture(const RuleSet& rules, std::string_view text, std::vector<Sentence>* sentences) {
  const WordList* prefixes = rules.List("FURNITURE_PREFIX");
  if (prefixes == nullptr) return;
  int furniture_paragraph = -1;  // the last paragraph marked
  bool bare_prefix = false;      // it was only its prefix: list items may follow
  for (size_t s = 0; s < sentences->size(); ++s) {
    Sentence& sentence = (*sentences)[s];
    const bool first = s == 0 || (*sentences)[s - 1].paragraph != sentence.paragraph;
    if (!first) {
      sentence.furniture = sentence.paragraph == furniture_paragraph;
      continue;
    }
    const std::string_view p = sentence.span.Of(text);
    const size_t prefix = FurniturePrefix(*prefixes, p);
    const bool list_item = !p.empty() && (p[0] == '-' || p.substr(0, 3) == "\xE2\x80\xA2");
    if (prefix > 0 || (bare_prefix && list_item && furniture_paragraph == sentence.paragraph - 1)) {
      sentence.furniture = true;
      furniture_paragraph = sentence.paragraph;
      if (prefix > 0) {
        bare_prefix = p.find_first_not_of(" :\t", prefix) == std::string_view::npos;
      }
    }
  }
}

}  // namespace newsgraph
