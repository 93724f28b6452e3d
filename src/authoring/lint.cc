#include "authoring/lint.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "authoring/rule_tests.h"
#include "base/json_source.h"

namespace newsgraph {

namespace {

const char* const kRuleSections[] = {"mentions", "dates", "events", "attachments"};

// What lint knows of a rule from its JSON (also of rules that failed to compile).
struct RuleRef {
  std::string section;          // mentions, dates, events, attachments
  std::set<std::string> langs;  // language codes; empty: any
  bool makes_events = false;    // events and attachments, but an exclude attachment keeps a
                                // mention from being attached: its fact is the mention
};

// Returns the language codes of v's "lang" (a code or a list of codes), or dflt without one.
std::set<std::string> LangOf(const rapidjson::Value& v, const std::set<std::string>& dflt) {
  auto it = v.FindMember("lang");
  if (it == v.MemberEnd()) return dflt;
  if (it->value.IsString()) return {it->value.GetString()};
  if (!it->value.IsArray()) return dflt;
  std::set<std::string> codes;
  for (const auto& l : it->value.GetArray()) {
    if (l.IsString()) codes.insert(l.GetString());
  }
  return codes;
}

// Adds the names of the fragments and lists a pattern inserts ({NAME}) to *out.
void CollectReferences(std::string_view pattern, std::set<std::string>* out) {
  for (size_t open = pattern.find('{'); open != std::string_view::npos;
       open = pattern.find('{', open + 1)) {
    const size_t close = pattern.find('}', open + 1);
    if (close == std::string_view::npos) break;
    const std::string_view name = pattern.substr(open + 1, close - open - 1);
    if (!name.empty() && name[0] >= 'A' && name[0] <= 'Z' &&
        std::all_of(name.begin(), name.end(), [](char c) {
          return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        })) {
      out->emplace(name);
    }
  }
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1])});
      diag = up;
    }
  }
  return row[b.size()];
}

// What lint knows of the whole rule set from its JSON: every rule id, the roles of every
// event type, the fragments and lists the patterns use.
struct RuleIndex {
  std::map<std::string, RuleRef> ids;
  std::map<std::string, std::vector<std::string>> type_roles;
  std::set<std::string> used;
  std::vector<std::string> languages;                 // declared codes, in order
  std::map<std::string, std::string> language_names;  // code -> name ("Indonesian")

  // Returns the names of the languages of codes: "Indonesian", "Indonesian or English".
  std::string LangNames(const std::set<std::string>& codes) const {
    std::string out;
    for (const std::string& code : languages) {
      if (!codes.count(code)) continue;
      auto n = language_names.find(code);
      out += (out.empty() ? "" : " or ") + (n == language_names.end() ? code : n->second);
    }
    return out.empty() ? "no language" : out;
  }
};

// Adds the languages rule file d declares to index.
void IndexLanguages(const rapidjson::Value& d, RuleIndex* index) {
  auto l = d.FindMember("languages");
  if (l == d.MemberEnd() || !l->value.IsObject()) return;
  for (const auto& m : l->value.GetObject()) {
    const std::string code = m.name.GetString();
    if (std::find(index->languages.begin(), index->languages.end(), code) ==
        index->languages.end()) {
      index->languages.push_back(code);
    }
    if (m.value.IsObject() && m.value.HasMember("name") && m.value["name"].IsString()) {
      index->language_names[code] = m.value["name"].GetString();
    }
  }
}

// Loads the rule set the way lint reports on it: the loader's warnings on, schema problems
// at their JSON pointer, the given largest program size.
void LoadForLint(const RuleSelection& selection, const LintOptions& options, Diagnostics* all) {
  LoadOptions load;
  load.warnings = true;
  load.schema_pointers = true;
  load.max_program_size = options.max_program_size;
  LoadRuleSet(selection.rules, load, all);
}

// Returns the rule files that are JSON objects, parsed: lint's own checks read the JSON
// directly, so that they see rules that failed to load. (Parse errors are the loader's.)
std::vector<std::unique_ptr<JsonSource>> ParseRuleFiles(const RuleSelection& selection) {
  std::vector<std::unique_ptr<JsonSource>> json;
  for (const RuleSource& s : selection.rules) {
    auto src = std::make_unique<JsonSource>();
    Diagnostics reported_by_the_loader;
    if (src->Parse(s.display, s.text, &reported_by_the_loader) && src->doc().IsObject()) {
      json.push_back(std::move(src));
    }
  }
  return json;
}

// Adds the roles of the event types of rule file d to *type_roles.
void IndexEventTypes(const rapidjson::Value& d,
                     std::map<std::string, std::vector<std::string>>* type_roles) {
  auto t = d.FindMember("event_types");
  if (t == d.MemberEnd() || !t->value.IsArray()) return;
  for (const auto& type : t->value.GetArray()) {
    if (!type.IsObject() || !type.HasMember("type") || !type["type"].IsString()) continue;
    auto roles = type.FindMember("roles");
    if (roles == type.MemberEnd() || !roles->value.IsArray()) continue;
    auto& list = (*type_roles)[type["type"].GetString()];
    for (const auto& r : roles->value.GetArray()) {
      if (r.IsString()) list.push_back(r.GetString());
    }
  }
}

