// Text primitives shared by every stage: byte spans, UTF-8 checks, tokens, case, slugs.
//
// All offsets in newsgraph are UTF-8 byte offsets into the document text.
//
//   std::vector<Span> tokens = Tokenize("Menlu AS, Sergey Lavrov.");
//   std::string id = "person:" + Slugify("Recep Tayyip Erdoğan");  // person:recep-tayyip-erdogan
#ifndef NEWSGRAPH_TEXT_H_
#define NEWSGRAPH_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph {

// A half-open byte range [begin, end) into a text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool Contains(Span o) const { return begin <= o.begin && o.end <= end; }
  bool Overlaps(Span o) const { return begin < o.end && o.begin < end; }
  std::string_view Of(std::string_view text) const { return text.substr(begin, end - begin); }
  bool operator==(Span o) const { return begin == o.begin && end == o.end; }
  bool operator!=(Span o) const { return !(*this == o); }
  bool operator<(Span o) const { return begin != o.begin ? begin < o.begin : end < o.end; }
};

// Decodes the code point at text[i]; sets *len to its byte length. Returns false (and
// *len = 1) for an invalid or truncated sequence.
bool DecodeUtf8(std::string_view text, size_t i, char32_t* cp, int* len);

// Appends the UTF-8 encoding of cp to *out.
void AppendUtf8(char32_t cp, std::string* out);

// Replaces every byte that is not part of valid UTF-8 with '?', so byte offsets stay
// the same. Returns how many bytes were replaced; *first_bad gets the first offset.
size_t SanitizeUtf8(std::string* text, size_t* first_bad);

// Replaces, like SanitizeUtf8, every byte that is not part of valid UTF-8 and also every
// byte of a control character other than tab, newline and CR, and of U+FFFE and U+FFFF,
// with '?' (what XML 1.0 forbids and JSON-LD readers disagree on). Returns the number of
// bytes replaced.
size_t SanitizeText(std::string* text);

// Returns true if text is a usable node id: not empty, only letters and digits of any
// script and '-', '_', '.', ':' (what an XML NMTOKEN allows; "person:sergey-lavrov").
bool IsNodeId(std::string_view text);

// Returns true for letters and digits of any script (the parts of a word).
bool IsWordChar(char32_t cp);

// Returns true if cp is an uppercase letter (Latin, Greek, Cyrillic).
bool IsUpper(char32_t cp);

// Returns the lowercase / uppercase of cp for the scripts IsUpper knows.
char32_t ToLower(char32_t cp);
char32_t ToUpper(char32_t cp);

// Returns text with every letter lowercased / uppercased.
std::string Lowercase(std::string_view text);
std::string Uppercase(std::string_view text);

// Returns true if text starts with an uppercase letter.
bool StartsUpper(std::string_view text);

// Returns true if text holds a letter and no lowercase letter ("AS", "NATO", "MOSKOW").
bool IsAllCaps(std::string_view text);

// Splits text into tokens: maximal runs of word characters (with inner apostrophes,
// "O'Brien"), and single punctuation characters. Whitespace separates tokens.
std::vector<Span> Tokenize(std::string_view text);

// Returns a readable ASCII id part: "Zaporizhzhia Oblast" -> "zaporizhzhia-oblast",
// "Erdoğan" -> "erdogan". Letters outside Latin are kept as UTF-8.
std::string Slugify(std::string_view text);

// Returns text with runs of whitespace (including newlines) folded to one space and the
// ends trimmed.
std::string CollapseSpace(std::string_view text);

// Returns the parts joined by separator: Join({"a", "b"}, "; ") == "a; b".
std::string Join(const std::vector<std::string>& parts, std::string_view separator);

// Returns the 64-bit FNV-1a hash of text (stable across platforms and runs).
uint64_t Fnv1a64(std::string_view text);

// Returns the 1-based line and column (in code points) of the byte offset in text.
void LineColumn(std::string_view text, size_t offset, int* line, int* column);

// Returns the line of text that holds offset, without its newline.
std::string_view LineAt(std::string_view text, size_t offset);

}  // namespace newsgraph

#endif  // NEWSGRAPH_TEXT_H_
