#include "rules/required_bytes.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace newsgraph {

ByteMask ByteMaskOf(std::string_view text) {
  ByteMask m;
  for (unsigned char c : text) m.Add(c < ByteMask::kNonAscii ? c : ByteMask::kNonAscii);
  return m;
}

namespace {

// A conjunction of at most kMaxClauses byte classes, stored inline (the analysis of a
// large word list builds one per branch: no allocation).
struct Clauses {
  ByteMask m[RequiredBytes::kMaxClauses];
  size_t n = 0;

  Clauses() = default;
  explicit Clauses(const ByteMask& one) : n(1) { m[0] = one; }
  bool empty() const { return n == 0; }
  const ByteMask* begin() const { return m; }
  const ByteMask* end() const { return m + n; }
};

ByteMask Range(int lo, int hi) {  // the bytes of the code points lo..hi
  ByteMask m;
  for (int c = lo; c <= std::min(hi, ByteMask::kNonAscii - 1); ++c) m.Add(c);
  if (hi >= ByteMask::kNonAscii) m.Add(ByteMask::kNonAscii);
  return m;
}

ByteMask Complement(const ByteMask& m) {  // the ASCII bytes not in m, and any non-ASCII one
  ByteMask out;
  out.low = ~m.low;
  out.high = ~m.high;
  out.Add(ByteMask::kNonAscii);
  return out;
}

ByteMask FullMask() { return Complement(ByteMask{}); }

// Case-insensitive: both cases of a letter, and the non-ASCII bit (re2 folds 'k' with the
// Kelvin sign and 's' with the long s; the bit is added for every letter, to be safe); a
// non-ASCII character may fold to one of those letters.
ByteMask Folded(ByteMask m) {
  if (m.Has(ByteMask::kNonAscii)) {
    for (int c : {'k', 'K', 's', 'S'}) m.Add(c);
  }
  // 'A'..'Z' are bits 1..26 of `high` (bytes 65..90), 'a'..'z' bits 33..58 (97..122).
  const uint64_t letters = ((m.high >> 1) | (m.high >> 33)) & 0x3FFFFFF;
  if (letters != 0) {
    m.high |= (letters << 1) | (letters << 33);
    m.Add(ByteMask::kNonAscii);
  }
  return m;
}

bool Subset(const ByteMask& a, const ByteMask& b) {  // a ⊆ b
  return (a.low & ~b.low) == 0 && (a.high & ~b.high) == 0;
}

// Adds clause m to c unless it is implied (full, or wider than a clause of c); drops the
// clauses of c it implies, and keeps the kMaxClauses narrowest (dropping a clause only
// weakens the requirement).
void AddClause(Clauses* c, const ByteMask& m) {
  if (m.Full()) return;
  size_t kept = 0;
  for (size_t i = 0; i < c->n; ++i) {
    if (Subset(c->m[i], m)) return;
    if (!Subset(m, c->m[i])) c->m[kept++] = c->m[i];
  }
  c->n = kept;
  if (c->n < RequiredBytes::kMaxClauses) {
    c->m[c->n++] = m;
    return;
  }
  size_t widest = 0;
  for (size_t i = 1; i < c->n; ++i) {
    if (c->m[i].Count() > c->m[widest].Count()) widest = i;
  }
  if (m.Count() < c->m[widest].Count()) c->m[widest] = m;
}

// One branch or the other. Every clause x|y (x of a, y of b) holds; of those, each x keeps
// its narrowest join, and each y its own (a subset of the cross product: weaker, cheaper).
Clauses Either(const Clauses& a, const Clauses& b) {
  Clauses out;
  auto narrowest = [](const ByteMask& x, const Clauses& other) {
    ByteMask best = FullMask();
    int best_count = 129;
    for (const ByteMask& y : other) {
      ByteMask m = x;
      m |= y;
      if (m.Count() < best_count) {
        best = m;
        best_count = m.Count();
      }
    }
    return best;
  };
  for (const ByteMask& x : a) AddClause(&out, narrowest(x, b));
  for (const ByteMask& y : b) AddClause(&out, narrowest(y, a));
  return out;
}

// A recursive-descent reader of re2's syntax that keeps, for each part of the pattern, the
// classes of bytes every match of it holds. Anything it does not know sets failed_, and
// the whole pattern then requires nothing.
class Reader {
 public:
  static constexpr int kNonAsciiChar = 0x80;  // what CodePoint() returns for any non-ASCII one