// Adds the rules of rule file d to index->ids and the fragments their patterns and d's
// fragments use to index->used.
void IndexRulesAndReferences(const rapidjson::Value& d, RuleIndex* index) {
  const std::set<std::string> file_lang = LangOf(d, {});
  for (const char* section : kRuleSections) {
    auto it = d.FindMember(section);
    if (it == d.MemberEnd() || !it->value.IsArray()) continue;
    for (const auto& rule : it->value.GetArray()) {
      if (!rule.IsObject()) continue;
      if (rule.HasMember("id") && rule["id"].IsString()) {
        const std::string s = section;
        const bool exclude = rule.HasMember("slot") && rule["slot"].IsString() &&
                             std::string(rule["slot"].GetString()) == "exclude";
        index->ids.emplace(
            rule["id"].GetString(),
            RuleRef{s, LangOf(rule, file_lang), s == "events" || (s == "attachments" && !exclude)});
      }
      // "pattern", "reject_pattern": every key that holds a pattern.
      for (const auto& m : rule.GetObject()) {
        const std::string_view key = m.name.GetString();
        if (m.value.IsString() && key.size() >= 7 && key.substr(key.size() - 7) == "pattern") {
          CollectReferences(m.value.GetString(), &index->used);
        }
      }
    }
  }
  if (auto f = d.FindMember("fragments"); f != d.MemberEnd() && f->value.IsObject()) {
    for (const auto& m : f->value.GetObject()) {
      if (m.value.IsString()) CollectReferences(m.value.GetString(), &index->used);
    }
  }
}

RuleIndex IndexRuleSet(const std::vector<std::unique_ptr<JsonSource>>& json) {
  RuleIndex index;
  for (const auto& src : json) {
    IndexLanguages(src->doc(), &index);
    IndexEventTypes(src->doc(), &index.type_roles);
    IndexRulesAndReferences(src->doc(), &index);
  }
  return index;
}

// An event rule's roles must be roles of its event type.
void CheckEventRoles(const JsonSource& src, const RuleIndex& index, Diagnostics* all) {
  const rapidjson::Value& d = src.doc();
  auto e = d.FindMember("events");
  if (e == d.MemberEnd() || !e->value.IsArray()) return;
  size_t i = 0;
  for (const auto& rule : e->value.GetArray()) {
    const std::string pointer = JsonSource::Child("/events", i++);
    if (!rule.IsObject() || !rule.HasMember("type") || !rule["type"].IsString() ||
        !rule.HasMember("roles") || !rule["roles"].IsObject()) {
      continue;
    }
    auto type = index.type_roles.find(rule["type"].GetString());
    if (type == index.type_roles.end()) continue;
    const std::vector<std::string>& allowed = type->second;
    for (const auto& r : rule["roles"].GetObject()) {
      if (!r.value.IsString()) continue;
      const std::string role = r.value.GetString();
      if (std::find(allowed.begin(), allowed.end(), role) != allowed.end()) continue;
      std::string list;
      for (const std::string& a : allowed) list += (list.empty() ? "" : ", ") + a;
      src.Error(
          all, JsonSource::Child(pointer + "/roles", r.name.GetString()),
          fmt::format("role '{}' of rule '{}' is not a role of event type '{}' ({})", role,
                      rule.HasMember("id") && rule["id"].IsString() ? rule["id"].GetString() : "?",
                      type->first, list));
    }
  }
}

void CheckUnusedFragments(const JsonSource& src, const RuleIndex& index, Diagnostics* all) {
  const rapidjson::Value& d = src.doc();
  auto f = d.FindMember("fragments");
  if (f == d.MemberEnd() || !f->value.IsObject()) return;
  for (const auto& m : f->value.GetObject()) {
    const std::string name = m.name.GetString();
    if (index.used.count(name)) continue;
    const Location loc = src.KeyAt(JsonSource::Child("/fragments", name));
    all->Warning(loc, fmt::format("fragment {{{}}} is not used by any rule or fragment", name),
                 src.SourceLine(loc));
  }
}

// A rule file with rules needs a test file beside it.
void CheckTestFileBeside(const JsonSource& src, const RuleSelection& selection, Diagnostics* all) {
  bool has_rules = false;
  for (const char* section : kRuleSections) {
    auto it = src.doc().FindMember(section);
    has_rules |= it != src.doc().MemberEnd() && it->value.IsArray() && !it->value.Empty();
  }
  const RuleSource* self = nullptr;
  for (const RuleSource& s : selection.rules) {
    if (s.display == src.file()) self = &s;
  }
  if (!has_rules || !self) return;
  const std::string test_rel = TestFileOfRule(self->rel);
  for (const RuleSource& t : selection.tests) {
    if (t.rel == test_rel) return;
  }
  all->Warning({src.file(), 0, 0},
               fmt::format("no test file beside it: add {} (see docs/rules.md, \"Testing "
                           "rules\")",
                           TestFileOfRule(src.file())));
}

