#include "base/text.h"

#include <algorithm>

namespace newsgraph {

bool DecodeUtf8(std::string_view s, size_t i, char32_t* cp, int* len) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  *len = 1;
  if (b0 < 0x80) {
    *cp = b0;
    return true;
  }
  int n;
  char32_t c;
  if ((b0 & 0xE0) == 0xC0) {
    n = 2;
    c = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    n = 3;
    c = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    n = 4;
    c = b0 & 0x07;
  } else {
    *cp = 0xFFFD;
    return false;
  }
  if (i + n > s.size()) {
    *cp = 0xFFFD;
    return false;
  }
  for (int k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      *cp = 0xFFFD;
      return false;
    }
    c = (c << 6) | (b & 0x3F);
  }
  // Reject overlong forms, surrogates and values past U+10FFFF.
  static const char32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (c < kMin[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
    *cp = 0xFFFD;
    return false;
  }
  *cp = c;
  *len = n;
  return true;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

size_t SanitizeText(std::string* text) {
  size_t bad = SanitizeUtf8(text, nullptr);
  std::string& s = *text;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F) {
      s[i] = '?';
      ++bad;
    } else if (b == 0xEF && i + 2 < s.size() && s[i + 1] == '\xBF' &&
               (s[i + 2] == '\xBE' || s[i + 2] == '\xBF')) {
      s.replace(i, 3, "???");
      bad += 3;
      i += 2;
    }
  }
  return bad;
}

bool IsNodeId(std::string_view text) {
  if (text.empty()) return false;
  for (size_t i = 0; i < text.size();) {
    char32_t cp;
    int len;
    if (!DecodeUtf8(text, i, &cp, &len)) return false;
    i += len;
    if (!IsWordChar(cp) && cp != '-' && cp != '_' && cp != '.' && cp != ':') return false;
  }
  return true;
}

size_t SanitizeUtf8(std::string* text, size_t* first_bad) {
  size_t bad = 0;
  std::string& s = *text;
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t cp;
    int len;
    if (DecodeUtf8(s, i, &cp, &len)) {
      i += len;
      continue;
    }
    if (bad++ == 0 && first_bad) *first_bad = i;
    s[i] = '?';
    ++i;
  }
  return bad;
}

bool IsWordChar(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  }
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return false;  // Latin-1 symbols
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;           // punctuation, symbols, arrows
  if (cp >= 0x3000 && cp <= 0x303F) return false;           // CJK punctuation
  if (cp >= 0xFE30 && cp <= 0xFE6F) return false;
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;
  if (cp == 0xFEFF || cp == 0xFFFD) return false;
  return true;
}

bool IsUpper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x137) return cp % 2 == 0;
  if (cp >= 0x139 && cp <= 0x148) return cp % 2 == 1;
  if (cp >= 0x14A && cp <= 0x177) return cp % 2 == 0;
  if (cp == 0x178) return true;
  if (cp >= 0x179 && cp <= 0x17E) return cp % 2 == 1;
  if (cp >= 0x391 && cp <= 0x3AB) return cp != 0x3A2;
  if (cp >= 0x400 && cp <= 0x42F) return true;
  return false;
}

char32_t ToLower(char32_t cp) {
  if (!IsUpper(cp)) return cp;
  if (cp < 0x80) return cp + 32;
  if (cp <= 0xDE) return cp + 32;
  if (cp == 0x178) return 0xFF;
  if (cp < 0x180) return cp + 1;
  if (cp <= 0x3AB) return cp + 32;
  if (cp <= 0x40F) return cp + 80;
  return cp + 32;
}

char32_t ToUpper(char32_t cp) {
  if (cp >= 'a' && cp <= 'z') return cp - 32;
  if (cp < 0x80) return cp;
  if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) return cp - 32;
  if (cp == 0xFF) return 0x178;
  if (cp >= 0x100 && cp < 0x180 && cp != 0x138 && cp != 0x149 && cp != 0x17F && IsUpper(cp - 1) &&
      !IsUpper(cp)) {
    return cp - 1;
  }
  if (cp >= 0x3B1 && cp <= 0x3CB && cp != 0x3C2) return cp - 32;
  if (cp >= 0x430 && cp <= 0x44F) return cp - 32;
  if (cp >= 0x450 && cp <= 0x45F) return cp - 80;
  return cp;
}

namespace {

template <typename F>
std::string MapLetters(std::string_view text, F f) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    char32_t cp;
    int len;
    DecodeUtf8(text, i, &cp, &len);
    AppendUtf8(f(cp), &out);
    i += len;
  }
  return out;
}

}  // namespace

std::string Lowercase(std::string_view text) { return MapLetters(text, ToLower); }
std::string Uppercase(std::string_view text) { return MapLetters(text, ToUpper); }

bool StartsUpper(std::string_view text) {
  if (text.empty()) return false;
  char32_t cp;
  int len;
  DecodeUtf8(text, 0, &cp, &len);
  return IsUpper(cp);
}

