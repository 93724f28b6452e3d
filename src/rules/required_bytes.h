// What bytes any match of a pattern must contain: a second prefilter, for the rules re2's
// FilteredRE2 cannot filter because they hold no literal of three bytes (numeric dates,
// year ranges). A pattern's requirement is a conjunction of byte classes — every match
// holds at least one byte of each class — read off the pattern's syntax:
//
//   RequiredBytes req = RequiredBytesOf(R"(\b(?P<day>\d{1,2})/(?P<month>\d{1,2})\b)");
//   // req: {digits}, {'/'}: a text without a digit or without '/' cannot match
//   ByteMask text = ByteMaskOf(sentence);
//   if (!req.SatisfiedBy(text)) ...                   // skip the rule: no match possible
//
// The analysis is conservative: a construct it does not know (a Unicode property, a POSIX
// class, a back-reference re2 would reject anyway) requires nothing, so a requirement is
// never wrong, only sometimes weaker than it could be. Bytes 0x80..0xFF (any non-ASCII
// character) and DEL share one bit.
#ifndef NEWSGRAPH_RULES_REQUIRED_BYTES_H_
#define NEWSGRAPH_RULES_REQUIRED_BYTES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph {

// A set of bytes: bits 0..126 are the ASCII bytes, bit 127 stands for DEL and every byte
// of 0x80 and above.
struct ByteMask {
  uint64_t low = 0;   // bytes 0..63
  uint64_t high = 0;  // bytes 64..127 (127: DEL and non-ASCII)

  static constexpr int kNonAscii = 127;
  void Add(int bit) { (bit < 64 ? low : high) |= uint64_t{1} << (bit & 63); }
  bool Has(int bit) const { return ((bit < 64 ? low : high) >> (bit & 63)) & 1; }
  bool Intersects(const ByteMask& o) const { return (low & o.low) != 0 || (high & o.high) != 0; }
  bool Full() const { return ~low == 0 && ~high == 0; }
  int Count() const { return __builtin_popcountll(low) + __builtin_popcountll(high); }
  bool operator==(const ByteMask& o) const { return low == o.low && high == o.high; }
  ByteMask& operator|=(const ByteMask& o) {
    low |= o.low;
    high |= o.high;
    return *this;
  }
};

// Returns the set of the bytes of text (every non-ASCII byte as bit 127).
ByteMask ByteMaskOf(std::string_view text);

// A conjunction of byte classes: a text can match only if it holds a byte of each.
struct RequiredBytes {
  std::vector<ByteMask> all_of;  // at most kMaxClauses, the narrowest kept

  static constexpr size_t kMaxClauses = 8;
  bool empty() const { return all_of.empty(); }
  bool SatisfiedBy(const ByteMask& text) const {
    for (const ByteMask& m : all_of) {
      if (!m.Intersects(text)) return false;
    }
    return true;
  }
  // Returns the classes as text, narrowest first: "[0-9] [/]"; "" if none.
  std::string ToString() const;
};

// Returns what every match of pattern (re2 syntax, UTF-8) must contain; empty if nothing
// is required or the pattern holds a construct the analysis does not read.
RequiredBytes RequiredBytesOf(std::string_view pattern);

}  // namespace newsgraph

#endif  // NEWSGRAPH_RULES_REQUIRED_BYTES_H_
