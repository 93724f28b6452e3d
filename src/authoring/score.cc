#include "authoring/score.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "base/text.h"
#include "extract/event_compat.h"

namespace newsgraph {

namespace {

// Returns true if name occurs in text with no word character right before or after it.
bool OccursAsWord(std::string_view text, std::string_view name) {
  if (name.empty()) return false;
  for (size_t at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1)) {
    bool ok = true;
    if (at > 0) {
      size_t b = at - 1;
      while (b > 0 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
      char32_t cp;
      int len;
      if (DecodeUtf8(text, b, &cp, &len) && IsWordChar(cp)) ok = false;
    }
    const size_t end = at + name.size();
    if (ok && end < text.size()) {
      char32_t cp;
      int len;
      if (DecodeUtf8(text, end, &cp, &len) && IsWordChar(cp)) ok = false;
    }
    if (ok) return true;
  }
  return false;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Comparing one predicted event with one gold event

EventCriteria CompareEvent(const GoldEvent& g, const Event& p, const RuleSet& rules) {
  EventCriteria c;
  c.type_ok = p.type == g.type || Refines(rules, p.type, g.type);
  c.modality_ok = g.modality.empty() || g.modality == p.modality;
  const std::vector<std::string> pred = ParticipantIds(p);
  std::vector<std::string> common;
  std::set_intersection(pred.begin(), pred.end(), g.participants.begin(), g.participants.end(),
                        std::back_inserter(common));
  c.shared = common.size();
  c.either = pred.size() + g.participants.size() - c.shared;
  c.date_ok = g.date.empty() || p.date.value.empty() || TimexCompatible(g.timex, p.date);
  c.place_ok = PlacesCompatible(rules, g.place, p.place);
  return c;
}

namespace {

// Returns the parts of the criterion that fail for gold g and predicted p, readable.
std::string WhyNoMatch(const GoldEvent& g, const Event& p, const EventCriteria& e, double jaccard) {
  std::vector<std::string> why;
  if (!e.type_ok) {
    why.push_back(fmt::format("type {} is not {} nor a refinement of it", p.type, g.type));
  }
  if (!e.participants_ok()) {
    why.push_back(fmt::format("participants share {} of {} (Jaccard {:.2f} < 0.5)", e.shared,
                              e.either, jaccard));
  }
  if (!e.date_ok) {
    why.push_back(fmt::format("date {} does not overlap {}", p.date.value, g.date));
  }
  if (!e.place_ok) {
    why.push_back(fmt::format("place {} is neither {} nor inside or around it", p.place, g.place));
  }
  if (!e.modality_ok) {
    why.push_back(fmt::format("modality {}, gold {}", p.modality, g.modality));
  }
  return Join(why, "; ");
}

}  // namespace

PairCheck ComparePair(const GoldEvent& g, const Event& p, const RuleSet& rules) {
  const EventCriteria e = CompareEvent(g, p, rules);
  PairCheck c;
  c.match = e.match();
  c.jaccard = e.either == 0 ? 0.0 : double(e.shared) / e.either;
  c.type_ok = e.type_ok;
  c.type_exact = p.type == g.type;
  c.modality_ok = e.modality_ok;
  c.date_ok = e.date_ok;
  c.place_ok = e.place_ok;
  const bool date_same = !g.date.empty() && p.date.value == g.date;
  const bool place_same = !g.place.empty() && p.place == g.place;
  c.exact = c.match && c.type_exact && e.shared == e.either && (g.date.empty() || date_same) &&
            (g.place.empty() || place_same);
  c.quality = static_cast<int>(std::lround(c.jaccard * 1000)) + (c.type_exact ? 100 : 0) +
              (date_same ? 50 : 0) + (place_same ? 50 : 0);
  if (!c.match) c.why = WhyNoMatch(g, p, e, c.jaccard);
  return c;
}

std::vector<int> MaxWeightAssignment(const std::vector<std::vector<int64_t>>& w, size_t cols) {
  const size_t rows = w.size();
  const size_t n = std::max(rows, cols);
  std::vector<int> result(rows, -1);
  if (rows == 0 || cols == 0) return result;
  // The Hungarian algorithm (potentials, O(n^3)) minimising -weight on the square n x n
  // table padded with zeros; 1-based as in the classic formulation.
  auto cost = [&](size_t i, size_t j) -> int64_t {
    return i <= rows && j <= cols ? -w[i - 1][j - 1] : 0;
  };
  const int64_t kInf = std::numeric_limits<int64_t>::max() / 4;
  std::vector<int64_t> u(n + 1, 0), v(n + 1, 0);
  std::vector<size_t> p(n + 1, 0), way(n + 1, 0);
  for (size_t i = 1; i <= n; ++i) {
    p[0] = i;
    size_t j0 = 0;
    std::vector<int64_t> minv(n + 1, kInf);
    std::vector<bool> used(n + 1, false);
    do {
      used[j0] = true;
      const size_t i0 = p[j0];
      int64_t delta = kInf;
      size_t j1 = 0;
      for (size_t j = 1; j <= n; ++j) {
        if (used[j]) continue;
        const int64_t cur = cost(i0, j) - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (size_t j = 0; j <= n; ++j) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] != 0);
    do {
      const size_t j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 != 0);
  }
  for (size_t j = 1; j <= cols; ++j) {
    const size_t i = p[j];
    if (i >= 1 && i <= rows && w[i - 1][j - 1] > 0) result[i - 1] = static_cast<int>(j - 1);
  }
  return result;
}

std::string EventKey(const Event& ev) {
  std::string key = fmt::format("{} [{}]", ev.type, Join(ParticipantIds(ev), ", "));
  if (!ev.date.value.empty()) {
    key += " date=" + ev.date.value;
    if (!ev.date.mod.empty()) key += "(" + ev.date.mod + ")";
  }
  if (!ev.place.empty()) key += " place=" + ev.place;
  key += " modality=" + ev.modality;
  return key;
}

std::string GoldKey(const GoldEvent& g) {
  std::string key = fmt::format("{} [{}]", g.type, Join(g.participants, ", "));
  if (!g.date.empty()) key += " date=" + g.date;
  if (!g.place.empty()) key += " place=" + g.place;
  if (!g.modality.empty()) key += " modality=" + g.modality;
  return key;
}

// ---------------------------------------------------------------------------------------
// Scoring events

double Counts::Precision() const { return tp + fp == 0 ? 0.0 : double(tp) / (tp + fp); }
double Counts::Recall() const { return tp + fn == 0 ? 0.0 : double(tp) / (tp + fn); }
double Counts::F1() const {
  // 2PR/(P+R) written over the counts, so equal counts give bit-identical figures.
  return tp == 0 ? 0.0 : 2.0 * tp / (2.0 * tp + fp + fn);
}
Counts& Counts::operator+=(const Counts& o) {
  tp += o.tp;
  fp += o.fp;
  fn += o.fn;
  exact += o.exact;
  return *this;
}

namespace {

// One document's gold and predicted events, every pair compared, and the one-to-one
// assignment of predictions to gold events.
struct DocumentMatch {
  std::string doc;
  std::vector<const GoldEvent*> golds;
  const std::vector<Event>* preds = nullptr;
  std::vector<std::vector<PairCheck>> checks;  // [gold][predicted]
  std::vector<int> pred_of;                    // gold -> its predicted event, or -1
  std::vector<int> gold_of;                    // predicted -> its gold event, or -1
};

// Returns the assignment of predictions to gold events (gold -> predicted or -1) that makes
// the most matches, the closest pairs among equally many.
std::vector<int> AssignPairs(const std::vector<std::vector<PairCheck>>& checks, size_t preds) {
  // Weights make the number of matches dominate: any extra match outweighs every
  // quality difference (quality <= 1200 per pair), then quality breaks ties.
  const int64_t base = 1201 * static_cast<int64_t>(std::max(checks.size(), preds)) + 1;
  std::vector<std::vector<int64_t>> w(checks.size(), std::vector<int64_t>(preds, 0));
  for (size_t i = 0; i < checks.size(); ++i) {
    for (size_t j = 0; j < preds; ++j) {
      if (checks[i][j].match) w[i][j] = base + checks[i][j].quality;
    }
  }
  return MaxWeightAssignment(w, preds);
}

DocumentMatch MatchDocument(const std::string& doc, const GoldSet& gold,
                            const std::vector<Event>& preds, const RuleSet& rules) {
  DocumentMatch m;
  m.doc = doc;
  m.preds = &preds;
  for (const GoldEvent& g : gold.events) {
    if (g.doc == doc) m.golds.push_back(&g);
  }
  m.checks.resize(m.golds.size());
  for (size_t i = 0; i < m.golds.size(); ++i) {
    for (const Event& p : preds) m.checks[i].push_back(ComparePair(*m.golds[i], p, rules));
  }
  m.pred_of = AssignPairs(m.checks, preds.size());
  m.gold_of.assign(preds.size(), -1);
  for (size_t i = 0; i < m.golds.size(); ++i) {
    if (m.pred_of[i] >= 0) m.gold_of[m.pred_of[i]] = static_cast<int>(i);
  }
  return m;
}

// The nearest unmatched counterpart of an event: most shared participants, then the
// closer type; none if no participant is shared.
class Nearest {
 public:
  void Consider(size_t index, const PairCheck& c) {
    if (c.jaccard <= 0) return;
    if (best_ < 0 || c.jaccard > jaccard_ || (c.jaccard == jaccard_ && c.type_ok && !type_ok_)) {
      best_ = static_cast<int>(index);
      jaccard_ = c.jaccard;
      type_ok_ = c.type_ok;
    }
  }
  // Returns the index of the nearest, or -1.
  int index() const { return best_; }

 private:
  int best_ = -1;
  double jaccard_ = 0;
  bool type_ok_ = false;
};

// Returns the rules in the evidence of ev, sorted and unique.
std::vector<std::string> RulesOf(const Event& ev) {
  std::set<std::string> r;
  for (const Evidence& e : ev.evidence) r.insert(e.rule);
  return std::vector<std::string>(r.begin(), r.end());
}

// Counts a date or place of a matched event whose gold line gives one.
void CountField(const std::string& gold, const std::string& predicted, FieldCounts* counts) {
  if (gold.empty()) return;
  ++counts->given;
  if (predicted.empty()) {
    ++counts->missing;
  } else if (predicted == gold) {
    ++counts->same;
  } else {
    ++counts->compatible;
  }
}

// Counts gold event i of m, matched to its predicted event: a true positive.
void CountMatch(const DocumentMatch& m, size_t i, EventScore* score) {
  const GoldEvent& g = *m.golds[i];
  const Event& p = (*m.preds)[m.pred_of[i]];
  Counts& t = score->by_type[g.type];
  ++t.tp;
  ++score->overall.tp;
  if (m.checks[i][m.pred_of[i]].exact) {
    ++t.exact;
    ++score->overall.exact;
  }
  for (const std::string& r : RulesOf(p)) ++score->by_rule[r].tp;
  CountField(g.date, p.date.value, &score->dates);
  CountField(g.place, p.place, &score->places);
}

// Counts gold event i of m, which nothing matched: a false negative, with the nearest
// unmatched prediction.
void CountMiss(const DocumentMatch& m, size_t i, EventScore* score) {
  const GoldEvent& g = *m.golds[i];
  ++score->by_type[g.type].fn;
  ++score->overall.fn;
  FalseNegative fn{m.doc, g.location, GoldKey(g), ""};
  Nearest nearest;
  for (size_t j = 0; j < m.preds->size(); ++j) {
    if (m.gold_of[j] < 0) nearest.Consider(j, m.checks[i][j]);
  }
  if (const int j = nearest.index(); j >= 0) {
    fn.near = fmt::format("nearest prediction {}: {}", EventKey((*m.preds)[j]), m.checks[i][j].why);
  }
  score->false_negatives.push_back(std::move(fn));
}

// Counts predicted event j of m, which matched nothing: a false positive, with its rules
// and the nearest unmatched gold event.
void CountSpurious(const DocumentMatch& m, size_t j, EventScore* score) {
  const Event& p = (*m.preds)[j];
  ++score->by_type[p.type].fp;
  ++score->overall.fp;
  FalsePositive fp{m.doc, EventKey(p), RulesOf(p), "", ""};
  for (const std::string& r : fp.rules) ++score->by_rule[r].fp;
  std::vector<std::string> att;
  if (!p.date_rule.empty()) att.push_back("date by " + p.date_rule);
  if (!p.place_rule.empty()) att.push_back("place by " + p.place_rule);
  fp.attachments = Join(att, "; ");
  Nearest nearest;
  for (size_t i = 0; i < m.golds.size(); ++i) {
    if (m.pred_of[i] < 0) nearest.Consider(i, m.checks[i][j]);
  }
  if (const int i = nearest.index(); i >= 0) {
    fp.near = fmt::format("nearest gold {} {}: {}", GoldLineName(m.golds[i]->location),
                          GoldKey(*m.golds[i]), m.checks[i][j].why);
  }
  score->false_positives.push_back(std::move(fp));
}

}  // namespace

EventScore ScoreEvents(const GoldSet& gold,
                       const std::map<std::string, std::vector<Event>>& predicted,
                       const RuleSet& rules) {
  EventScore score;
  static const std::vector<Event> kNone;
  for (const std::string& doc : gold.Docs()) {
    auto it = predicted.find(doc);
    const DocumentMatch m =
        MatchDocument(doc, gold, it == predicted.end() ? kNone : it->second, rules);
    ++score.documents;
    score.gold += static_cast<int>(m.golds.size());
    score.predicted += static_cast<int>(m.preds->size());
    for (size_t i = 0; i < m.golds.size(); ++i) {
      if (m.pred_of[i] >= 0) {
        CountMatch(m, i, &score);
      } else {
        CountMiss(m, i, &score);
      }
    }
    for (size_t j = 0; j < m.preds->size(); ++j) {
      if (m.gold_of[j] < 0) CountSpurious(m, j, &score);
    }
  }
  return score;
}

// ---------------------------------------------------------------------------------------
// Scoring entity resolution

EntityScore ScoreEntities(const GoldSet& gold, const std::vector<ScoredDocument>& docs) {
  EntityScore score;
  for (const ScoredDocument& d : docs) {
    // name -> gold ids, for the names that occur in the text.
    std::map<std::string, std::set<std::string>> gold_ids;
    for (const GoldEntity& e : gold.entities) {
      if (e.doc != d.id) continue;
      for (const std::string& name : e.names) {
        if (OccursAsWord(d.text, name)) {
          gold_ids[name].insert(e.id);
        } else {
          score.not_in_text.push_back({e.location, name});
        }
      }
    }
    if (gold_ids.empty()) continue;
    std::map<std::string, std::set<std::string>> pred_ids;
    if (d.facts != nullptr) {
      for (const Mention& m : d.facts->mentions) {
        if (m.entity.empty()) continue;
        for (const Span s : {m.span, m.name}) {
          const std::string t = CollapseSpace(s.Of(d.text));
          if (gold_ids.count(t)) pred_ids[t].insert(m.entity);
        }
      }
    }
    for (const auto& [name, ids] : gold_ids) {
      const std::set<std::string>& pred = pred_ids[name];
      for (const std::string& id : ids) {
        if (pred.count(id)) {
          ++score.links.tp;
        } else {
          ++score.links.fn;
          score.missing.push_back(
              {d.id, name, id, Join(std::vector<std::string>(pred.begin(), pred.end()), ", ")});
        }
      }
      for (const std::string& id : pred) {
        if (ids.count(id)) continue;
        ++score.links.fp;
        score.wrong.push_back(
            {d.id, name, id, Join(std::vector<std::string>(ids.begin(), ids.end()), ", ")});
      }
    }
  }
  score.links.exact = score.links.tp;
  return score;
}

}  // namespace newsgraph
