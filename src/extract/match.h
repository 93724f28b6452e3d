// Running a rule's regex over a sentence: every match left to right, and the text, document
// span and mentions of a named group. Mention, event, attachment and date rules all match
// this way.
//
//   ForEachMatch(*rule.re, r.text(), rule.Group("span"), [&](const Groups& g) {
//     std::string_view name = GroupText(g, rule.Group("name"));   // null data: no part
//     Span where = GroupSpan(r, g, rule.Group("name"));          // in the document
//     std::vector<int> ids;
//     GroupMentions(r, g, rule.Group("who"), &ids);              // mentions inside
//   });
#ifndef NEWSGRAPH_EXTRACT_MATCH_H_
#define NEWSGRAPH_EXTRACT_MATCH_H_

#include <re2/re2.h>

#include <string_view>
#include <vector>

#include "base/text.h"
#include "extract/render.h"

namespace newsgraph {

// The capture groups of one match; [0] is the whole match.
using Groups = std::vector<re2::StringPiece>;

// Returns the text of group `index`, or a view with null data if the group did not take
// part in the match (or there is no such group).
inline std::string_view GroupText(const Groups& g, int index) {
  if (index < 0 || index >= static_cast<int>(g.size()) || g[index].data() == nullptr) return {};
  return std::string_view(g[index].data(), g[index].size());
}

// The `resume` of ForEachMatch for searches that always go on after the whole match.
inline constexpr int kResumeAfterMatch = -1;

// Calls fn(groups) for every non-overlapping match of re in text, left to right. The next
// search starts at the end of group `resume` if it took part in the match, else at the end
// of the match (re2 has no lookahead: a rule matches the context after its mention outside
// its `span` group); an empty match moves on one character.
template <typename Fn>
void ForEachMatch(const RE2& re, std::string_view text, int resume, Fn fn) {
  const int n = re.NumberOfCapturingGroups() + 1;
  Groups g(n);
  const re2::StringPiece input(text.data(), text.size());
  size_t pos = 0;
  while (pos <= text.size() && re.Match(input, pos, text.size(), RE2::UNANCHORED, g.data(), n)) {
    const size_t begin = g[0].data() - text.data();
    size_t next = begin + g[0].size();
    if (resume > 0 && g[resume].data() != nullptr) {
      next = g[resume].data() - text.data() + g[resume].size();
    }
    fn(static_cast<const Groups&>(g));
    if (next <= begin) {
      next = begin + 1;
      while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
    }
    pos = next;
  }
}

// Returns the document span of group `group` of a match over r.text(), or an empty span
// if the group did not take part.
inline Span GroupSpan(const Rendered& r, const Groups& g, int group) {
  const std::string_view t = GroupText(g, group);
  if (t.data() == nullptr) return {};
  const size_t b = t.data() - r.text().data();
  return r.ToDocument(b, b + t.size());
}

// Appends the mentions inside group `group` of a match over r.text() to *out.
inline void GroupMentions(const Rendered& r, const Groups& g, int group, std::vector<int>* out) {
  const std::string_view t = GroupText(g, group);
  if (t.data() == nullptr) return;
  const size_t b = t.data() - r.text().data();
  r.MentionsIn(b, b + t.size(), out);
}

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_MATCH_H_
