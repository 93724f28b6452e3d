#include "base/html.h"

#include <cstring>
#include <string_view>

#include "base/text.h"

namespace newsgraph {

namespace {

// The named references scraped news text carries in practice.
struct NamedReference {
  const char* name;
  char32_t cp;
};
constexpr NamedReference kNamed[] = {
    {"amp", '&'},       {"lt", '<'},        {"gt", '>'},        {"quot", '"'},
    {"apos", '\''},     {"nbsp", ' '},      {"ndash", 0x2013},  {"mdash", 0x2014},
    {"lsquo", 0x2018},  {"rsquo", 0x2019},  {"ldquo", 0x201C},  {"rdquo", 0x201D},
    {"hellip", 0x2026}, {"laquo", 0x00AB},  {"raquo", 0x00BB},  {"middot", 0x00B7},
    {"bull", 0x2022},   {"copy", 0x00A9},   {"reg", 0x00AE},    {"deg", 0x00B0},
    {"eacute", 0x00E9}, {"egrave", 0x00E8}, {"aacute", 0x00E1}, {"uuml", 0x00FC},
    {"ouml", 0x00F6},   {"auml", 0x00E4},   {"ccedil", 0x00E7}, {"iacute", 0x00ED},
    {"oacute", 0x00F3}, {"uacute", 0x00FA}, {"ntilde", 0x00F1}, {"shy", 0x00AD},
};

constexpr size_t kMaxReference = 12;  // "&#x0010FFFF;" is the longest worth reading
constexpr size_t kMaxTag = 1024;      // a '<' with no '>' this close is not a tag

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Returns the code point of the reference "&...;" at text[i] and sets *len to its length,
// or returns 0 if there is none.
char32_t ReadReference(std::string_view text, size_t i, size_t* len) {
  const size_t semi = text.substr(i, kMaxReference + 1).find(';');
  if (semi == std::string_view::npos || semi < 2) return 0;
  const std::string_view body = text.substr(i + 1, semi - 1);
  *len = semi + 1;
  if (body[0] == '#') {
    const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    const std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    char32_t cp = 0;
    for (char c : digits) {
      int d = -1;
      if (IsAsciiDigit(c)) d = c - '0';
      if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
      if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
      if (d < 0) return 0;
      cp = cp * (hex ? 16 : 10) + d;
      if (cp > 0x10FFFF) return 0;
    }
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    // Controls a reference may not stand for become a space.
    if (cp < 0x20 && cp != '\t' && cp != '\n') cp = ' ';
    if (cp == 0xA0) cp = ' ';  // &#160; as &nbsp;
    return cp;
  }
  for (const NamedReference& r : kNamed) {
    if (body == r.name) return r.cp;
  }
  return 0;
}

// Returns the length of the tag or comment at text[i] == '<' (0 if there is none) and sets
// *block if the tag starts a block.
size_t ReadTag(std::string_view text, size_t i, bool* block) {
  *block = false;
  const std::string_view rest = text.substr(i, kMaxTag);
  if (rest.compare(0, 4, "<!--") == 0) {
    const size_t end = rest.find("-->", 4);
    return end == std::string_view::npos ? 0 : end + 3;
  }
  size_t k = 1;
  if (k < rest.size() && rest[k] == '/') ++k;
  const size_t name_begin = k;
  if (k >= rest.size() || !IsAsciiAlpha(rest[k])) return 0;
  while (k < rest.size() && (IsAsciiAlpha(rest[k]) || IsAsciiDigit(rest[k]))) ++k;
  std::string name(rest.substr(name_begin, k - name_begin));
  for (char& c : name) c = static_cast<char>(c | 0x20);
  if (k < rest.size() && rest[k] != '>' && rest[k] != '/' && rest[k] != ' ' && rest[k] != '\t' &&
      rest[k] != '\n') {
    return 0;
  }
  const size_t close = rest.find('>', k);
  if (close == std::string_view::npos || rest.substr(k, close - k).find('<') != std::string::npos) {
    return 0;
  }
  static const char* const kBlocks[] = {"p",  "br", "div", "li", "tr", "h1",
                                        "h2", "h3", "h4",  "h5", "h6"};
  for (const char* b : kBlocks) *block |= name == b;
  return close + 1;
}

}  // namespace

HtmlCleanup CleanHtmlLeftovers(std::string* text) {
  HtmlCleanup count;
  std::string& s = *text;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      size_t len = 0;
      const char32_t cp = ReadReference(s, i, &len);
      if (cp == 0) continue;
      std::string bytes;
      AppendUtf8(cp, &bytes);
      if (bytes.size() > len) continue;
      s.replace(i, len, bytes + std::string(len - bytes.size(), ' '));
      ++count.entities;
      i += len - 1;
    } else if (s[i] == '<') {
      bool block = false;
      const size_t len = ReadTag(s, i, &block);
      if (len == 0) continue;
      s.replace(i, len, std::string(len, ' '));
      if (block) s[i] = '\n';
      ++count.tags;
      i += len - 1;
    }
  }
  return count;
}

}  // namespace newsgraph
