#include "rules/expand.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/vocabulary.h"
#include "rules/prefilter.h"

namespace newsgraph {

namespace {

const char* const kTokenFragments[] = {"PER", "ORG", "GPE", "LOC", "SRC", "TITLE", "DATE"};

// Returns the typed token a token fragment ({PER}, ...) stands for.
std::string TokenOf(const std::string& name) {
  MentionKind kind = MentionKind::kPerson;
  for (int k = 0; k < kMentionKindCount; ++k) {
    if (name == KindTokenName(static_cast<MentionKind>(k))) kind = static_cast<MentionKind>(k);
  }
  return KindToken(kind);
}

// Returns the words of list as an alternation, longest first, so that re2's leftmost-first
// matching prefers the longest word.
std::string Alternation(const WordList& list) {
  std::vector<std::string> words = list.words;
  std::stable_sort(words.begin(), words.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::string alt = "(?:";
  for (size_t k = 0; k < words.size(); ++k) {
    if (k) alt += '|';
    alt += RE2::QuoteMeta(re2::StringPiece(words[k].data(), words[k].size()));
  }
  return alt + ")";
}

// Returns true if contents make a character class on their own ("A-Za-z"): they compile
// inside [...] and hold no unescaped '(', ')' or '|' (written as a pattern, not a class).
bool IsClassContents(const std::string& contents) {
  RE2 check("[" + contents + "]", PatternOptions());
  bool grouping = false;
  for (size_t k = 0; k < contents.size(); ++k) {
    if (contents[k] == '\\') {
      ++k;
    } else if (contents[k] == '(' || contents[k] == ')' || contents[k] == '|') {
      grouping = true;
    }
  }
  return check.ok() && !contents.empty() && !grouping;
}

}  // namespace

bool IsFragmentName(std::string_view s) {
  if (s.empty() || s[0] < 'A' || s[0] > 'Z') return false;
  for (char c : s) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

bool IsTokenFragment(std::string_view name) {
  return std::find(std::begin(kTokenFragments), std::end(kTokenFragments), name) !=
         std::end(kTokenFragments);
}

void PatternExpander::AddFragment(const std::string& name, std::string pattern,
                                  const JsonSource* src, std::string pointer) {
  defs_[name] = {std::move(pattern), src, std::move(pointer)};
}

void PatternExpander::CheckFragments() {
  for (const auto& [name, def] : defs_) {
    std::vector<std::string> stack;
    std::string body;
    ExpandFragment(name, &stack, &body);
  }
}

bool PatternExpander::Expand(std::string_view pattern, const JsonSource& src,
                             const std::string& pointer, std::string* out) {
  std::vector<std::string> stack;
  return Expand(pattern, src, pointer, &stack, out);
}

bool PatternExpander::ExpandFragment(const std::string& name, std::vector<std::string>* stack,
                                     std::string* out) {
  if (auto it = expanded_.find(name); it != expanded_.end()) {
    *out = it->second;
    return true;
  }
  if (broken_.count(name)) return false;
  if (std::find(stack->begin(), stack->end(), name) != stack->end()) return false;
  const FragmentDef& def = defs_.at(name);
  stack->push_back(name);
  std::string body;
  const bool ok = Expand(def.pattern, *def.src, def.pointer, stack, &body);
  stack->pop_back();
  if (!ok) {
    broken_.insert(name);
    return false;
  }
  // A fragment must be a regular expression on its own, so that an error is reported where
  // the fragment is written, not in every rule that uses it.
  RE2 check(body, PatternOptions());
  if (!check.ok()) {
    const std::string arg = check.error_arg();
    const size_t at = arg.empty() ? std::string::npos : def.pattern.find(arg);
    const Location loc = at == std::string::npos ? def.src->ValueAt(def.pointer)
                                                 : def.src->InString(def.pointer, at);
    diags_->Error(loc, fmt::format("fragment {{{}}} does not compile: {}", name, check.error()),
                  def.src->SourceLine(loc));
    broken_.insert(name);
    return false;
  }
  *out = "(?:" + body + ")";
  expanded_[name] = *out;
  return true;
}

bool PatternExpander::Expand(std::string_view pattern, const JsonSource& src,
                             const std::string& pointer, std::vector<std::string>* stack,
                             std::string* out) {
  bool ok = true;
  out->clear();
  // Inside a character class ("[{LATIN}.-]") a fragment is inserted bare: it is the class's
  // contents, and "(?:" would add '(', '?', ':' and ')' to the class.
  bool in_class = false;
  size_t class_start = 0;  // index in pattern just after the '[' (and '^')
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (!in_class && c == '[') {
      in_class = true;
      out->push_back(c);
      if (i + 1 < pattern.size() && pattern[i + 1] == '^') out->push_back(pattern[++i]);
      class_start = i + 1;
      continue;
    }
    if (in_class && c == '[' && i + 1 < pattern.size() && pattern[i + 1] == ':') {
      const size_t close = pattern.find(":]", i + 2);  // [:alpha:]
      if (close != std::string_view::npos) {
        out->append(pattern.substr(i, close + 2 - i));
        i = close + 1;
        continue;
      }
    }
    if (in_class && c == ']' && i != class_start) {
      in_class = false;
      out->push_back(c);
      continue;
    }
    if (c == '\\' && i + 1 < pattern.size()) {
      out->push_back(c);
      const char e = pattern[++i];
      out->push_back(e);
      // \p{Lu}, \P{L}, \x{27E6}: the braces belong to the escape, not to a fragment.
      if ((e == 'p' || e == 'P' || e == 'x') && i + 1 < pattern.size() && pattern[i + 1] == '{') {
        const size_t close = pattern.find('}', i + 1);
        if (close != std::string_view::npos) {
          out->append(pattern.substr(i + 1, close - i));
          i = close;
        }
      }
      continue;
    }
    if (c != '{') {
      out->push_back(c);
      continue;
    }
    const size_t close = pattern.find('}', i + 1);
    const std::string_view name =
        close == std::string_view::npos ? "" : pattern.substr(i + 1, close - i - 1);
    if (!IsFragmentName(name)) {  // a repetition such as {2,4}
      out->push_back(c);
      continue;
    }
    switch (Insert(std::string(name), in_class, src, pointer, i, stack, out)) {
      case Insertion::kInserted:
        break;
      case Insertion::kFailed:
        ok = false;
        break;
      case Insertion::kCycle:
        return false;
    }
    i = close;
  }
  return ok;
}

PatternExpander::Insertion PatternExpander::Insert(const std::string& name, bool in_class,
                                                   const JsonSource& src,
                                                   const std::string& pointer, size_t at,
                                                   std::vector<std::string>* stack,
                                                   std::string* out) {
  if (in_class && !defs_.count(name)) {
    ErrorAt(src, pointer, at,
            fmt::format("{{{}}} is used inside a character class; only a fragment holding a "
                        "class's contents may be",
                        name));
    return Insertion::kFailed;
  }
  if (IsTokenFragment(name)) {
    *out += TokenOf(name);
    return Insertion::kInserted;
  }
  if (auto list = lists_.find(name); list != lists_.end()) {
    *out += Alternation(list->second);
    return Insertion::kInserted;
  }
  if (defs_.count(name)) return InsertFragment(name, in_class, src, pointer, at, stack, out);
  ErrorAt(src, pointer, at, fmt::format("unknown fragment {{{}}}", name));
  return Insertion::kFailed;
}

PatternExpander::Insertion PatternExpander::InsertFragment(const std::string& name, bool in_class,
                                                           const JsonSource& src,
                                                           const std::string& pointer, size_t at,
                                                           std::vector<std::string>* stack,
                                                           std::string* out) {
  if (auto in = std::find(stack->begin(), stack->end(), name); in != stack->end()) {
    std::string cycle;
    for (; in != stack->end(); ++in) cycle += "{" + *in + "} -> ";
    cycle += "{" + name + "}";
    ErrorAt(src, pointer, at, fmt::format("fragment cycle: {}", cycle));
    return Insertion::kCycle;
  }
  std::string body;
  if (!ExpandFragment(name, stack, &body)) return Insertion::kFailed;
  if (!in_class) {
    *out += body;
    return Insertion::kInserted;
  }
  // "(?:" + contents + ")": the contents must make a class on their own.
  const std::string contents = body.substr(3, body.size() - 4);
  if (!IsClassContents(contents)) {
    ErrorAt(src, pointer, at,
            fmt::format("fragment {{{}}} is used inside a character class, but it is not a "
                        "class's contents (such as 'A-Za-z')",
                        name));
    return Insertion::kFailed;
  }
  *out += contents;
  return Insertion::kInserted;
}

void PatternExpander::ErrorAt(const JsonSource& src, const std::string& pointer, size_t at,
                              const std::string& message) {
  const Location loc = src.InString(pointer, at);
  diags_->Error(loc, message, src.SourceLine(loc));
}

}  // namespace newsgraph