  explicit Reader(std::string_view p) : p_(p) {}

  Clauses Read() {
    Clauses c = Alternation();
    if (i_ != p_.size()) failed_ = true;  // an unbalanced ')'
    return failed_ ? Clauses() : c;
  }

 private:
  bool AtEnd() const { return i_ >= p_.size(); }
  char Peek() const { return AtEnd() ? '\0' : p_[i_]; }

  Clauses Alternation() {
    Clauses result = Sequence();
    while (!failed_ && Peek() == '|') {
      ++i_;
      if (result.empty()) {  // nothing is required: read the other branches only to skip them
        ++skipping_;
        Sequence();
        --skipping_;
      } else {
        result = Either(result, Sequence());
      }
    }
    return result;
  }

  Clauses Sequence() {
    Clauses result;
    while (!failed_ && !AtEnd() && Peek() != '|' && Peek() != ')') {
      Clauses item = Atom();
      if (Repetition() > 0 && skipping_ == 0) {
        for (const ByteMask& m : item) AddClause(&result, m);
      }
    }
    return result;
  }

  // Reads a quantifier after an atom, if any; returns the fewest times the atom occurs.
  int Repetition() {
    int min = 1;
    for (;;) {
      const char c = Peek();
      if (c == '*' || c == '?') {
        min = 0;
        ++i_;
      } else if (c == '+') {
        ++i_;
      } else if (c == '{' && CountedRepetition(&min)) {
      } else {
        return min;
      }
      if (Peek() == '?') ++i_;  // non-greedy
    }
  }

  bool CountedRepetition(int* min) {  // {n}, {n,}, {n,m}; anything else is a literal '{'
    size_t j = i_ + 1;
    int n = 0;
    const size_t digits = j;
    while (j < p_.size() && std::isdigit(static_cast<unsigned char>(p_[j]))) {
      n = std::min(n * 10 + (p_[j] - '0'), 100000);
      ++j;
    }
    if (j == digits) return false;
    if (j < p_.size() && p_[j] == ',') {
      ++j;
      while (j < p_.size() && std::isdigit(static_cast<unsigned char>(p_[j]))) ++j;
    }
    if (j >= p_.size() || p_[j] != '}') return false;
    i_ = j + 1;
    *min = std::min(*min, n);
    return true;
  }

  Clauses Atom() {
    const char c = p_[i_];
    switch (c) {
      case '(':
        return Group();
      case '[':
        return One(CharClass());
      case '.':
        ++i_;
        return {};
      case '^':
      case '$':
        ++i_;
        return {};
      case '\\':
        return Escape();
      case '*':
      case '+':
      case '?':
        failed_ = true;  // re2 rejects a repetition of nothing
        return {};
      default:
        return One(Literal(CodePoint()));
    }
  }

  Clauses One(const ByteMask& m) { return m.Full() ? Clauses() : Clauses(m); }

  ByteMask Literal(int cp) const {
    ByteMask m = Range(cp, cp);
    return fold_ ? Folded(m) : m;
  }

  // Reads one UTF-8 character of the pattern; non-ASCII code points are all alike here,
  // kNonAsciiChar.
  int CodePoint() {
    const unsigned char c = static_cast<unsigned char>(p_[i_++]);
    if (c < 0x80) return c;
    while (!AtEnd() && (static_cast<unsigned char>(p_[i_]) & 0xC0) == 0x80) ++i_;
    return kNonAsciiChar;
  }

  // An escaped ASCII character that stands for itself ("\.", "\-", "\(").
  static bool IsPunctuation(char c) {
    return static_cast<unsigned char>(c) < 0x80 && !std::isalnum(static_cast<unsigned char>(c));
  }

