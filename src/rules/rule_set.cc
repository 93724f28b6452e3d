#include "rules/rules.h"

#include "base/text.h"
#include "rules/lexicon.h"
#include "rules/prefilter.h"

namespace newsgraph {

bool WordList::Lookup(std::string_view word, std::string* out) const {
  auto it = value.find(std::string(word));
  if (it != value.end()) {
    *out = it->second;
    return true;
  }
  auto f = folded.find(Lowercase(word));
  if (f != folded.end()) {
    *out = f->second;
    return true;
  }
  return false;
}

int PatternRule::Group(std::string_view name) const {
  auto it = groups.find(std::string(name));
  return it == groups.end() ? -1 : it->second;
}

RuleSet::RuleSet()
    : date_filter_(std::make_unique<Prefilter>()),
      event_filter_(std::make_unique<Prefilter>()),
      attach_filter_(std::make_unique<Prefilter>()) {}
RuleSet::~RuleSet() = default;

const GazetteerEntry* RuleSet::Entry(std::string_view id) const {
  auto it = entry_index_.find(std::string(id));
  return it == entry_index_.end() ? nullptr : &gazetteer_[it->second];
}

const EventType* RuleSet::Type(std::string_view name) const {
  auto it = types_.find(std::string(name));
  return it == types_.end() ? nullptr : &it->second;
}

const WordList* RuleSet::List(std::string_view name) const {
  auto it = lists_.find(std::string(name));
  return it == lists_.end() ? nullptr : &it->second;
}

std::string RuleSet::CityOf(std::string_view place) const {
  const GazetteerEntry* e = Entry(place);
  if (e == nullptr || e->type != "building") return "";
  for (int depth = 0; depth < kMaxChainDepth && e != nullptr; ++depth) {
    if (e->type == "city" || e->type == "capital") return e->id;
    e = e->part_of.empty() ? nullptr : Entry(e->part_of);
  }
  return "";
}

bool RuleSet::PlaceWithin(std::string_view inner, std::string_view outer) const {
  std::string id(inner);
  for (int depth = 0; depth < kMaxChainDepth && !id.empty(); ++depth) {
    if (id == outer) return true;
    const GazetteerEntry* e = Entry(id);
    if (e == nullptr) break;
    id = e->part_of;
  }
  return false;
}

const Prefilter& RuleSet::pass_prefilter(int pass) const {
  static const Prefilter kEmpty;
  auto it = pass_filters_.find(pass);
  return it == pass_filters_.end() ? kEmpty : *it->second;
}

const std::vector<int>& RuleSet::pass_rules(int pass) const {
  static const std::vector<int> kEmpty;
  auto it = pass_rules_.find(pass);
  return it == pass_rules_.end() ? kEmpty : it->second;
}

const OfficeHolder* RuleSet::OfficeHolderAt(std::string_view office, std::string_view country,
                                            const CivilDate& date) const {
  const OfficeHolder* found = nullptr;
  for (const OfficeHolder& h : holders_) {
    if (h.office != office || h.country != country) continue;
    if (date < h.from || (h.to && !(date < *h.to))) continue;
    if (found == nullptr || found->from < h.from) found = &h;
  }
  return found;
}

LangMask RuleSet::Lang(std::string_view code) const {
  auto it = languages_.find(std::string(code));
  return it == languages_.end() ? 0 : it->second.mask;
}

const LanguageInfo* RuleSet::Language(LangMask single) const {
  for (const auto& [code, info] : languages_) {
    if (info.mask == single) return &info;
  }
  return nullptr;
}

std::string RuleSet::LangCode(LangMask single) const {
  const LanguageInfo* l = Language(single);
  return l ? l->code : std::string();
}

std::string RuleSet::LangCodes(LangMask mask) const {
  std::string out;
  for (const std::string& code : language_codes_) {
    if (mask & languages_.at(code).mask) out += (out.empty() ? "" : ", ") + code;
  }
  return out;
}

std::string RuleSet::LangNames(LangMask mask) const {
  std::string out;
  for (const std::string& code : language_codes_) {
    const LanguageInfo& l = languages_.at(code);
    if ((mask & l.mask) == 0) continue;
    out += (out.empty() ? "" : " or ") + l.name;
  }
  return out.empty() ? "no language" : out;
}

const LanguageInfo* RuleSet::FallbackLanguage() const {
  for (const std::string& code : language_codes_) {
    if (languages_.at(code).fallback) return &languages_.at(code);
  }
  return language_codes_.empty() ? nullptr : &languages_.at(language_codes_.front());
}

}  // namespace newsgraph
