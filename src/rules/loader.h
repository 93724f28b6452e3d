// The rule loader behind LoadRuleSet() (rules/rules.h); internal to src/rules, which is why
// it is the one friend of RuleSet. It reads the rule files in phases, and each section of a
// rule file has its own function, as ninja's parser has one Parse*() per statement:
//
//   1. parse every file and validate it against the schema (rules/schema.h);
//   2. collect the definitions of every file (lists, fragments, languages, event types, the
//      gazetteer), then the gazetteer extensions ("extend") of every file;
//   3. check every fragment (rules/expand.h), used or not;
//   4. collect the rules of every file (mentions, dates, events, attachments), each pattern
//      expanded and compiled into the prefilter of its group (rules/prefilter.h);
//   5. check the references between files, then build the lexicon, the passes and the
//      prefilters.
//
//   RuleLoader loader(options, &diags);
//   std::unique_ptr<RuleSet> rules = loader.Load(sources);   // nullptr after any error
//
// Every problem is reported (not only the first): an item that fails the schema is skipped
// and the rest of its file is still read.
#ifndef NEWSGRAPH_RULES_LOADER_H_
#define NEWSGRAPH_RULES_LOADER_H_

#include <rapidjson/document.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostic.h"
#include "base/json_source.h"
#include "rules/expand.h"
#include "rules/prefilter.h"
#include "rules/rules.h"

namespace newsgraph {

class RuleLoader {
 public:
  // Loads with options (which must outlive the loader), reporting problems to *diags.
  RuleLoader(const LoadOptions& options, Diagnostics* diags)
      : options_(options), diags_(diags), rules_(new RuleSet), expander_(rules_->lists_, diags) {}

  // Returns the rule set of sources, or nullptr if any error was reported. Call once.
  std::unique_ptr<RuleSet> Load(const std::vector<RuleSource>& sources);

 private:
  // A reader of one member of an object section ("lists": name -> words).
  using MemberFn = void (RuleLoader::*)(const JsonSource& src, const std::string& name,
                                        const std::string& pointer, const rapidjson::Value& value);
  // A reader of one item of an array section; file_lang is the languages of the file.
  using ItemFn = void (RuleLoader::*)(const JsonSource& src, const std::string& pointer,
                                      const rapidjson::Value& item, LangMask file_lang);
  // Calls read for every member of the object `section` of src.
  void ForEachMember(const JsonSource& src, const char* section, MemberFn read);
  // Calls read for every item of the array `section` of src that passed the schema.
  void ForEachItem(const JsonSource& src, const char* section, ItemFn read);

  // Phase 1: parses and validates every source, keeping those that parse.
  void ParseSources(const std::vector<RuleSource>& sources);
  // Then the languages of every source, each given its bit in declaration order.
  void AddLanguage(const JsonSource& src, const std::string& code, const std::string& pointer,
                   const rapidjson::Value& info);
  // Reports more than one fallback language, or more languages than a LangMask holds.
  void CheckLanguages();
  // Returns the languages of v's "lang" (a code or a list of codes, reported when not
  // declared), or dflt without one.
  LangMask LangOf(const JsonSource& src, const std::string& pointer, const rapidjson::Value& v,
                  LangMask dflt);

  // Phase 2: the definitions of src, one function per section.
  void CollectDefinitions(const JsonSource& src);
  void AddList(const JsonSource& src, const std::string& name, const std::string& pointer,
               const rapidjson::Value& words);
  void AddFragment(const JsonSource& src, const std::string& name, const std::string& pointer,
                   const rapidjson::Value& pattern);
  void AddEventType(const JsonSource& src, const std::string& pointer, const rapidjson::Value& t,
                    LangMask file_lang);
  void AddGazetteerEntry(const JsonSource& src, const std::string& pointer,
                         const rapidjson::Value& g, LangMask file_lang);
  void AddOfficeHolder(const JsonSource& src, const std::string& pointer, const rapidjson::Value& h,
                       LangMask file_lang);
  void AddOfficeSource(const JsonSource& src, const std::string& key, const std::string& pointer,
                       const rapidjson::Value& source);
  // Adds the aliases of an "extend" item to the gazetteer entry it names.
  void ExtendEntry(const JsonSource& src, const std::string& pointer, const rapidjson::Value& x,
                   LangMask file_lang);
  // Returns true if name can name a list or fragment; otherwise reports it as a bad `what`
  // name at its key.
  bool CheckName(const JsonSource& src, const std::string& pointer, const std::string& name,
                 const char* what);

