// The definition sections of a rule file (lists, fragments, languages, event types, the
// gazetteer): phase 2 of RuleLoader (rules/loader.h).
#include <fmt/format.h>

#include <functional>

#include "base/text.h"
#include "rules/loader.h"

namespace newsgraph {

namespace {

// Fills list with words, an array of words or an object of word -> value (a string or an
// integer); the first of equal words wins.
void ReadWords(const rapidjson::Value& words, WordList* list) {
  auto add = [&](const std::string& word, const std::string& value) {
    if (list->value.count(word)) return;
    list->words.push_back(word);
    list->value[word] = value;
    list->folded.emplace(Lowercase(word), value);
  };
  if (words.IsArray()) {
    for (const auto& w : words.GetArray()) {
      if (w.IsString()) add(w.GetString(), "");
    }
    return;
  }
  for (const auto& w : words.GetObject()) {
    if (w.value.IsString()) {
      add(w.name.GetString(), w.value.GetString());
    } else if (w.value.IsInt64()) {
      add(w.name.GetString(), std::to_string(w.value.GetInt64()));
    }
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Phase 2: definitions.

void RuleLoader::CollectDefinitions(const JsonSource& src) {
  ForEachMember(src, "lists", &RuleLoader::AddList);
  ForEachMember(src, "fragments", &RuleLoader::AddFragment);
  ForEachItem(src, "event_types", &RuleLoader::AddEventType);
  ForEachItem(src, "gazetteer", &RuleLoader::AddGazetteerEntry);
  ForEachItem(src, "office_holders", &RuleLoader::AddOfficeHolder);
  ForEachMember(src, "office_sources", &RuleLoader::AddOfficeSource);
}

bool RuleLoader::CheckName(const JsonSource& src, const std::string& pointer,
                           const std::string& name, const char* what) {
  if (IsFragmentName(name)) return true;
  const Location loc = src.KeyAt(pointer);
  diags_->Error(loc,
                fmt::format("'{}' is not a valid {} name (capital letters, digits and _, "
                            "starting with a letter)",
                            name, what),
                src.SourceLine(loc));
  return false;
}

void RuleLoader::AddList(const JsonSource& src, const std::string& name, const std::string& pointer,
                         const rapidjson::Value& words) {
  if (!words.IsArray() && !words.IsObject()) return;  // reported by the schema
  if (!CheckName(src, pointer, name, "list")) return;
  if (rules_->lists_.count(name) || expander_.HasFragment(name)) {
    src.Error(diags_, pointer, fmt::format("'{}' is defined twice", name));
    return;
  }
  WordList list;
  list.name = name;
  list.origin = {src.file(), pointer, src.KeyAt(pointer)};
  ReadWords(words, &list);
  rules_->lists_.emplace(name, std::move(list));
}

void RuleLoader::AddFragment(const JsonSource& src, const std::string& name,
                             const std::string& pointer, const rapidjson::Value& pattern) {
  if (!pattern.IsString()) return;  // reported by the schema
  if (!CheckName(src, pointer, name, "fragment")) return;
  if (IsTokenFragment(name)) {
    src.Error(diags_, pointer,
              fmt::format("'{}' is a built-in token fragment and cannot be redefined", name));
    return;
  }
  if (expander_.HasFragment(name) || rules_->lists_.count(name)) {
    src.Error(diags_, pointer, fmt::format("'{}' is defined twice", name));
    return;
  }
  expander_.AddFragment(name, pattern.GetString(), &src, pointer);
}

void RuleLoader::AddLanguage(const JsonSource& src, const std::string& code,
                             const std::string& pointer, const rapidjson::Value& info) {
  if (!info.IsObject()) return;  // reported by the schema
  auto [it, added] = rules_->languages_.try_emplace(code);
  LanguageInfo& language = it->second;
  if (added) {
    language.code = code;
    language.name = code;
    if (rules_->language_codes_.size() < kMaxLanguages) {
      language.mask = LangMask{1} << rules_->language_codes_.size();
    }
    rules_->language_codes_.push_back(code);
  }
  for (const auto& [key, target] : {std::make_pair("hints", &language.hints),
                                    std::make_pair("abbreviations", &language.abbreviations),
                                    std::make_pair("plural_suffixes", &language.plural_suffixes)}) {
    auto h = info.FindMember(key);
    if (h == info.MemberEnd() || !h->value.IsArray()) continue;
    for (const auto& w : h->value.GetArray()) {
      if (w.IsString()) target->push_back(w.GetString());
    }
  }
  if (auto n = info.FindMember("name"); n != info.MemberEnd() && n->value.IsString()) {
    language.name = n->value.GetString();
  }
  if (auto s = info.FindMember("short_names"); s != info.MemberEnd() && s->value.IsArray()) {
    language.short_name_first = language.short_name_last = false;
    for (const auto& w : s->value.GetArray()) {
      if (!w.IsString()) continue;
      language.short_name_first |= std::string_view(w.GetString()) == "first";
      language.short_name_last |= std::string_view(w.GetString()) == "last";
    }
  }
  for (const auto& [key, target] : {std::make_pair("held_is_past", &language.held_is_past),
                                    std::make_pair("fallback", &language.fallback)}) {
    auto b = info.FindMember(key);
    if (b != info.MemberEnd() && b->value.IsBool()) *target = b->value.GetBool();
  }
  language.origin = {src.file(), pointer, src.KeyAt(pointer)};
}

void RuleLoader::ForEachAlias(const JsonSource& src, const std::string& pointer,
                              const rapidjson::Value& item, LangMask file_lang,
                              const std::function<void(const std::string&, LangMask)>& add) {
  for (const auto& m : item.GetObject()) {
    const std::string_view key = m.name.GetString();
    if (key.substr(0, 7) != "aliases" || !m.value.IsArray()) continue;
    LangMask langs = file_lang;
    if (key != "aliases") {
      if (key.size() < 9 || key[7] != '_') continue;
      langs = rules_->Lang(key.substr(8));
      if (langs == 0) {
        src.Error(diags_, JsonSource::Child(pointer, key),
                  fmt::format("'{}': language '{}' is not declared in any \"languages\" section",
                              key, key.substr(8)));
        continue;
      }
    }
    for (const auto& a : m.value.GetArray()) add(a.GetString(), langs);
  }
}

void RuleLoader::AddEventType(const JsonSource& src, const std::string& pointer,
                              const rapidjson::Value& t, LangMask /*file_lang*/) {
  EventType type;
  type.name = t["type"].GetString();
  if (t.HasMember("cameo")) type.cameo = t["cameo"].GetString();
  if (t.HasMember("plover")) type.plover = t["plover"].GetString();
  if (t.HasMember("label")) type.label = t["label"].GetString();
  if (t.HasMember("parent")) type.parent = t["parent"].GetString();
  if (t.HasMember("placeless")) type.placeless = t["placeless"].GetBool();
  if (t.HasMember("roles")) {
    for (const auto& r : t["roles"].GetArray()) type.roles.push_back(r.GetString());
  }
  type.origin = {src.file(), pointer, src.ValueAt(pointer)};
  if (rules_->types_.count(type.name)) {
    src.Error(diags_, pointer + "/type",
              fmt::format("event type '{}' is defined twice", type.name));
    return;
  }
  rules_->types_.emplace(type.name, std::move(type));
}

void RuleLoader::AddGazetteerEntry(const JsonSource& src, const std::string& pointer,
                                   const rapidjson::Value& g, LangMask file_lang) {
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
  // The name is an alias in the file's languages; an alias listed twice counts once.
  std::set<std::pair<std::string, LangMask>> seen;
  auto add = [&](const std::string& alias, LangMask langs) {
    if (seen.emplace(alias, langs).second) e.aliases.emplace_back(alias, langs);
  };
  add(e.name, file_lang);
  ForEachAlias(src, pointer, g, file_lang, add);
  e.origin = {src.file(), pointer, src.ValueAt(pointer)};
  if (rules_->entry_index_.count(e.id)) {
    src.Error(diags_, pointer + "/id", fmt::format("gazetteer id '{}' is defined twice", e.id));
    return;
  }
  rules_->entry_index_[e.id] = rules_->gazetteer_.size();
  rules_->gazetteer_.push_back(std::move(e));
}

void RuleLoader::ExtendEntry(const JsonSource& src, const std::string& pointer,
                             const rapidjson::Value& x, LangMask file_lang) {
  const std::string id = x["id"].GetString();
  auto entry = rules_->entry_index_.find(id);
  if (entry == rules_->entry_index_.end()) {
    src.Error(diags_, pointer + "/id", fmt::format("'{}' is not a gazetteer id", id));
    return;
  }
  GazetteerEntry& e = rules_->gazetteer_[entry->second];
  ForEachAlias(src, pointer, x, file_lang, [&](const std::string& name, LangMask langs) {
    const std::pair<std::string, LangMask> alias(name, langs);
    if (std::find(e.aliases.begin(), e.aliases.end(), alias) == e.aliases.end()) {
      e.aliases.push_back(alias);
    }
  });
}

void RuleLoader::AddOfficeHolder(const JsonSource& src, const std::string& pointer,
                                 const rapidjson::Value& h, LangMask file_lang) {
  OfficeHolder holder;
  holder.office = h["office"].GetString();
  holder.country = h["country"].GetString();
  holder.person = h["person"].GetString();
  holder.origin = {src.file(), pointer, src.ValueAt(pointer)};
  if (!ParseIsoDate(h["from"].GetString(), &holder.from)) {
    src.Error(diags_, pointer + "/from", "'from' is not a calendar day");
    return;
  }
  if (h.HasMember("to") && h["to"].IsString()) {
    CivilDate to;
    if (!ParseIsoDate(h["to"].GetString(), &to)) {
      src.Error(diags_, pointer + "/to", "'to' is not a calendar day");
      return;
    }
    if (!(holder.from < to)) {
      src.Error(diags_, pointer + "/to", "the term ends before it begins");
      return;
    }
    holder.to = to;
  }
  holder.acting = h.HasMember("acting") && h["acting"].GetBool();
  holder.source = h["source"].GetString();
  rules_->holders_.push_back(std::move(holder));
}

void RuleLoader::AddOfficeSource(const JsonSource& src, const std::string& key,
                                 const std::string& pointer, const rapidjson::Value& source) {
  if (!source.IsObject() || !source.HasMember("url")) return;  // reported by the schema
  if (!rules_->office_sources_.emplace(key, source["url"].GetString()).second) {
    src.Error(diags_, pointer, fmt::format("office source '{}' is defined twice", key));
  }
}

}  // namespace newsgraph