// Returns the rule id nearest to id (edit distance below 4), or "".
std::string NearestRuleId(const std::string& id, const std::map<std::string, RuleRef>& ids) {
  std::string best;
  size_t best_distance = 4;
  for (const auto& [other, r] : ids) {
    const size_t dist = EditDistance(other, id);
    if (dist < best_distance) {
      best_distance = dist;
      best = other;
    }
  }
  return best;
}

// Checks one annotation of a test case: its rule exists, applies to the case's language,
// and makes what its expect keys describe.
void CheckAnnotation(const RuleTestCase& c, const Annotation& a, const RuleIndex& index,
                     Diagnostics* all) {
  auto ref = index.ids.find(a.rule);
  if (ref == index.ids.end()) {
    const std::string best = NearestRuleId(a.rule, index.ids);
    all->Error(a.location,
               fmt::format("unknown rule id '{}'{}", a.rule,
                           best.empty() ? "" : fmt::format(" (did you mean '{}'?)", best)),
               a.source_line);
    return;
  }
  const std::set<std::string>& langs = ref->second.langs;
  if (!c.lang.empty() && !langs.empty() && !langs.count(c.lang)) {
    all->Warning(a.location,
                 fmt::format("rule '{}' applies to {} text, but this case is read as "
                             "'{}' (# lang:)",
                             a.rule, index.LangNames(langs), c.lang),
                 a.source_line);
  }
  const bool events = ref->second.makes_events;
  for (const Expectation& x : a.expects) {
    const bool event_key = x.key != "value" && x.key != "entity";
    if (event_key == events) continue;
    all->Error(
        x.location,
        fmt::format("expect key '{}' describes {}, but '{}' makes {}", x.key,
                    event_key ? "an event" : "a mention", a.rule, events ? "events" : "mentions"),
        a.source_line);
  }
}

void LintTestFiles(const RuleSelection& selection, const RuleIndex& index, Diagnostics* all) {
  for (const RuleSource& t : selection.tests) {
    if (!selection.IsSelected(t.display)) continue;
    const RuleTestFile file = ParseRuleTestFile(t, index.languages, all);
    for (const RuleTestCase& c : file.cases) {
      for (const Annotation& a : c.annotations) CheckAnnotation(c, a, index, all);
    }
  }
}

// Returns the result: the diagnostics of the selected files, sorted by file (rule files,
// then test files, in selection order), line and column; the others counted.
LintResult KeepSelected(const RuleSelection& selection, const Diagnostics& all) {
  LintResult result;
  std::vector<std::string> order;
  for (const auto* list : {&selection.rules, &selection.tests}) {
    for (const RuleSource& s : *list) {
      if (selection.IsSelected(s.display)) order.push_back(s.display);
    }
  }
  result.files = static_cast<int>(order.size());
  std::set<std::string> with_problems;
  for (const Diagnostic& d : all.list()) {
    if (selection.IsSelected(d.location.file)) {
      result.diags.Add(d);
      with_problems.insert(d.location.file);
    } else if (d.severity == Severity::kError) {
      ++result.hidden_errors;
    } else {
      ++result.hidden_warnings;
    }
  }
  result.diags.SortFrom(0, order);
  result.files_with_problems = static_cast<int>(with_problems.size());
  return result;
}

}  // namespace

LintResult LintRuleFiles(const RuleSelection& selection, const LintOptions& options) {
  Diagnostics all;
  LoadForLint(selection, options, &all);
  const std::vector<std::unique_ptr<JsonSource>> json = ParseRuleFiles(selection);
  const RuleIndex index = IndexRuleSet(json);
  for (const auto& src : json) {
    if (!selection.IsSelected(src->file())) continue;
    CheckEventRoles(*src, index, &all);
    CheckUnusedFragments(*src, index, &all);
    CheckTestFileBeside(*src, selection, &all);
  }
  LintTestFiles(selection, index, &all);
  return KeepSelected(selection, all);
}

std::string LintSummary(const LintResult& r) {
  auto plural = [](int n, const char* one, const char* many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
  };
  const int errors = r.diags.error_count();
  const int warnings = static_cast<int>(r.diags.list().size()) - errors;
  std::string out;
  if (errors == 0 && warnings == 0) {
    out = fmt::format("no problems in {}", plural(r.files, "file", "files"));
  } else {
    out = fmt::format("{}, {} in {} of {}", plural(errors, "error", "errors"),
                      plural(warnings, "warning", "warnings"), r.files_with_problems,
                      plural(r.files, "file", "files"));
  }
  if (r.hidden_errors > 0) {
    out += fmt::format(" (the rule set they extend has {} elsewhere, not shown)",
                       plural(r.hidden_errors, "error", "errors"));
  }
  return out;
}

}  // namespace newsgraph
