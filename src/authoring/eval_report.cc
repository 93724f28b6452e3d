#include "authoring/eval_report.h"

#include <fmt/format.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <cmath>

#include "base/json_writer.h"
#include "base/text.h"

namespace newsgraph {

bool EvalReport::EventsPassed() const { return !min_f1 || events.overall.F1() >= *min_f1; }

bool EvalReport::EntitiesPassed() const {
  return !min_entity_f1 || entities.links.F1() >= *min_entity_f1;
}

// ---------------------------------------------------------------------------------------
// The table

namespace {

std::string Figures(const Counts& c) {
  return fmt::format("{:6.3f} {:6.3f} {:6.3f}", c.Precision(), c.Recall(), c.F1());
}

std::string FieldLine(const char* what, const FieldCounts& f) {
  return fmt::format("{} of matched events (gold gives {}): {} same, {} compatible, {} missing\n",
                     what, f.given, f.same, f.compatible, f.missing);
}

bool HasRules(const EvalReport& r, const std::string& type) {
  return std::find(r.types_without_rules.begin(), r.types_without_rules.end(), type) ==
         r.types_without_rules.end();
}

std::string FormatHeadline(const EvalReport& r) {
  const EventScore& s = r.events;
  return fmt::format("newsgraph eval: {} document{}, {} gold events, {} predicted (gold: {})\n\n",
                     s.documents, s.documents == 1 ? "" : "s", s.gold, s.predicted, r.gold);
}

// The events per type and overall, the exact matches, the dates and places of the matches.
std::string FormatTypeTable(const EvalReport& r) {
  const EventScore& s = r.events;
  size_t width = 10;
  for (const auto& [type, c] : s.by_type) width = std::max(width, type.size() + 4);
  std::string out =
      fmt::format("{:<{}} {:>5} {:>5} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6}\n", "events", width + 2,
                  "gold", "pred", "TP", "FP", "FN", "P", "R", "F1");
  for (const auto& [type, c] : s.by_type) {
    out += fmt::format("  {:<{}} {:>5} {:>5} {:>5} {:>5} {:>5} {}\n",
                       type + (HasRules(r, type) ? "" : " *"), width, c.tp + c.fn, c.tp + c.fp,
                       c.tp, c.fp, c.fn, Figures(c));
  }
  const Counts& o = s.overall;
  out += fmt::format("  {:<{}} {:>5} {:>5} {:>5} {:>5} {:>5} {}\n", "all", width, o.tp + o.fn,
                     o.tp + o.fp, o.tp, o.fp, o.fn, Figures(o));
  if (!r.types_without_rules.empty()) {
    out += "  * the rule set defines no event type of this name\n";
  }
  const Counts strict{o.exact, o.fp + (o.tp - o.exact), o.fn + (o.tp - o.exact), o.exact};
  out += fmt::format(
      "exact: {} of {} matches equal the gold in type, participants and every date and place "
      "it gives (strict P {:.3f} R {:.3f} F1 {:.3f})\n",
      o.exact, o.tp, strict.Precision(), strict.Recall(), strict.F1());
  out += FieldLine("dates", s.dates);
  out += FieldLine("places", s.places);
  return out;
}

std::string FormatRuleTable(const EventScore& s) {
  if (s.by_rule.empty()) return "";
  size_t rw = 10;
  for (const auto& [rule, c] : s.by_rule) rw = std::max(rw, rule.size());
  std::string out =
      fmt::format("\n{:<{}} {:>6} {:>5} {:>5} {:>6}\n", "rules", rw + 2, "events", "TP", "FP", "P");
  for (const auto& [rule, c] : s.by_rule) {
    out += fmt::format("  {:<{}} {:>6} {:>5} {:>5} {:6.3f}\n", rule, rw, c.tp + c.fp, c.tp, c.fp,
                       double(c.tp) / (c.tp + c.fp));
  }
  return out;
}

std::string FormatFalsePositives(const EventScore& s) {
  if (s.false_positives.empty()) return "";
  std::string out = fmt::format("\nfalse positives ({}):\n", s.false_positives.size());
  for (const FalsePositive& fp : s.false_positives) {
    out += fmt::format("  {} {}\n      rules: {}{}\n", fp.doc, fp.key, Join(fp.rules, ", "),
                       fp.attachments.empty() ? "" : "; " + fp.attachments);
    if (!fp.near.empty()) out += "      " + fp.near + "\n";
  }
  return out;
}

std::string FormatFalseNegatives(const EventScore& s) {
  if (s.false_negatives.empty()) return "";
  std::string out = fmt::format("\nfalse negatives ({}):\n", s.false_negatives.size());
  for (const FalseNegative& fn : s.false_negatives) {
    out += fmt::format("  {} {} {}\n", GoldLineName(fn.location), fn.doc, fn.key);
    if (!fn.near.empty()) out += "      " + fn.near + "\n";
  }
  return out;
}

std::string FormatEntities(const EvalReport& r) {
  if (!r.has_entities) return "";
  const EntityScore& e = r.entities;
  const Counts& l = e.links;
  std::string out = fmt::format(
      "\nentities: {} gold links (document, name -> id), {} predicted: TP {} FP {} FN {}  "
      "P {:.3f} R {:.3f} F1 {:.3f}\n",
      l.tp + l.fn, l.tp + l.fp, l.tp, l.fp, l.fn, l.Precision(), l.Recall(), l.F1());
  for (const EntityLinkError& w : e.wrong) {
    out += fmt::format("  wrong    {} \"{}\" -> {} (gold: {})\n", w.doc, w.name, w.id, w.expected);
  }
  for (const EntityLinkError& m : e.missing) {
    out += fmt::format("  missing  {} \"{}\" -> {} (predicted: {})\n", m.doc, m.name, m.id,
                       m.expected.empty() ? "no resolved mention" : m.expected);
  }
  for (const auto& [loc, name] : e.not_in_text) {
    out += fmt::format("  not in the text: {} \"{}\"\n", GoldLineName(loc), name);
  }
  return out;
}

std::string FormatBaseline(const EvalReport& r) {
  if (!r.has_baseline) return "";
  const RunDiff& d = r.diff;
  std::string out = fmt::format(
      "\nbaseline {}: {} added, {} removed, {} unchanged; event F1 {:.3f} -> "
      "{:.3f}\n",
      r.baseline_file, d.added, d.removed, d.unchanged, r.baseline_events.overall.F1(),
      r.events.overall.F1());
  for (const RunDiff::Doc& doc : d.docs) {
    for (const std::string& k : doc.removed) out += fmt::format("  - {} {}\n", doc.doc, k);
    for (const std::string& k : doc.added) out += fmt::format("  + {} {}\n", doc.doc, k);
  }
  if (!d.only_in_baseline.empty()) {
    out += "  not compared, only in the baseline: " + Join(d.only_in_baseline, ", ") + "\n";
  }
  if (!d.only_in_run.empty()) {
    out += "  not compared, not in the baseline: " + Join(d.only_in_run, ", ") + "\n";
  }
  return out;
}

// The --min-f1 and --min-entity-f1 lines: ok, or FAILED.
std::string FormatGates(const EvalReport& r) {
  if (!r.min_f1 && !r.min_entity_f1) return "";
  std::string out = "\n";
  if (r.min_f1) {
    const double f1 = r.events.overall.F1();
    out += r.EventsPassed() ? fmt::format("event F1 {:.3f} >= --min-f1 {}: ok\n", f1, *r.min_f1)
                            : fmt::format("FAILED: event F1 {:.3f} < --min-f1 {}\n", f1, *r.min_f1);
  }
  if (r.min_entity_f1) {
    const double f1 = r.entities.links.F1();
    out +=
        r.EntitiesPassed()
            ? fmt::format("entity F1 {:.3f} >= --min-entity-f1 {}: ok\n", f1, *r.min_entity_f1)
            : fmt::format("FAILED: entity F1 {:.3f} < --min-entity-f1 {}\n", f1, *r.min_entity_f1);
  }
  return out;
}

}  // namespace

std::string FormatReport(const EvalReport& r) {
  return FormatHeadline(r) + FormatTypeTable(r) + FormatRuleTable(r.events) +
         FormatFalsePositives(r.events) + FormatFalseNegatives(r.events) + FormatEntities(r) +
         FormatBaseline(r) + FormatGates(r);
}

// ---------------------------------------------------------------------------------------
// JSON

namespace {

using JsonWriter = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

// The members of the report, one helper per kind of value.
void IntMember(JsonWriter& w, const char* key, int value) {
  w.Key(key);
  w.Int(value);
}

void BoolMember(JsonWriter& w, const char* key, bool value) {
  w.Key(key);
  w.Bool(value);
}

// A figure (precision, recall, F1, a threshold), rounded to 4 decimals.
void FigureMember(JsonWriter& w, const char* key, double value) {
  w.Key(key);
  w.Double(std::round(value * 1e4) / 1e4);
}

void StringsMember(JsonWriter& w, const char* key, const std::vector<std::string>& values) {
  w.Key(key);
  WriteStrings(w, values);
}

// Writes the members of counts: tp, fp, fn, exact, precision, recall, f1.
void CountsMembers(JsonWriter& w, const Counts& c) {
  IntMember(w, "tp", c.tp);
  IntMember(w, "fp", c.fp);
  IntMember(w, "fn", c.fn);
  IntMember(w, "exact", c.exact);
  FigureMember(w, "precision", c.Precision());
  FigureMember(w, "recall", c.Recall());
  FigureMember(w, "f1", c.F1());
}

void FieldMember(JsonWriter& w, const char* key, const FieldCounts& f) {
  w.Key(key);
  w.StartObject();
  IntMember(w, "given", f.given);
  IntMember(w, "same", f.same);
  IntMember(w, "compatible", f.compatible);
  IntMember(w, "missing", f.missing);
  w.EndObject();
}

void WriteTotals(JsonWriter& w, const EvalReport& r) {
  const EventScore& s = r.events;
  WriteMember(w, "gold", r.gold);
  IntMember(w, "documents", s.documents);
  IntMember(w, "gold_events", s.gold);
  IntMember(w, "predicted_events", s.predicted);
  w.Key("events");
  w.StartObject();
  CountsMembers(w, s.overall);
  w.EndObject();
}

void WriteByType(JsonWriter& w, const EvalReport& r) {
  w.Key("by_type");
  w.StartArray();
  for (const auto& [type, c] : r.events.by_type) {
    w.StartObject();
    WriteMember(w, "type", type);
    BoolMember(w, "in_rule_set", HasRules(r, type));
    CountsMembers(w, c);
    w.EndObject();
  }
  w.EndArray();
}

void WriteByRule(JsonWriter& w, const EventScore& s) {
  w.Key("by_rule");
  w.StartArray();
  for (const auto& [rule, c] : s.by_rule) {
    w.StartObject();
    WriteMember(w, "rule", rule);
    IntMember(w, "tp", c.tp);
    IntMember(w, "fp", c.fp);
    FigureMember(w, "precision", double(c.tp) / (c.tp + c.fp));
    w.EndObject();
  }
  w.EndArray();
}

void WriteFalsePositives(JsonWriter& w, const EventScore& s) {
  w.Key("false_positives");
  w.StartArray();
  for (const FalsePositive& fp : s.false_positives) {
    w.StartObject();
    WriteMember(w, "doc", fp.doc);
    WriteMember(w, "key", fp.key);
    StringsMember(w, "rules", fp.rules);
    WriteMember(w, "attachments", fp.attachments);
    WriteMember(w, "near", fp.near);
    w.EndObject();
  }
  w.EndArray();
}

void WriteFalseNegatives(JsonWriter& w, const EventScore& s) {
  w.Key("false_negatives");
  w.StartArray();
  for (const FalseNegative& fn : s.false_negatives) {
    w.StartObject();
    WriteMember(w, "doc", fn.doc);
    WriteMember(w, "gold", GoldLineName(fn.location));
    WriteMember(w, "key", fn.key);
    WriteMember(w, "near", fn.near);
    w.EndObject();
  }
  w.EndArray();
}

// Writes "wrong" or "missing": links whose other side (expected) is the gold or the
// predicted ids.
void WriteLinkErrors(JsonWriter& w, const char* key, const std::vector<EntityLinkError>& errors,
                     const char* expected_key) {
  w.Key(key);
  w.StartArray();
  for (const EntityLinkError& x : errors) {
    w.StartObject();
    WriteMember(w, "doc", x.doc);
    WriteMember(w, "name", x.name);
    WriteMember(w, "id", x.id);
    WriteMember(w, expected_key, x.expected);
    w.EndObject();
  }
  w.EndArray();
}

void WriteEntities(JsonWriter& w, const EvalReport& r) {
  if (!r.has_entities) return;
  const EntityScore& e = r.entities;
  w.Key("entities");
  w.StartObject();
  CountsMembers(w, e.links);
  WriteLinkErrors(w, "wrong", e.wrong, "gold");
  WriteLinkErrors(w, "missing", e.missing, "predicted");
  w.Key("not_in_text");
  w.StartArray();
  for (const auto& [loc, name] : e.not_in_text) {
    w.StartObject();
    WriteMember(w, "gold", GoldLineName(loc));
    WriteMember(w, "name", name);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void WriteBaseline(JsonWriter& w, const EvalReport& r) {
  if (!r.has_baseline) return;
  const RunDiff& d = r.diff;
  w.Key("baseline");
  w.StartObject();
  WriteMember(w, "file", r.baseline_file);
  FigureMember(w, "f1", r.baseline_events.overall.F1());
  IntMember(w, "added", d.added);
  IntMember(w, "removed", d.removed);
  IntMember(w, "unchanged", d.unchanged);
  w.Key("changes");
  w.StartArray();
  for (const RunDiff::Doc& doc : d.docs) {
    w.StartObject();
    WriteMember(w, "doc", doc.doc);
    StringsMember(w, "added", doc.added);
    StringsMember(w, "removed", doc.removed);
    w.EndObject();
  }
  w.EndArray();
  StringsMember(w, "only_in_baseline", d.only_in_baseline);
  StringsMember(w, "only_in_run", d.only_in_run);
  w.EndObject();
}

void WriteGates(JsonWriter& w, const EvalReport& r) {
  if (r.min_f1) FigureMember(w, "min_f1", *r.min_f1);
  if (r.min_entity_f1) FigureMember(w, "min_entity_f1", *r.min_entity_f1);
  BoolMember(w, "passed", r.Passed());
}

}  // namespace

std::string ReportToJson(const EvalReport& r) {
  rapidjson::StringBuffer buf;
  JsonWriter w(buf);
  w.SetIndent(' ', 2);
  w.StartObject();
  WriteTotals(w, r);
  WriteByType(w, r);
  FieldMember(w, "dates", r.events.dates);
  FieldMember(w, "places", r.events.places);
  WriteByRule(w, r.events);
  WriteFalsePositives(w, r.events);
  WriteFalseNegatives(w, r.events);
  WriteEntities(w, r);
  WriteBaseline(w, r);
  WriteGates(w, r);
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

}  // namespace newsgraph