bool IsAllCaps(std::string_view text) {
  bool letter = false;
  for (size_t i = 0; i < text.size();) {
    char32_t cp;
    int len;
    DecodeUtf8(text, i, &cp, &len);
    i += len;
    if (IsUpper(cp)) {
      letter = true;
    } else if (ToUpper(cp) != cp) {
      return false;  // a lowercase letter
    }
  }
  return letter;
}

std::vector<Span> Tokenize(std::string_view text) {
  std::vector<Span> tokens;
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    char32_t cp;
    int len;
    DecodeUtf8(text, i, &cp, &len);
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x2009 ||
        cp == 0x200B || cp == 0x202F) {
      i += len;
      continue;
    }
    const size_t begin = i;
    if (!IsWordChar(cp)) {
      i += len;
      tokens.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(i)});
      continue;
    }
    i += len;
    while (i < n) {
      DecodeUtf8(text, i, &cp, &len);
      if (IsWordChar(cp)) {
        i += len;
        continue;
      }
      // An apostrophe between word characters stays inside the word: O'Brien, Jum'at;
      // but an English possessive ends it: Trump's -> Trump 's.
      if ((cp == '\'' || cp == 0x2019) && i + len < n) {
        char32_t next;
        int next_len;
        DecodeUtf8(text, i + len, &next, &next_len);
        bool possessive = false;
        if (next == 's' || next == 'S') {
          const size_t after = i + len + next_len;
          char32_t c3 = ' ';
          int l3;
          if (after < n) DecodeUtf8(text, after, &c3, &l3);
          possessive = !IsWordChar(c3);
        }
        if (IsWordChar(next) && !possessive) {
          i += len + next_len;
          continue;
        }
      }
      break;
    }
    tokens.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(i)});
  }
  return tokens;
}

namespace {

// Returns the ASCII letters that a Latin letter with diacritics folds to, or nullptr.
const char* FoldLatin(char32_t cp) {
  static const char* const kLatin1[64] = {
      "a", "a", "a", "a", "a", "a", "ae", "c",     "e", "e", "e", "e", "i", "i", "i",  "i",
      "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",
      "a", "a", "a", "a", "a", "a", "ae", "c",     "e", "e", "e", "e", "i", "i", "i",  "i",
      "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "y"};
  if (cp >= 0xC0 && cp <= 0xFF) return kLatin1[cp - 0xC0];
  struct Range {
    char32_t first, last;
    const char* ascii;
  };
  static const Range kExtendedA[] = {
      {0x100, 0x105, "a"}, {0x106, 0x10D, "c"},  {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"},
      {0x11C, 0x123, "g"}, {0x124, 0x127, "h"},  {0x128, 0x131, "i"}, {0x132, 0x133, "ij"},
      {0x134, 0x135, "j"}, {0x136, 0x138, "k"},  {0x139, 0x142, "l"}, {0x143, 0x14B, "n"},
      {0x14C, 0x151, "o"}, {0x152, 0x153, "oe"}, {0x154, 0x159, "r"}, {0x15A, 0x161, "s"},
      {0x162, 0x167, "t"}, {0x168, 0x173, "u"},  {0x174, 0x175, "w"}, {0x176, 0x178, "y"},
      {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"},  {0x218, 0x219, "s"}, {0x21A, 0x21B, "t"}};
  for (const Range& r : kExtendedA) {
    if (cp >= r.first && cp <= r.last) return r.ascii;
  }
  return nullptr;
}

}  // namespace

std::string Slugify(std::string_view text) {
  std::string out;
  bool pending_dash = false;
  for (size_t i = 0; i < text.size();) {
    char32_t cp;
    int len;
    DecodeUtf8(text, i, &cp, &len);
    i += len;
    if (cp == '\'' || cp == 0x2019 || cp == '.') continue;  // O'Brien, U.S.
    if (!IsWordChar(cp)) {
      pending_dash = !out.empty();
      continue;
    }
    if (pending_dash) {
      out.push_back('-');
      pending_dash = false;
    }
    cp = ToLower(cp);
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (const char* ascii = FoldLatin(cp)) {
      out += ascii;
    } else if (cp >= 0x300 && cp <= 0x36F) {
      // combining marks disappear
    } else {
      AppendUtf8(cp, &out);
    }
  }
  return out;
}

std::string CollapseSpace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += separator;
    out += parts[i];
  }
  return out;
}

uint64_t Fnv1a64(std::string_view text) {
  uint64_t h = 14695981039346656037ull;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

void LineColumn(std::string_view text, size_t offset, int* line, int* column) {
  offset = std::min(offset, text.size());
  int l = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++l;
      line_start = i + 1;
    }
  }
  int col = 1;
  for (size_t i = line_start; i < offset; ++i) {
    col += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;  // count code points
  }
  *line = l;
  *column = col;
}

std::string_view LineAt(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  size_t begin = 0;
  if (offset > 0) {
    const size_t nl = text.rfind('\n', offset - 1);
    if (nl != std::string_view::npos) begin = nl + 1;
  }
  size_t end = text.find('\n', offset);
  if (end == std::string_view::npos) end = text.size();
  return text.substr(begin, end - begin);
}

}  // namespace newsgraph
