#include "rules/prefilter.h"

#include <re2/filtered_re2.h>
#include <re2/set.h>

#include <algorithm>

namespace newsgraph {

RE2::Options PatternOptions() {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingUTF8);
  o.set_log_errors(false);
  o.set_max_mem(64 << 20);
  return o;
}

Prefilter::Prefilter() = default;
Prefilter::~Prefilter() = default;

bool Prefilter::Add(const std::string& pattern, int* id) {
  // Atoms shorter than three bytes would match nearly every sentence.
  if (!filter_) filter_ = std::make_unique<re2::FilteredRE2>(3);
  return filter_->Add(pattern, PatternOptions(), id) == RE2::NoError;
}

const RE2& Prefilter::GetRE2(int id) const { return filter_->GetRE2(id); }

void Prefilter::Build(std::vector<int> rules, const std::vector<int>& filter_ids) {
  rules_ = std::move(rules);
  if (!filter_) return;
  ids_.assign(filter_->NumRegexps(), -1);
  for (size_t i = 0; i < rules_.size(); ++i) ids_[filter_ids[i]] = rules_[i];
  std::vector<std::string> atoms;
  filter_->Compile(&atoms);
  if (!atoms.empty()) {
    // The atoms are lowercased: match them case-insensitively.
    RE2::Options options = PatternOptions();
    options.set_case_sensitive(false);
    options.set_literal(true);
    auto set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
    for (const std::string& a : atoms) {
      std::string error;
      if (set->Add(a, &error) < 0) return;  // keep "all rules" as the fallback
    }
    if (!set->Compile()) return;
    atoms_ = std::move(set);
  }
  atom_strings_ = std::move(atoms);
  std::vector<int> potential;
  filter_->AllPotentials({}, &potential);
  for (int id : potential) {
    if (ids_[id] < 0) continue;
    no_atoms_.push_back(ids_[id]);
    // The rules the atoms cannot filter would run on every sentence: what bytes do they
    // need? (Only these: the analysis of every pattern would cost more start-up than the
    // searches it saves.)
    RequiredBytes req = RequiredBytesOf(filter_->GetRE2(id).pattern());
    if (req.empty()) continue;
    if (required_by_rule_.size() <= static_cast<size_t>(ids_[id])) {
      required_by_rule_.resize(ids_[id] + 1);
    }
    required_by_rule_[ids_[id]] = std::move(req);
  }
  std::sort(no_atoms_.begin(), no_atoms_.end());
  active_ = true;
}

void Prefilter::Candidates(std::string_view text, std::vector<int>* out) const {
  AtomCandidates(text, out);
  if (required_by_rule_.empty()) return;
  // The second filter: rules whose required bytes (a digit, a '/') the text lacks.
  const ByteMask bytes = ByteMaskOf(text);
  out->erase(std::remove_if(out->begin(), out->end(),
                            [&](int rule) {
                              return static_cast<size_t>(rule) < required_by_rule_.size() &&
                                     !required_by_rule_[rule].SatisfiedBy(bytes);
                            }),
             out->end());
}

const RequiredBytes* Prefilter::Required(int rule) const {
  if (rule < 0 || static_cast<size_t>(rule) >= required_by_rule_.size()) return nullptr;
  const RequiredBytes& req = required_by_rule_[rule];
  return req.empty() ? nullptr : &req;
}

void Prefilter::AtomCandidates(std::string_view text, std::vector<int>* out) const {
  out->clear();
  if (!active_) {
    *out = rules_;
    return;
  }
  // Buffers reused across calls (a few calls per sentence): no allocation once warm.
  thread_local std::vector<int> found;
  thread_local std::vector<int> potential;
  found.clear();
  if (atoms_) {
    RE2::Set::ErrorInfo error;
    if (!atoms_->Match(re2::StringPiece(text.data(), text.size()), &found, &error) &&
        error.kind != RE2::Set::kNoError) {
      *out = rules_;  // the atom matcher failed: run everything rather than lose a match
      return;
    }
  }
  if (found.empty()) {  // most sentences: the rules that need no atom, computed once
    *out = no_atoms_;
    return;
  }
  potential.clear();
  filter_->AllPotentials(found, &potential);
  for (int id : potential) {
    if (ids_[id] >= 0) out->push_back(ids_[id]);
  }
  std::sort(out->begin(), out->end());
}

}  // namespace newsgraph