  // Phase 4: the rules of src, one function per section.
  void CollectRules(const JsonSource& src);
  void AddMentionRule(const JsonSource& src, const std::string& pointer, const rapidjson::Value& v,
                      LangMask file_lang);
  void AddDateRule(const JsonSource& src, const std::string& pointer, const rapidjson::Value& v,
                   LangMask file_lang);
  void AddEventRule(const JsonSource& src, const std::string& pointer, const rapidjson::Value& v,
                    LangMask file_lang);
  void AddAttachRule(const JsonSource& src, const std::string& pointer, const rapidjson::Value& v,
                     LangMask file_lang);
  // Reads what rule objects share and compiles the pattern into the prefilter of its group
  // (`filter`: "dates", "events", "attachments" or "pass N"). Returns false (reported) if
  // the pattern does not expand or compile; the rule is then dropped.
  bool Compile(const JsonSource& src, const std::string& pointer, const rapidjson::Value& v,
               LangMask file_lang, const std::string& filter, PatternRule* rule);
  // Reports re2's error for a rule whose pattern does not compile.
  void ReportCompileError(const JsonSource& src, const std::string& pattern_pointer,
                          const PatternRule& rule);
  // Reports a rule id that an earlier rule already has.
  void CheckIdUnique(const JsonSource& src, const std::string& pointer, const std::string& id);
  // Reports a word list named at pointer (a mention's trim or reject) that does not exist.
  void CheckList(const JsonSource& src, const std::string& pointer, const std::string& name);
  // Compiles a mention rule's reject_pattern into rule->reject_word.
  void CompileRejectPattern(const JsonSource& src, const std::string& pointer,
                            const rapidjson::Value& v, MentionRule* rule);
  // Reads the DateSpec keys of v (rules/date_spec.h's table) into rule->spec.
  void ReadDateSpec(const JsonSource& src, const std::string& pointer, const rapidjson::Value& v,
                    DateRule* rule);
  // Reports a group an expression names ("$day", "$month@MONTHS") that the rule's pattern
  // does not have, and a list it names that does not exist.
  void CheckExpression(const JsonSource& src, const std::string& pointer, const DateRule& rule,
                       const std::string& expression);
  // Reads the roles of an event rule; reports a role whose group the pattern lacks.
  void ReadRoles(const JsonSource& src, const std::string& pointer, const rapidjson::Value& v,
                 EventRule* rule);

  // Phase 5: across files.
  void CheckReferences();
  // Reports office holders whose person, country or source is unknown, and terms of one
  // office that overlap.
  void CheckOfficeHolders();
  void CollectPasses();
  void BuildPrefilters();

  // Calls add(alias, langs) for every alias a gazetteer item lists: "aliases" in the file's
  // languages, "aliases_<code>" in that language only.
  void ForEachAlias(const JsonSource& src, const std::string& pointer, const rapidjson::Value& item,
                    LangMask file_lang,
                    const std::function<void(const std::string&, LangMask)>& add);

  // Returns true if the item at pointer of src failed schema validation.
  bool Invalid(const JsonSource& src, const std::string& pointer) const;

  const LoadOptions& options_;
  Diagnostics* diags_;
  std::unique_ptr<RuleSet> rules_;
  std::vector<std::unique_ptr<JsonSource>> sources_;
  std::map<const JsonSource*, std::set<std::string>> invalid_;  // items failing the schema
  std::map<const JsonSource*, LangMask> file_langs_;            // each file's top-level "lang"
  PatternExpander expander_;
  std::map<std::string, std::pair<const JsonSource*, std::string>> rule_ids_;  // id -> where
  // The prefilters being filled, by group; they own the compiled patterns.
  std::map<std::string, std::unique_ptr<Prefilter>> filters_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_RULES_LOADER_H_
