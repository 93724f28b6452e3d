// A sentence as a later stage sees it: each top-level mention replaced by its typed token
// ("⟦PER⟧ bertemu ⟦PER⟧ di ⟦LOC⟧"), with a map back to document offsets.
//
//   Rendered r(text, sentence.span, top_level_mentions, mentions);
//   re2 matches r.text(); r.ToDocument(b, e) gives the document span (whole tokens);
//   r.MentionsIn(b, e, &ids) gives the mentions whose tokens lie inside.
#ifndef NEWSGRAPH_RENDER_H_
#define NEWSGRAPH_RENDER_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/model.h"

namespace newsgraph {

class Rendered {
 public:
  // top: indices into mentions of the non-overlapping mentions inside `sentence`, sorted by
  // position. A mention renders as the token of its kind.
  Rendered(std::string_view text, Span sentence, const std::vector<int>& top,
           const std::vector<Mention>& mentions);

  const std::string& text() const { return text_; }

  // Returns the document span of rendered [begin, end), widened to whole tokens.
  Span ToDocument(size_t begin, size_t end) const;

  // Appends the mentions whose tokens lie inside rendered [begin, end).
  void MentionsIn(size_t begin, size_t end, std::vector<int>* out) const;

  // Returns the rendered offset of a document offset inside the sentence.
  size_t FromDocument(uint32_t offset) const;

 private:
  struct Piece {
    uint32_t rbegin, rend;  // rendered
    uint32_t dbegin, dend;  // document
    int mention;            // -1: literal text
  };
  size_t PieceAt(size_t roffset) const;

  std::string text_;
  std::vector<Piece> pieces_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_RENDER_H_