  Clauses Group() {
    ++i_;  // '('
    const bool outer_fold = fold_;
    if (Peek() == '?') {
      ++i_;
      if (Peek() == 'P' || Peek() == '<') {  // (?P<name>...) or (?<name>...)
        const size_t close = p_.find('>', i_);
        if (close == std::string_view::npos) return Fail();
        i_ = close + 1;
      } else if (!Flags()) {
        return Fail();
      } else if (Peek() == ')') {  // (?i): the flags hold to the end of the enclosing group
        ++i_;
        return {};
      } else {
        ++i_;  // ':'
      }
    }
    Clauses inner = Alternation();
    if (Peek() != ')') return Fail();
    ++i_;
    fold_ = outer_fold;
    return inner;
  }

  bool Flags() {  // i, m, s, U, optionally negated after '-', then ':' or ')'
    bool negated = false;
    while (!AtEnd()) {
      const char c = Peek();
      if (c == ':' || c == ')') return true;
      if (c == '-') {
        negated = true;
      } else if (c == 'i') {
        fold_ = !negated;
      } else if (c != 'm' && c != 's' && c != 'U') {
        return false;
      }
      ++i_;
    }
    return false;
  }

  Clauses Escape() {
    if (i_ + 1 >= p_.size()) return Fail();
    const char c = p_[i_ + 1];
    switch (c) {
      case 'b':
      case 'B':
      case 'A':
      case 'z':
        i_ += 2;
        return {};
      case 'Q': {  // \Q...\E: literal text
        i_ += 2;
        const size_t end = std::min(p_.find("\\E", i_), p_.size());
        Clauses out;
        while (i_ < end) AddClause(&out, Literal(CodePoint()));
        if (end < p_.size()) i_ = end + 2;
        return out;
      }
      default: {
        ByteMask m;
        if (!ClassEscape(&m)) return Fail();
        return One(m);
      }
    }
  }

  // Reads an escape that stands for characters (inside or outside a class) into *m; the
  // caller has checked that a character follows the backslash.
  bool ClassEscape(ByteMask* m) {
    const char c = p_[i_ + 1];
    i_ += 2;
    switch (c) {
      case 'd': *m = Range('0', '9'); return true;
      case 'D': *m = Complement(Range('0', '9')); return true;
      case 's': *m = Whitespace(); return true;
      case 'S': *m = Complement(Whitespace()); return true;
      case 'w': *m = Word(); return true;
      case 'W': *m = Complement(Word()); return true;
      case 'n': *m = Literal('\n'); return true;
      case 't': *m = Literal('\t'); return true;
      case 'r': *m = Literal('\r'); return true;
      case 'f': *m = Literal('\f'); return true;
      case 'v': *m = Literal('\v'); return true;
      case 'a': *m = Literal('\a'); return true;
      case 'p':
      case 'P':  // a Unicode class: any character, as far as this analysis goes
        if (Peek() == '{') {
          const size_t close = p_.find('}', i_);
          if (close == std::string_view::npos) return false;
          i_ = close + 1;
        } else if (!AtEnd()) {
          ++i_;
        }
        *m = FullMask();
        return true;
      case 'x': {
        int cp = 0;
        if (!Hex(&cp)) return false;
        *m = Literal(cp);
        return true;
      }
      default:
        if (IsPunctuation(c)) {
          *m = Literal(c);  // an escaped punctuation character stands for itself
          return true;
        }
        return false;  // back-references, octal, \C, \pN forms this reader does not know
    }
  }

  // Reads one member of a class: a character into *cp (any non-ASCII one as
  // kNonAsciiChar), or a class escape (\d, \s, \pL) into *set with *cp = -1. Returns false
  // for what this reader does not know.
  bool ClassMember(int* cp, ByteMask* set) {
    if (Peek() != '\\') {
      *cp = CodePoint();
      return true;
    }
    if (i_ + 1 >= p_.size()) return false;
    const char e = p_[i_ + 1];
    if (e == 'x') {
      i_ += 2;
      return Hex(cp);
    }
    if (IsPunctuation(e)) {
      i_ += 2;
      *cp = e;
      return true;
    }
    *cp = -1;
    return ClassEscape(set);
  }

