#include "rules/loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <thread>

#include "base/text.h"
#include "rules/lexicon.h"
#include "rules/schema.h"

namespace newsgraph {

namespace {}  // namespace

std::unique_ptr<RuleSet> LoadRuleSet(const std::vector<RuleSource>& sources,
                                     const LoadOptions& options, Diagnostics* diags) {
  RuleLoader loader(options, diags);
  return loader.Load(sources);
}

std::unique_ptr<RuleSet> RuleLoader::Load(const std::vector<RuleSource>& sources) {
  const int errors_before = diags_->error_count();
  const size_t first_diag = diags_->list().size();
  rules_->sources_ = sources;
  ParseSources(sources);
  // Languages first: every "lang" of every file names one of them.
  for (const auto& src : sources_) ForEachMember(*src, "languages", &RuleLoader::AddLanguage);
  CheckLanguages();
  for (const auto& src : sources_) file_langs_[src.get()] = LangOf(*src, "", src->doc(), kLangAny);
  for (const auto& src : sources_) CollectDefinitions(*src);
  for (const auto& src : sources_) ForEachItem(*src, "extend", &RuleLoader::ExtendEntry);
  // Fragments are checked where they are written, used or not.
  expander_.CheckFragments();
  for (const auto& src : sources_) CollectRules(*src);
  CheckReferences();
  CheckOfficeHolders();
  rules_->lexicon_ = std::make_unique<Lexicon>(rules_->gazetteer_);
  CollectPasses();
  BuildPrefilters();
  std::vector<std::string> files;
  for (const RuleSource& s : sources) files.push_back(s.display);
  diags_->SortFrom(first_diag, files);
  if (diags_->error_count() > errors_before) return nullptr;
  return std::move(rules_);
}

void RuleLoader::ForEachMember(const JsonSource& src, const char* section, MemberFn read) {
  const rapidjson::Value& d = src.doc();
  auto it = d.FindMember(section);
  if (it == d.MemberEnd() || !it->value.IsObject()) return;
  const std::string base = std::string("/") + section;
  for (const auto& m : it->value.GetObject()) {
    const std::string name = m.name.GetString();
    (this->*read)(src, name, JsonSource::Child(base, name), m.value);
  }
}

void RuleLoader::ForEachItem(const JsonSource& src, const char* section, ItemFn read) {
  const rapidjson::Value& d = src.doc();
  auto it = d.FindMember(section);
  if (it == d.MemberEnd() || !it->value.IsArray()) return;
  const std::string base = std::string("/") + section;
  const LangMask file_lang = file_langs_.count(&src) ? file_langs_.at(&src) : kLangAny;
  size_t i = 0;
  for (const auto& item : it->value.GetArray()) {
    const std::string pointer = JsonSource::Child(base, i++);
    if (!Invalid(src, pointer)) (this->*read)(src, pointer, item, file_lang);
  }
}

LangMask RuleLoader::LangOf(const JsonSource& src, const std::string& pointer,
                            const rapidjson::Value& v, LangMask dflt) {
  auto it = v.FindMember("lang");
  if (it == v.MemberEnd()) return dflt;
  const std::string at = pointer + "/lang";
  if (Invalid(src, at) || Invalid(src, pointer)) return dflt;  // reported by the schema
  auto one = [&](const rapidjson::Value& code, const std::string& code_pointer) -> LangMask {
    if (!code.IsString()) return 0;
    const LangMask m = rules_->Lang(code.GetString());
    if (m == 0) {
      src.Error(diags_, code_pointer,
                fmt::format("language '{}' is not declared in any \"languages\" section ({})",
                            code.GetString(), Join(rules_->language_codes_, ", ")));
    }
    return m;
  };
  if (!it->value.IsArray()) return one(it->value, at);
  LangMask m = 0;
  size_t i = 0;
  for (const auto& l : it->value.GetArray()) m |= one(l, JsonSource::Child(at, i++));
  return m;
}

bool RuleLoader::Invalid(const JsonSource& src, const std::string& pointer) const {
  auto it = invalid_.find(&src);
  return it != invalid_.end() && it->second.count(pointer) > 0;
}

// ---------------------------------------------------------------------------------------
// Phase 1: parsing and the schema.

void RuleLoader::ParseSources(const std::vector<RuleSource>& sources) {
  for (const RuleSource& s : sources) {
    auto src = std::make_unique<JsonSource>();
    if (!src->Parse(s.display, s.text, diags_)) continue;
    ValidateRuleFile(*src, options_.schema_pointers, diags_, &invalid_[src.get()]);
    sources_.push_back(std::move(src));
  }
}

// ---------------------------------------------------------------------------------------
// Phase 4: rules.

void RuleLoader::CollectRules(const JsonSource& src) {
  ForEachItem(src, "mentions", &RuleLoader::AddMentionRule);
  ForEachItem(src, "dates", &RuleLoader::AddDateRule);
  ForEachItem(src, "events", &RuleLoader::AddEventRule);
  ForEachItem(src, "attachments", &RuleLoader::AddAttachRule);
}

void RuleLoader::AddMentionRule(const JsonSource& src, const std::string& pointer,
                                const rapidjson::Value& v, LangMask file_lang) {
  auto rule = std::make_unique<MentionRule>();
  if (v.HasMember("pass")) rule->pass = v["pass"].GetInt();
  if (!Compile(src, pointer, v, file_lang, fmt::format("pass {}", rule->pass), rule.get())) {
    return;
  }
  ParseKind(v["kind"].GetString(), &rule->kind);
  if (v.HasMember("trim")) {
    rule->trim_list = v["trim"].GetString();
    CheckList(src, pointer + "/trim", rule->trim_list);
  }
  if (v.HasMember("reject")) {
    rule->reject_list = v["reject"].GetString();
    CheckList(src, pointer + "/reject", rule->reject_list);
  }
  if (v.HasMember("reject_pattern")) CompileRejectPattern(src, pointer, v, rule.get());
  if (v.HasMember("entity")) rule->entity = v["entity"].GetString();
  if (v.HasMember("refers")) rule->refers = v["refers"].GetString();
  if (v.HasMember("refers_type")) rule->refers_type = v["refers_type"].GetString();
  rules_->mentions_.push_back(std::move(rule));
}

void RuleLoader::AddDateRule(const JsonSource& src, const std::string& pointer,
                             const rapidjson::Value& v, LangMask file_lang) {
  auto rule = std::make_unique<DateRule>();
  if (!Compile(src, pointer, v, file_lang, "dates", rule.get())) return;
  ReadDateSpec(src, pointer, v, rule.get());
  const DateSpec& s = rule->spec;
  if (s.vague.empty() && s.rel_unit.empty() && s.year.empty() && s.month.empty() &&
      s.quarter.empty() && s.half.empty() && s.decade.empty() && s.dur_unit.empty() &&
      s.season.empty() && s.hour.empty() && s.time_part.empty()) {
    src.Error(diags_, pointer,
              fmt::format("date rule '{}' needs a value (year, month or decade), a relative "
                          "unit, a duration, a time of day or a vague value",
                          rule->id));
  }
  rules_->dates_.push_back(std::move(rule));
}

void RuleLoader::AddEventRule(const JsonSource& src, const std::string& pointer,
                              const rapidjson::Value& v, LangMask file_lang) {
  auto rule = std::make_unique<EventRule>();
  if (!Compile(src, pointer, v, file_lang, "events", rule.get())) return;
  rule->type = v["type"].GetString();
  if (v.HasMember("modality")) rule->modality = v["modality"].GetString();
  if (v.HasMember("anaphoric")) rule->anaphoric = v["anaphoric"].GetBool();
  if (v.HasMember("min_participants")) rule->min_participants = v["min_participants"].GetInt();
  if (v.HasMember("roles")) ReadRoles(src, pointer, v, rule.get());
  static const std::set<std::string> kFixed = {"date",      "place",   "source",    "trigger",
                                               "planned",   "negated", "postponed", "denied",
                                               "uncertain", "span"};
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

void RuleLoader::AddAttachRule(const JsonSource& src, const std::string& pointer,
                               const rapidjson::Value& v, LangMask file_lang) {
  auto rule = std::make_unique<AttachRule>();
  if (!Compile(src, pointer, v, file_lang, "attachments", rule.get())) return;
  rule->slot = v["slot"].GetString();
  if (v.HasMember("whole_sentence")) rule->whole_sentence = v["whole_sentence"].GetBool();
  // The group of an "exclude" attachment is named "exclude".
  if (rule->Group(rule->slot) < 0) {
    src.Error(diags_, pointer + "/pattern",
              fmt::format("attachment rule '{}' needs a group named '{}'", rule->id, rule->slot));
  }
  rules_->attach_.push_back(std::move(rule));
}

bool RuleLoader::Compile(const JsonSource& src, const std::string& pointer,
                         const rapidjson::Value& v, LangMask file_lang, const std::string& filter,
                         PatternRule* rule) {
  rule->id = v["id"].GetString();
  rule->origin = {src.file(), pointer, src.ValueAt(pointer)};
  rule->langs = LangOf(src, pointer, v, file_lang);
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
    ReportCompileError(src, pattern_pointer, *rule);
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

void RuleLoader::ReportCompileError(const JsonSource& src, const std::string& pattern_pointer,
                                    const PatternRule& rule) {
  // The filter keeps no failed pattern: compile it once more for re2's message.
  RE2 re(rule.expanded, PatternOptions());
  // Point at the fragment re2 names, if it is written in this pattern.
  const std::string arg = re.error_arg();
  const size_t at = arg.empty() ? std::string::npos : rule.source.find(arg);
  std::string message = re.error();
  if (at == std::string::npos && !arg.empty() && arg == rule.expanded &&
      message.size() >= arg.size()) {
    // re2 names the whole pattern ("missing )"): show it as written, not expanded.
    message.replace(message.size() - arg.size(), arg.size(), rule.source);
  }
  const Location loc =
      at == std::string::npos ? src.ValueAt(pattern_pointer) : src.InString(pattern_pointer, at);
  diags_->Error(loc, fmt::format("rule '{}' does not compile: {}", rule.id, message),
                src.SourceLine(loc));
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

void RuleLoader::CheckList(const JsonSource& src, const std::string& pointer,
                           const std::string& name) {
  if (!rules_->List(name)) src.Error(diags_, pointer, fmt::format("unknown word list '{}'", name));
}

void RuleLoader::CompileRejectPattern(const JsonSource& src, const std::string& pointer,
                                      const rapidjson::Value& v, MentionRule* rule) {
  const std::string p = pointer + "/reject_pattern";
  std::string expanded;
  if (!expander_.Expand(v["reject_pattern"].GetString(), src, p, &expanded)) return;
  auto re = std::make_unique<RE2>(expanded, PatternOptions());
  if (!re->ok()) {
    src.Error(
        diags_, p,
        fmt::format("reject_pattern of rule '{}' does not compile: {}", rule->id, re->error()));
    return;
  }
  rule->reject_word = std::move(re);
}

void RuleLoader::ReadDateSpec(const JsonSource& src, const std::string& pointer,
                              const rapidjson::Value& v, DateRule* rule) {
  // Every key comes through date_spec.h's table.
  for (const DateSpecKey& key : DateSpecKeys()) {
    const rapidjson::Value* o = &v;
    if (*key.object) {
      auto m = v.FindMember(key.object);
      if (m == v.MemberEnd()) continue;
      o = &m->value;
    }
    auto m = o->FindMember(key.key);
    if (m == o->MemberEnd()) continue;
    std::string& e = rule->spec.*key.field;
    if (key.kind == DateSpecKey::kFlag) {
      e = m->value.IsBool() && m->value.GetBool() ? "true" : "";
      continue;
    }
    e = m->value.GetString();
    if (key.kind == DateSpecKey::kExpression) CheckExpression(src, pointer, *rule, e);
  }
}

void RuleLoader::CheckExpression(const JsonSource& src, const std::string& pointer,
                                 const DateRule& rule, const std::string& e) {
  const size_t dollar = e.find('$');
  if (dollar == std::string::npos) return;
  const size_t at = e.find('@');
  const size_t stop = std::min(e.find_first_of("@+-", dollar + 1), e.size());
  const std::string group = e.substr(dollar + 1, stop - dollar - 1);
  if (rule.Group(group) < 0) {
    src.Error(
        diags_, pointer + "/pattern",
        fmt::format("rule '{}' uses group '{}', which its pattern does not have", rule.id, group));
  }
  if (at == std::string::npos) return;
  const std::string list = e.substr(at + 1, std::min(e.find_first_of("+-", at), e.size()) - at - 1);
  if (!rules_->List(list)) {
    src.Error(diags_, pointer, fmt::format("rule '{}' uses unknown word list '{}'", rule.id, list));
  }
}

void RuleLoader::ReadRoles(const JsonSource& src, const std::string& pointer,
                           const rapidjson::Value& v, EventRule* rule) {
  for (const auto& r : v["roles"].GetObject()) {
    const std::string group = r.name.GetString();
    rule->roles[group] = r.value.GetString();
    if (rule->Group(group) >= 0) continue;
    const Location loc = src.KeyAt(JsonSource::Child(pointer + "/roles", group));
    diags_->Error(loc,
                  fmt::format("role '{}' names group '{}', which the pattern of rule "
                              "'{}' does not have",
                              r.value.GetString(), group, rule->id),
                  src.SourceLine(loc));
  }
}

// ---------------------------------------------------------------------------------------
// Phase 5: across files.

void RuleLoader::CheckReferences() {
  const RuleSet& rs = *rules_;
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
}

void RuleLoader::CheckLanguages() {
  const LanguageInfo* fallback = nullptr;
  for (const std::string& code : rules_->language_codes_) {
    const LanguageInfo& l = rules_->languages_.at(code);
    if (l.mask == 0) {
      diags_->Error(
          l.origin.location,
          fmt::format("language '{}': a rule set holds at most {} languages", code, kMaxLanguages));
    }
    if (!l.fallback) continue;
    if (fallback != nullptr) {
      diags_->Error(l.origin.location,
                    fmt::format("language '{}' is a second fallback language (first: '{}')", code,
                                fallback->code));
    }
    fallback = &l;
  }
}

void RuleLoader::CheckOfficeHolders() {
  const RuleSet& rs = *rules_;
  auto report = [&](const OfficeHolder& h, const std::string& key, const std::string& message) {
    for (const auto& src : sources_) {
      if (src->file() == h.origin.file) src->Error(diags_, h.origin.pointer + "/" + key, message);
    }
  };
  for (const OfficeHolder& h : rs.holders_) {
    const GazetteerEntry* person = rs.Entry(h.person);
    if (person == nullptr || person->kind != MentionKind::kPerson) {
      report(h, "person", fmt::format("'{}' is not a gazetteer person", h.person));
    }
    const GazetteerEntry* country = rs.Entry(h.country);
    if (country == nullptr || country->kind != MentionKind::kCountry) {
      report(h, "country", fmt::format("'{}' is not a gazetteer country", h.country));
    }
    if (!rs.office_sources_.count(h.source)) {
      report(h, "source", fmt::format("source '{}' is not in office_sources", h.source));
    }
  }
  // Terms of one office of one country may touch (a handover day) but not overlap.
  for (size_t i = 0; i < rs.holders_.size(); ++i) {
    const OfficeHolder& a = rs.holders_[i];
    for (size_t j = i + 1; j < rs.holders_.size(); ++j) {
      const OfficeHolder& b = rs.holders_[j];
      if (a.office != b.office || a.country != b.country) continue;
      const bool a_before_b = a.to && !(b.from < *a.to);
      const bool b_before_a = b.to && !(a.from < *b.to);
      if (!a_before_b && !b_before_a) {
        report(b, "from",
               fmt::format("the term of '{}' as {} of {} overlaps that of '{}'", b.person, b.office,
                           b.country, a.person));
      }
    }
  }
}

void RuleLoader::CollectPasses() {
  RuleSet& rs = *rules_;
  std::set<int> passes;
  for (size_t i = 0; i < rs.mentions_.size(); ++i) {
    passes.insert(rs.mentions_[i]->pass);
    rs.pass_rules_[rs.mentions_[i]->pass].push_back(static_cast<int>(i));
  }
  rs.passes_.assign(passes.begin(), passes.end());
}

void RuleLoader::BuildPrefilters() {
  RuleSet& rs = *rules_;
  // A group's prefilter to build: its rule indices and the ids of their patterns in it.
  struct Task {
    Prefilter* filter = nullptr;
    std::vector<int> indices;
    std::vector<int> filter_ids;
  };
  std::vector<Task> tasks;
  // Takes the group's prefilter (a new one if no pattern was compiled into it) into *out.
  auto task = [&](const std::string& name, std::unique_ptr<Prefilter>* out) -> Task& {
    Task& t = tasks.emplace_back();
    auto it = filters_.find(name);
    *out =
        it != filters_.end() && it->second ? std::move(it->second) : std::make_unique<Prefilter>();
    t.filter = out->get();
    return t;
  };
  for (int pass : rs.passes_) {
    Task& t = task(fmt::format("pass {}", pass), &rs.pass_filters_[pass]);
    t.indices = rs.pass_rules_[pass];
    for (int i : t.indices) t.filter_ids.push_back(rs.mentions_[i]->filter_id);
  }
  auto all = [&](const auto& v, const std::string& name, std::unique_ptr<Prefilter>* out) {
    Task& t = task(name, out);
    for (size_t i = 0; i < v.size(); ++i) {
      t.filter_ids.push_back(v[i]->filter_id);
      t.indices.push_back(static_cast<int>(i));
    }
  };
  all(rs.dates_, "dates", &rs.date_filter_);
  all(rs.events_, "events", &rs.event_filter_);
  all(rs.attach_, "attachments", &rs.attach_filter_);
  filters_.clear();
  // The groups are independent, so they are built in parallel (their analysis is most of
  // the start-up time).
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

}  // namespace newsgraph
