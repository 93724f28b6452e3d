#include "base/vocabulary.h"

namespace newsgraph {

const char* KindName(MentionKind k) {
  static const char* const kNames[] = {"person", "organization", "country", "place",
                                       "source", "title",        "date"};
  return kNames[static_cast<int>(k)];
}

const char* KindTokenName(MentionKind k) {
  static const char* const kNames[] = {"PER", "ORG", "GPE", "LOC", "SRC", "TITLE", "DATE"};
  return kNames[static_cast<int>(k)];
}

const char* KindIdPrefix(MentionKind k) {
  static const char* const kNames[] = {"person", "org", "gpe", "place", "source", "title", "date"};
  return kNames[static_cast<int>(k)];
}

bool ParseKind(std::string_view name, MentionKind* out) {
  for (int k = 0; k < kMentionKindCount; ++k) {
    if (name == KindName(static_cast<MentionKind>(k))) {
      *out = static_cast<MentionKind>(k);
      return true;
    }
  }
  return false;
}

std::string KindToken(MentionKind k) { return std::string("\u27E6") + KindTokenName(k) + "\u27E7"; }

}  // namespace newsgraph