  bool Hex(int* cp) {  // after "\x": {H...} or HH
    size_t end = i_, begin = i_;
    if (Peek() == '{') {
      begin = i_ + 1;
      end = p_.find('}', begin);
      if (end == std::string_view::npos) return false;
      i_ = end + 1;
    } else {
      end = i_ + 2;
      if (end > p_.size()) return false;
      i_ = end;
    }
    if (begin == end) return false;
    int v = 0;
    for (size_t k = begin; k < end; ++k) {
      const int d = std::isdigit(static_cast<unsigned char>(p_[k])) ? p_[k] - '0'
                    : std::isxdigit(static_cast<unsigned char>(p_[k]))
                        ? std::tolower(static_cast<unsigned char>(p_[k])) - 'a' + 10
                        : -1;
      if (d < 0) return false;
      v = std::min(v * 16 + d, 0x10FFFF);
    }
    *cp = v;
    return true;
  }

  static ByteMask Whitespace() {  // re2's \s: [\t\n\f\r ]
    ByteMask m;
    for (int c : {'\t', '\n', '\f', '\r', ' '}) m.Add(c);
    return m;
  }
  static ByteMask Word() {
    ByteMask m = Range('0', '9');
    m |= Range('A', 'Z');
    m |= Range('a', 'z');
    m.Add('_');
    return m;
  }

  ByteMask CharClass() {
    ++i_;  // '['
    bool negated = false;
    if (Peek() == '^') {
      negated = true;
      ++i_;
    }
    ByteMask m;
    bool first = true;
    while (!failed_) {
      if (AtEnd()) {
        failed_ = true;
        break;
      }
      const char c = Peek();
      if (c == ']' && !first) {
        ++i_;
        break;
      }
      first = false;
      if (c == '[' && i_ + 1 < p_.size() && p_[i_ + 1] == ':') {  // [:alpha:]
        const size_t close = p_.find(":]", i_ + 2);
        if (close == std::string_view::npos) {
          failed_ = true;
          break;
        }
        i_ = close + 2;
        m = FullMask();
        continue;
      }
      int lo = 0;
      ByteMask set;
      if (!ClassMember(&lo, &set)) {
        failed_ = true;
        break;
      }
      if (lo < 0) {  // \d, \s, \pL ...: no range from it
        m |= set;
        continue;
      }
      int hi = lo;
      if (Peek() == '-' && i_ + 1 < p_.size() && p_[i_ + 1] != ']') {
        ++i_;
        if (!ClassMember(&hi, &set) || hi < 0) {
          failed_ = true;
          break;
        }
        if (hi == kNonAsciiChar) hi = 0x10FFFF;  // a non-ASCII bound: any high code point
      }
      m |= Range(lo, std::max(lo, hi));
    }
    if (fold_) m = Folded(m);
    return negated ? Complement(m) : m;
  }

  Clauses Fail() {
    failed_ = true;
    return {};
  }

  std::string_view p_;
  size_t i_ = 0;
  bool fold_ = false;
  bool failed_ = false;
  int skipping_ = 0;  // > 0: inside branches whose requirement cannot matter
};

}  // namespace

std::string RequiredBytes::ToString() const {
  std::string out;
  for (const ByteMask& m : all_of) {
    if (!out.empty()) out += ' ';
    out += '[';
    for (int c = 0; c < ByteMask::kNonAscii; ++c) {
      if (!m.Has(c)) continue;
      int end = c;
      while (end + 1 < ByteMask::kNonAscii && m.Has(end + 1)) ++end;
      auto show = [&](int b) {
        if (b > ' ' && b < 0x7F) {
          out += static_cast<char>(b);
        } else {
          static const char kHex[] = "0123456789abcdef";
          out += "\\x";
          out += kHex[b >> 4];
          out += kHex[b & 15];
        }
      };
      show(c);
      if (end > c + 1) out += '-';
      if (end > c) show(end);
      c = end;
    }
    if (m.Has(ByteMask::kNonAscii)) out += "\\x80-\\xff";
    out += ']';
  }
  return out;
}

RequiredBytes RequiredBytesOf(std::string_view pattern) {
  RequiredBytes out;
  const Clauses c = Reader(pattern).Read();
  out.all_of.assign(c.begin(), c.end());
  std::stable_sort(out.all_of.begin(), out.all_of.end(),
                   [](const ByteMask& a, const ByteMask& b) { return a.Count() < b.Count(); });
  return out;
}

}  // namespace newsgraph
