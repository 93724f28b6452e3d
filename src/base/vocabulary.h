// The vocabulary every stage shares: the kinds of mention (and the tokens stage 2 sees
// them as) and the languages a rule or a document is in.
//
//   KindName(MentionKind::kCountry) == "country";  KindToken(MentionKind::kPerson) == "⟦PER⟧"
#ifndef NEWSGRAPH_BASE_VOCABULARY_H_
#define NEWSGRAPH_BASE_VOCABULARY_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace newsgraph {

// What a mention is. Tokens are how stage 2 sees it in a rendered sentence.
enum class MentionKind : uint8_t {
  kPerson,
  kOrganization,
  kCountry,
  kPlace,
  kSource,
  kTitle,
  kDate,
};
inline constexpr int kMentionKindCount = 7;

// Returns "person", "organization", "country", "place", "source", "title", "date".
const char* KindName(MentionKind k);
// Returns the token name: PER ORG GPE LOC SRC TITLE DATE.
const char* KindTokenName(MentionKind k);
// Returns the id prefix of entities of this kind: person org gpe place source.
const char* KindIdPrefix(MentionKind k);
bool ParseKind(std::string_view name, MentionKind* out);
// Returns the token a mention of kind k becomes in a rendered sentence: "⟦PER⟧".
std::string KindToken(MentionKind k);

// Languages a rule applies to, as a bit set: the languages are data (the "languages"
// sections of the rule files), each given a bit in the order the rule set declares them
// (RuleSet::Lang() maps a code to its bit).
using LangMask = uint32_t;
inline constexpr LangMask kLangAny = ~LangMask{0};
// The most languages one rule set may declare.
inline constexpr int kMaxLanguages = 32;

}  // namespace newsgraph

#endif  // NEWSGRAPH_BASE_VOCABULARY_H_
