#include "extract/render.h"

#include <algorithm>

namespace newsgraph {

Rendered::Rendered(std::string_view text, Span sentence, const std::vector<int>& top,
                   const std::vector<Mention>& mentions) {
  uint32_t pos = sentence.begin;
  auto literal = [&](uint32_t end) {
    if (end <= pos) return;
    const uint32_t r = static_cast<uint32_t>(text_.size());
    text_.append(text.data() + pos, end - pos);
    pieces_.push_back({r, static_cast<uint32_t>(text_.size()), pos, end, -1});
    pos = end;
  };
  for (int m : top) {
    const Mention& mention = mentions[m];
    // A date that dates no event ("two-day", "now") stays words: "a two-day visit to".
    if (mention.kind == MentionKind::kDate && !DatesEvents(mention.timex)) continue;
    literal(mention.span.begin);
    const uint32_t r = static_cast<uint32_t>(text_.size());
    text_ += KindToken(mention.kind);
    pieces_.push_back(
        {r, static_cast<uint32_t>(text_.size()), mention.span.begin, mention.span.end, m});
    pos = mention.span.end;
  }
  literal(sentence.end);
}

size_t Rendered::PieceAt(size_t roffset) const {
  // The last piece that begins at or before roffset.
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), roffset,
                             [](size_t r, const Piece& p) { return r < p.rbegin; });
  return it == pieces_.begin() ? 0 : static_cast<size_t>(it - pieces_.begin()) - 1;
}

Span Rendered::ToDocument(size_t begin, size_t end) const {
  if (pieces_.empty()) return {};
  const Piece& b = pieces_[PieceAt(begin)];
  uint32_t dbegin = b.mention >= 0 ? b.dbegin : b.dbegin + static_cast<uint32_t>(begin - b.rbegin);
  if (begin >= b.rend) dbegin = b.dend;
  const Piece& e = pieces_[PieceAt(end == 0 ? 0 : end - 1)];
  uint32_t dend = e.mention >= 0 ? e.dend : e.dbegin + static_cast<uint32_t>(end - e.rbegin);
  if (end == begin) dend = dbegin;
  return {dbegin, std::max(dbegin, dend)};
}

void Rendered::MentionsIn(size_t begin, size_t end, std::vector<int>* out) const {
  for (const Piece& p : pieces_) {
    if (p.mention >= 0 && p.rbegin < end && p.rend > begin) out->push_back(p.mention);
  }
}

size_t Rendered::FromDocument(uint32_t offset) const {
  for (const Piece& p : pieces_) {
    if (offset < p.dend || (offset == p.dend && &p == &pieces_.back())) {
      if (offset <= p.dbegin) return p.rbegin;
      return p.mention >= 0 ? p.rend : p.rbegin + (offset - p.dbegin);
    }
  }
  return text_.size();
}

}  // namespace newsgraph
