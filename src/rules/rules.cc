#include "rules/rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <functional>
#include <set>
#include <thread>

#include "base/json_source.h"
#include "base/text.h"
#include "rules/builtin.h"
#include "rules/expand.h"
#include "rules/lexicon.h"
#include "rules/prefilter.h"
#include "rules/schema.h"

namespace newsgraph {

namespace fs = std::filesystem;

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

bool RuleSet::PlaceWithin(std::string_view inner, std::string_view outer) const {
  std::string id(inner);
  for (int depth = 0; depth < 16 && !id.empty(); ++depth) {
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

// ---------------------------------------------------------------------------------------
// Loading

class RuleLoader {
 public:
  RuleLoader(const LoadOptions& options, Diagnostics* diags)
      : options_(options), diags_(diags), rules_(new RuleSet), expander_(rules_->lists_, diags) {}

  std::unique_ptr<RuleSet> Load(const std::vector<RuleSource>& sources);

 private:
  bool ValidateSchema(const JsonSource& src);
  void CollectDefinitions(const JsonSource& src);
  void CollectRules(const JsonSource& src);
  void CollectExtensions(const JsonSource& src);
  LangMask FileLang(const JsonSource& src) const;
  LangMask RuleLang(const JsonSource& src, const rapidjson::Value& v, LangMask dflt) const;
  // Compiles the rule's pattern into the prefilter of its group (`filter`: "dates",
  // "events", "attachments" or "pass N").
  bool Compile(const JsonSource& src, const std::string& pointer, const rapidjson::Value& v,
               LangMask file_lang, const std::string& filter, PatternRule* rule);
  void CheckIdUnique(const JsonSource& src, const std::string& pointer, const std::string& id);
  // A group's prefilter to build: its rule indices and the ids of their patterns in it.
  struct PrefilterTask {
    Prefilter* filter = nullptr;
    std::vector<int> indices;
    std::vector<int> filter_ids;
  };
  void Finish();
  // Returns true if the item at pointer failed schema validation (it is skipped; the rest
  // of the file is still loaded so that every problem is reported in one run).
  bool Invalid(const JsonSource& src, const std::string& pointer) const {
    return invalid_.count({&src, pointer}) > 0;
  }

  std::set<std::pair<const JsonSource*, std::string>> invalid_;
  const LoadOptions& options_;
  Diagnostics* diags_;
  std::unique_ptr<RuleSet> rules_;
  std::vector<std::unique_ptr<JsonSource>> sources_;
  PatternExpander expander_;
  std::map<std::string, std::pair<const JsonSource*, std::string>> rule_ids_;
  // The prefilters being filled, by group; they own the compiled patterns.
  std::map<std::string, std::unique_ptr<Prefilter>> filters_;
};

std::unique_ptr<RuleSet> LoadRuleSet(const std::vector<RuleSource>& sources,
                                     const LoadOptions& options, Diagnostics* diags) {
  RuleLoader loader(options, diags);
  return loader.Load(sources);
}

bool RuleLoader::ValidateSchema(const JsonSource& src) {
  std::set<std::string> invalid;
  const bool ok = ValidateRuleFile(src, options_.schema_pointers, diags_, &invalid);
  for (const std::string& pointer : invalid) invalid_.insert({&src, pointer});
  return ok;
}

LangMask RuleLoader::FileLang(const JsonSource& src) const {
  const rapidjson::Value& d = src.doc();
  if (!d.HasMember("lang")) return kLangAny;
  return RuleLang(src, d, kLangAny);
}

LangMask RuleLoader::RuleLang(const JsonSource& src, const rapidjson::Value& v,
                              LangMask dflt) const {
  auto it = v.FindMember("lang");
  if (it == v.MemberEnd()) return dflt;
  if (it->value.IsString()) return LangFromCode(it->value.GetString());
  LangMask m = 0;
  for (const auto& l : it->value.GetArray()) m |= LangFromCode(l.GetString());
  return m;
}

void RuleLoader::CheckIdUnique(const JsonSource& src, const std::string& pointer,
                               const std::string& id) {
  auto [it, inserted] = rule_ids_.emplace(id, std::make_pair(&src, pointer));
  if (inserted) return;
  const Location first = it->second.first->ValueAt(it->second.second + "/id");
  src.Error(diags_, pointer + "/id",
            fmt::format("duplicate rule id '{}' (first defined at {}:{}:{})", id, first.file,
                        first.line, first.column));
}

void RuleLoader::CollectDefinitions(const JsonSource& src) {
  const rapidjson::Value& d = src.doc();
  if (auto it = d.FindMember("lists"); it != d.MemberEnd() && it->value.IsObject()) {
    for (const auto& m : it->value.GetObject()) {
      if (!m.value.IsArray() && !m.value.IsObject()) continue;  // reported by the schema
      const std::string name = m.name.GetString();
      const std::string pointer = JsonSource::Child("/lists", name);
      if (!IsFragmentName(name)) {
        const Location loc = src.KeyAt(pointer);
        diags_->Error(loc,
                      fmt::format("'{}' is not a valid list name (capital letters, digits and _, "
                                  "starting with a letter)",
                                  name),
                      src.SourceLine(loc));
        continue;
      }
      if (rules_->lists_.count(name) || expander_.HasFragment(name)) {
        src.Error(diags_, pointer, fmt::format("'{}' is defined twice", name));
        continue;
      }
      WordList list;
      list.name = name;
      list.origin = {src.file(), pointer, src.KeyAt(pointer)};
      auto add = [&](const std::string& word, const std::string& value) {
        if (list.value.count(word)) return;
        list.words.push_back(word);
        list.value[word] = value;
        list.folded.emplace(Lowercase(word), value);
      };
      if (m.value.IsArray()) {
        for (const auto& w : m.value.GetArray()) {
          if (w.IsString()) add(w.GetString(), "");
        }
      } else {
        for (const auto& w : m.value.GetObject()) {
          if (w.value.IsString()) {
            add(w.name.GetString(), w.value.GetString());
          } else if (w.value.IsInt64()) {
            add(w.name.GetString(), std::to_string(w.value.GetInt64()));
          }
        }
      }
      rules_->lists_.emplace(name, std::move(list));
    }
  }
  if (auto it = d.FindMember("fragments"); it != d.MemberEnd() && it->value.IsObject()) {
    for (const auto& m : it->value.GetObject()) {
      if (!m.value.IsString()) continue;  // reported by the schema
      const std::string name = m.name.GetString();
      const std::string pointer = JsonSource::Child("/fragments", name);
      if (!IsFragmentName(name)) {
        const Location loc = src.KeyAt(pointer);
        diags_->Error(loc,
                      fmt::format("'{}' is not a valid fragment name (capital letters, digits "
                                  "and _, starting with a letter)",
                                  name),
                      src.SourceLine(loc));
        continue;
      }
      if (IsTokenFragment(name)) {
        src.Error(diags_, pointer,
                  fmt::format("'{}' is a built-in token fragment and cannot be redefined", name));
        continue;
      }
      if (expander_.HasFragment(name) || rules_->lists_.count(name)) {
        src.Error(diags_, pointer, fmt::format("'{}' is defined twice", name));
        continue;
      }
      expander_.AddFragment(name, m.value.GetString(), &src, pointer);
    }
  }
  if (auto it = d.FindMember("languages"); it != d.MemberEnd() && it->value.IsObject()) {
    for (const auto& m : it->value.GetObject()) {
      if (!m.value.IsObject()) continue;
      if (LangFromCode(m.name.GetString()) == 0) {
        const Location loc = src.KeyAt(JsonSource::Child("/languages", m.name.GetString()));
        diags_->Error(loc,
                      fmt::format("language '{}' is not supported (id, en)", m.name.GetString()),
                      src.SourceLine(loc));
        continue;
      }
      LanguageInfo& info = rules_->languages_[m.name.GetString()];
      for (const auto& [key, target] : {std::make_pair("hints", &info.hints),
                                        std::make_pair("abbreviations", &info.abbreviations)}) {
        auto h = m.value.FindMember(key);
        if (h == m.value.MemberEnd() || !h->value.IsArray()) continue;
        for (const auto& w : h->value.GetArray()) {
          if (w.IsString()) target->push_back(w.GetString());
        }
      }
    }
  }
  if (auto it = d.FindMember("event_types"); it != d.MemberEnd() && it->value.IsArray()) {
    size_t i = 0;
    for (const auto& t : it->value.GetArray()) {
      const std::string pointer = JsonSource::Child("/event_types", i++);
      if (Invalid(src, pointer)) continue;
      EventType type;
      type.name = t["type"].GetString();
      if (t.HasMember("cameo")) type.cameo = t["cameo"].GetString();
      if (t.HasMember("plover")) type.plover = t["plover"].GetString();
      if (t.HasMember("label")) type.label = t["label"].GetString();
      if (t.HasMember("parent")) type.parent = t["parent"].GetString();
      if (t.HasMember("roles")) {
        for (const auto& r : t["roles"].GetArray()) type.roles.push_back(r.GetString());
      }
      type.origin = {src.file(), pointer, src.ValueAt(pointer)};
      if (rules_->types_.count(type.name)) {
        src.Error(diags_, pointer + "/type",
                  fmt::format("event type '{}' is defined twice", type.name));
        continue;
      }
      rules_->types_.emplace(type.name, std::move(type));
    }
  }
  if (auto it = d.FindMember("gazetteer"); it != d.MemberEnd() && it->value.IsArray()) {
    const LangMask file_lang = FileLang(src);
    size_t i = 0;
    for (const auto& g : it->value.GetArray()) {
      const std::string pointer = JsonSource::Child("/gazetteer", i++);
      if (Invalid(src, pointer)) continue;
      GazetteerEntry e;
      e.id = g["id"].GetString();
      ParseKind(g["kind"].GetString(), &e.kind);
      e.name = g["name"].GetString();
      if (g.HasMember("type")) e.type = g["type"].GetString();
      if (g.HasMember("part_of")) e.part_of = g["part_of"].GetString();
      if (g.HasMember("metonym_of")) e.metonym_of = g["metonym_of"].GetString();
      for (const char* ext : {"iso3166", "iso3166_2", "wikidata"}) {
        if (g.HasMember(ext)) e.external[ext] = g[ext].GetString();
      }
      const std::string prefix = std::string(KindIdPrefix(e.kind)) + ":";
      if (e.id.rfind(prefix, 0) != 0) {
        src.Error(diags_, pointer + "/id",
                  fmt::format("id of a {} must start with '{}'", KindName(e.kind), prefix));
      }
      std::set<std::pair<std::string, LangMask>> seen;
      auto add = [&](const std::string& alias, LangMask langs) {
        if (seen.emplace(alias, langs).second) e.aliases.emplace_back(alias, langs);
      };
      add(e.name, file_lang);
      for (const auto& [key, langs] :
           {std::make_pair("aliases", file_lang), std::make_pair("aliases_id", kLangId),
            std::make_pair("aliases_en", kLangEn)}) {
        if (!g.HasMember(key)) continue;
        for (const auto& a : g[key].GetArray()) add(a.GetString(), langs);
      }
      e.origin = {src.file(), pointer, src.ValueAt(pointer)};
      if (rules_->entry_index_.count(e.id)) {
        src.Error(diags_, pointer + "/id", fmt::format("gazetteer id '{}' is defined twice", e.id));
        continue;
      }
      rules_->entry_index_[e.id] = rules_->gazetteer_.size();
      rules_->gazetteer_.push_back(std::move(e));
    }
  }
}

void RuleLoader::CollectExtensions(const JsonSource& src) {
  const rapidjson::Value& d = src.doc();
  auto it = d.FindMember("extend");
  if (it == d.MemberEnd() || !it->value.IsArray()) return;
  const LangMask file_lang = FileLang(src);
  size_t i = 0;
  for (const auto& x : it->value.GetArray()) {
    const std::string pointer = JsonSource::Child("/extend", i++);
    if (Invalid(src, pointer)) continue;
    const std::string id = x["id"].GetString();
    auto entry = rules_->entry_index_.find(id);
    if (entry == rules_->entry_index_.end()) {
      src.Error(diags_, pointer + "/id", fmt::format("'{}' is not a gazetteer id", id));
      continue;
    }
    GazetteerEntry& e = rules_->gazetteer_[entry->second];
    for (const auto& [key, langs] :
         {std::make_pair("aliases", file_lang), std::make_pair("aliases_id", kLangId),
          std::make_pair("aliases_en", kLangEn)}) {
      if (!x.HasMember(key)) continue;
      for (const auto& a : x[key].GetArray()) {
        const std::pair<std::string, LangMask> alias(a.GetString(), langs);
        if (std::find(e.aliases.begin(), e.aliases.end(), alias) == e.aliases.end()) {
          e.aliases.push_back(alias);
        }
      }
    }
  }
}

bool RuleLoader::Compile(const JsonSource& src, const std::string& pointer,
                         const rapidjson::Value& v, LangMask file_lang, const std::string& filter,
                         PatternRule* rule) {
  rule->id = v["id"].GetString();
  rule->origin = {src.file(), pointer, src.ValueAt(pointer)};
  rule->langs = RuleLang(src, v, file_lang);
  if (v.HasMember("description")) rule->description = v["description"].GetString();
  if (v.HasMember("priority")) rule->priority = v["priority"].GetInt();
  rule->source = v["pattern"].GetString();
  CheckIdUnique(src, pointer, rule->id);
  const std::string pattern_pointer = pointer + "/pattern";
  if (!expander_.Expand(rule->source, src, pattern_pointer, &rule->expanded)) return false;
  auto& group = filters_[filter];
  if (!group) group = std::make_unique<Prefilter>();
  int id = -1;
  if (!group->Add(rule->expanded, &id)) {
    // The filter keeps no failed pattern: compile it once more for re2's message.
    auto re = std::make_unique<RE2>(rule->expanded, PatternOptions());
    // Point at the fragment re2 names, if it is written in this pattern.
    const std::string arg = re->error_arg();
    const size_t at = arg.empty() ? std::string::npos : rule->source.find(arg);
    std::string message = re->error();
    if (at == std::string::npos && !arg.empty() && arg == rule->expanded &&
        message.size() >= arg.size()) {
      // re2 names the whole pattern ("missing )"): show it as written, not expanded.
      message.replace(message.size() - arg.size(), arg.size(), rule->source);
    }
    const Location loc =
        at == std::string::npos ? src.ValueAt(pattern_pointer) : src.InString(pattern_pointer, at);
    diags_->Error(loc, fmt::format("rule '{}' does not compile: {}", rule->id, message),
                  src.SourceLine(loc));
    return false;
  }
  const RE2* re = &group->GetRE2(id);
  if (options_.warnings && re->ProgramSize() > options_.max_program_size) {
    src.Warning(diags_, pattern_pointer,
                fmt::format("rule '{}' compiles to a re2 program of size {} (budget {}); "
                            "split it or narrow its fragments",
                            rule->id, re->ProgramSize(), options_.max_program_size));
  }
  for (const auto& [name, index] : re->NamedCapturingGroups()) rule->groups[name] = index;
  rule->re = re;
  rule->filter_id = id;
  return true;
}

void RuleLoader::CollectRules(const JsonSource& src) {
  const rapidjson::Value& d = src.doc();
  const LangMask file_lang = FileLang(src);
  if (auto it = d.FindMember("mentions"); it != d.MemberEnd() && it->value.IsArray()) {
    size_t i = 0;
    for (const auto& v : it->value.GetArray()) {
      const std::string pointer = JsonSource::Child("/mentions", i++);
      if (Invalid(src, pointer)) continue;
      auto rule = std::make_unique<MentionRule>();
      if (v.HasMember("pass")) rule->pass = v["pass"].GetInt();
      if (!Compile(src, pointer, v, file_lang, fmt::format("pass {}", rule->pass), rule.get())) {
        continue;
      }
      ParseKind(v["kind"].GetString(), &rule->kind);
      if (v.HasMember("trim")) {
        rule->trim_list = v["trim"].GetString();
        if (!rules_->List(rule->trim_list)) {
          src.Error(diags_, pointer + "/trim",
                    fmt::format("unknown word list '{}'", rule->trim_list));
        }
      }
      if (v.HasMember("reject")) {
        rule->reject_list = v["reject"].GetString();
        if (!rules_->List(rule->reject_list)) {
          src.Error(diags_, pointer + "/reject",
                    fmt::format("unknown word list '{}'", rule->reject_list));
        }
      }
      if (v.HasMember("reject_pattern")) {
        const std::string p = pointer + "/reject_pattern";
        std::string expanded;
        if (expander_.Expand(v["reject_pattern"].GetString(), src, p, &expanded)) {
          auto re = std::make_unique<RE2>(expanded, PatternOptions());
          if (re->ok()) {
            rule->reject_word = std::move(re);
          } else {
            src.Error(diags_, p,
                      fmt::format("reject_pattern of rule '{}' does not compile: {}", rule->id,
                                  re->error()));
          }
        }
      }
      if (v.HasMember("entity")) rule->entity = v["entity"].GetString();
      if (v.HasMember("refers")) rule->refers = v["refers"].GetString();
      if (v.HasMember("refers_type")) rule->refers_type = v["refers_type"].GetString();
      rules_->mentions_.push_back(std::move(rule));
    }
  }
  if (auto it = d.FindMember("dates"); it != d.MemberEnd() && it->value.IsArray()) {
    size_t i = 0;
    for (const auto& v : it->value.GetArray()) {
      const std::string pointer = JsonSource::Child("/dates", i++);
      if (Invalid(src, pointer)) continue;
      auto rule = std::make_unique<DateRule>();
      if (!Compile(src, pointer, v, file_lang, "dates", rule.get())) continue;
      DateSpec& s = rule->spec;
      // Every key comes through dates.h's table; every group an expression names must
      // exist in the pattern, and every list too.
      for (const DateSpecKey& key : DateSpecKeys()) {
        const rapidjson::Value* o = &v;
        if (*key.object) {
          auto m = v.FindMember(key.object);
          if (m == v.MemberEnd()) continue;
          o = &m->value;
        }
        auto m = o->FindMember(key.key);
        if (m == o->MemberEnd()) continue;
        std::string& e = s.*key.field;
        if (key.kind == DateSpecKey::kFlag) {
          e = m->value.IsBool() && m->value.GetBool() ? "true" : "";
          continue;
        }
        e = m->value.GetString();
        if (key.kind != DateSpecKey::kExpression) continue;
        const size_t dollar = e.find('$');
        if (dollar == std::string::npos) continue;
        const size_t at = e.find('@');
        const size_t stop = std::min(e.find_first_of("@+-", dollar + 1), e.size());
        const std::string group = e.substr(dollar + 1, stop - dollar - 1);
        if (rule->Group(group) < 0) {
          src.Error(diags_, pointer + "/pattern",
                    fmt::format("rule '{}' uses group '{}', which its pattern does not have",
                                rule->id, group));
        }
        if (at != std::string::npos) {
          const std::string list =
              e.substr(at + 1, std::min(e.find_first_of("+-", at), e.size()) - at - 1);
          if (!rules_->List(list)) {
            src.Error(diags_, pointer,
                      fmt::format("rule '{}' uses unknown word list '{}'", rule->id, list));
          }
        }
      }
      if (s.vague.empty() && s.rel_unit.empty() && s.year.empty() && s.month.empty() &&
          s.quarter.empty() && s.half.empty()) {
        src.Error(diags_, pointer,
                  fmt::format("date rule '{}' needs a value (year or month), a relative "
                              "unit or a vague value",
                              rule->id));
      }
      rules_->dates_.push_back(std::move(rule));
    }
  }
  if (auto it = d.FindMember("events"); it != d.MemberEnd() && it->value.IsArray()) {
    size_t i = 0;
    for (const auto& v : it->value.GetArray()) {
      const std::string pointer = JsonSource::Child("/events", i++);
      if (Invalid(src, pointer)) continue;
      auto rule = std::make_unique<EventRule>();
      if (!Compile(src, pointer, v, file_lang, "events", rule.get())) continue;
      rule->type = v["type"].GetString();
      if (v.HasMember("modality")) rule->modality = v["modality"].GetString();
      if (v.HasMember("anaphoric")) rule->anaphoric = v["anaphoric"].GetBool();
      if (v.HasMember("roles")) {
        for (const auto& r : v["roles"].GetObject()) {
          const std::string group = r.name.GetString();
          rule->roles[group] = r.value.GetString();
          if (rule->Group(group) < 0) {
            const Location loc = src.KeyAt(JsonSource::Child(pointer + "/roles", group));
            diags_->Error(loc,
                          fmt::format("role '{}' names group '{}', which the pattern of rule "
                                      "'{}' does not have",
                                      r.value.GetString(), group, rule->id),
                          src.SourceLine(loc));
          }
        }
      }
      static const std::set<std::string> kFixed = {"date",    "place",     "source",
                                                   "trigger", "planned",   "negated",
                                                   "denied",  "uncertain", "span"};
      for (const auto& [group, index] : rule->groups) {
        if (options_.warnings && rule->roles.count(group) == 0 && kFixed.count(group) == 0) {
          src.Warning(diags_, pointer + "/pattern",
                      fmt::format("group '{}' of rule '{}' maps to no role", group, rule->id));
        }
      }
      if (!rules_->Type(rule->type)) {
        src.Error(diags_, pointer + "/type",
                  fmt::format("unknown event type '{}' (declare it in event_types)", rule->type));
      }
      rules_->events_.push_back(std::move(rule));
    }
  }
  if (auto it = d.FindMember("attachments"); it != d.MemberEnd() && it->value.IsArray()) {
    size_t i = 0;
    for (const auto& v : it->value.GetArray()) {
      const std::string pointer = JsonSource::Child("/attachments", i++);
      if (Invalid(src, pointer)) continue;
      auto rule = std::make_unique<AttachRule>();
      if (!Compile(src, pointer, v, file_lang, "attachments", rule.get())) continue;
      rule->slot = v["slot"].GetString();
      if (v.HasMember("whole_sentence")) rule->whole_sentence = v["whole_sentence"].GetBool();
      // The group of an "exclude" attachment is named "exclude".
      if (rule->Group(rule->slot) < 0) {
        src.Error(
            diags_, pointer + "/pattern",
            fmt::format("attachment rule '{}' needs a group named '{}'", rule->id, rule->slot));
      }
      rules_->attach_.push_back(std::move(rule));
    }
  }
}

void RuleLoader::Finish() {
  RuleSet& rs = *rules_;
  // Gazetteer references.
  for (const GazetteerEntry& e : rs.gazetteer_) {
    for (const auto& [key, target] :
         {std::make_pair("part_of", &e.part_of), std::make_pair("metonym_of", &e.metonym_of)}) {
      if (target->empty() || rs.Entry(*target)) continue;
      for (const auto& src : sources_) {
        if (src->file() != e.origin.file) continue;
        src->Error(diags_, e.origin.pointer + "/" + key,
                   fmt::format("{} '{}' of '{}' is not a gazetteer id", key, *target, e.id));
      }
    }
  }
  for (const auto& [name, type] : rs.types_) {
    if (!type.parent.empty() && !rs.Type(type.parent)) {
      diags_->Error(
          type.origin.location,
          fmt::format("parent '{}' of event type '{}' is not an event type", type.parent, name));
    }
  }
  rs.lexicon_ = std::make_unique<Lexicon>(rs.gazetteer_);

  // Passes and prefilters.
  std::set<int> passes;
  for (size_t i = 0; i < rs.mentions_.size(); ++i) {
    passes.insert(rs.mentions_[i]->pass);
    rs.pass_rules_[rs.mentions_[i]->pass].push_back(static_cast<int>(i));
  }
  rs.passes_.assign(passes.begin(), passes.end());
  // One prefilter per group; they are independent, so they are built in parallel (their
  // analysis is most of the start-up time).
  std::vector<PrefilterTask> tasks;
  // Takes the group's prefilter (a new one if no pattern was compiled into it) into *out.
  auto task = [&](const std::string& name, std::unique_ptr<Prefilter>* out) -> PrefilterTask& {
    PrefilterTask& t = tasks.emplace_back();
    auto it = filters_.find(name);
    *out =
        it != filters_.end() && it->second ? std::move(it->second) : std::make_unique<Prefilter>();
    t.filter = out->get();
    return t;
  };
  for (int pass : rs.passes_) {
    PrefilterTask& t = task(fmt::format("pass {}", pass), &rs.pass_filters_[pass]);
    t.indices = rs.pass_rules_[pass];
    for (int i : t.indices) t.filter_ids.push_back(rs.mentions_[i]->filter_id);
  }
  auto all = [&](const auto& v, const std::string& name, std::unique_ptr<Prefilter>* out) {
    PrefilterTask& t = task(name, out);
    for (size_t i = 0; i < v.size(); ++i) {
      t.filter_ids.push_back(v[i]->filter_id);
      t.indices.push_back(static_cast<int>(i));
    }
  };
  all(rs.dates_, "dates", &rs.date_filter_);
  all(rs.events_, "events", &rs.event_filter_);
  all(rs.attach_, "attachments", &rs.attach_filter_);
  filters_.clear();
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t k; (k = next++) < tasks.size();) {
      tasks[k].filter->Build(std::move(tasks[k].indices), tasks[k].filter_ids);
    }
  };
  const size_t threads =
      std::min<size_t>(tasks.size(), std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::thread> pool;
  for (size_t k = 1; k < threads; ++k) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
}

std::unique_ptr<RuleSet> RuleLoader::Load(const std::vector<RuleSource>& sources) {
  const int errors_before = diags_->error_count();
  const size_t first_diag = diags_->list().size();
  rules_->sources_ = sources;
  for (const RuleSource& s : sources) {
    auto src = std::make_unique<JsonSource>();
    if (!src->Parse(s.display, s.text, diags_)) continue;
    ValidateSchema(*src);
    sources_.push_back(std::move(src));
  }
  for (const auto& src : sources_) CollectDefinitions(*src);
  for (const auto& src : sources_) CollectExtensions(*src);
  // Fragments are checked where they are written, used or not.
  expander_.CheckFragments();
  for (const auto& src : sources_) CollectRules(*src);
  Finish();
  std::vector<std::string> files;
  for (const RuleSource& s : sources) files.push_back(s.display);
  diags_->SortFrom(first_diag, files);
  if (diags_->error_count() > errors_before) return nullptr;
  return std::move(rules_);
}

}  // namespace newsgraph
