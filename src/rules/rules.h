// The rule set: word lists, fragments, gazetteer, mention / date / event / attachment rules
// and event types, loaded from JSON rule files (schemas/rules.schema.json), validated and
// compiled with re2. Immutable once loaded and shared by all threads.
//
//   std::vector<RuleSource> sources = BuiltinRuleSources();           // rules/sources.h
//   if (!AddRuleDirectory("my-rules", &sources, &diags)) ...;   // same path = replace
//   std::unique_ptr<RuleSet> rules = LoadRuleSet(sources, LoadOptions(), &diags);
//   if (!rules) { print diags; exit 2; }
//   for (const auto& rule : rules->event_rules()) ...;
//
// Patterns use {NAME} to insert a fragment or a word list (as an alternation), and the
// typed tokens of earlier stages: {PER} {ORG} {GPE} {LOC} {SRC} {TITLE} {DATE}
// (rules/expand.h). Each group of rules has a prefilter that says which of its rules may
// match a text (rules/prefilter.h). The loader is rules/loader.h, the schema check
// rules/schema.h.
#ifndef NEWSGRAPH_RULES_H_
#define NEWSGRAPH_RULES_H_

#include <re2/re2.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/calendar.h"
#include "base/diagnostic.h"
#include "base/files.h"
#include "base/vocabulary.h"
#include "rules/date_spec.h"
#include "rules/sources.h"

namespace newsgraph {

class Lexicon;
class Prefilter;

// The most links followed along a part_of (or parent) chain: a guard against cycles, which
// the loader does not reject.
constexpr int kMaxChainDepth = 16;

// Where a rule or entry came from, for diagnostics and provenance.
struct Origin {
  std::string file;     // display path, e.g. "rules/events/meet.json"
  std::string pointer;  // JSON pointer of the rule in its file
  Location location;    // where the rule object starts
};

// A word list ("lists" in a rule file): words in file order, each with an optional value.
struct WordList {
  std::string name;
  Origin origin;
  std::vector<std::string> words;                       // in file order
  std::unordered_map<std::string, std::string> value;   // word -> value ("" if none)
  std::unordered_map<std::string, std::string> folded;  // lowercase word -> value

  // Looks up word exactly, then case-insensitively. Returns false if absent.
  bool Lookup(std::string_view word, std::string* out) const;
};

// A named entity or place of the gazetteer, with its aliases per language.
struct GazetteerEntry {
  std::string id;
  MentionKind kind = MentionKind::kPlace;
  std::string name;
  std::string type;        // city, region, intergovernmental, ...
  std::string part_of;     // containing place / country id
  std::string metonym_of;  // the actor it stands for as a subject ("Kremlin" -> gpe:russia)
  std::vector<std::pair<std::string, LangMask>> aliases;
  std::map<std::string, std::string> external;  // "iso3166" -> "RU"
  Origin origin;
};

// What all pattern rules share.
struct PatternRule {
  std::string id;
  Origin origin;
  LangMask langs = kLangAny;
  std::string description;
  std::string source;    // the pattern as written
  std::string expanded;  // after {FRAGMENT} expansion
  // The compiled pattern. It is owned by the prefilter of the rule's group (re2's
  // FilteredRE2 compiles every pattern it is given; one compile per rule, not two).
  const RE2* re = nullptr;
  int filter_id = -1;                 // the pattern's index in that prefilter
  std::map<std::string, int> groups;  // named group -> index
  int priority = 0;                   // higher wins among equal-length overlaps

  // Returns the index of a named group, or -1.
  int Group(std::string_view name) const;
};

// A stage-1 rule that makes a mention (titles, names, references).
// Groups: `span` (the mention, if not the whole match), `name` (the part that names the
// entity), `title` (a title mention to attach), `of` (the organisation or country the title
// belongs to), `about` (the topic of an expertise title: "pakar Rusia").
struct MentionRule : PatternRule {
  MentionKind kind = MentionKind::kPerson;
  int pass = 1;
  std::string trim_list;             // words trimmed off the ends of the name group
  std::string reject_list;           // a name holding any of these words is not a match
  std::unique_ptr<RE2> reject_word;  // ... nor one holding a word this matches entirely
  std::string entity;                // fixed entity id, if any
  std::string refers;       // "antecedent", "subject" (a pronoun), "pair": a reference (entities.h)
  std::string refers_type;  // gazetteer types the antecedent may have ("region|province")
};

// A stage-1 rule that finds a date; its DateSpec says what the match means.
struct DateRule : PatternRule {
  DateSpec spec;
};

// A stage-2 rule that makes an event. `roles` maps named groups to participant roles;
// groups named `date`, `place`, `source`, `trigger`, `span` (the evidence, if not the whole
// match) and modality groups (`planned`, `negated`, `denied`) have fixed meanings.
struct EventRule : PatternRule {
  std::string type;
  std::map<std::string, std::string> roles;  // group -> role
  std::string modality = "held";
  bool anaphoric = false;    // a back-reference ("pertemuan tersebut") joining an earlier event
  int min_participants = 1;  // fewer resolved participants: no event
};

// A rule that finds a date, place or source for events in the same sentence.
struct AttachRule : PatternRule {
  std::string slot;  // "date", "place", "source", or "exclude" (never attach these)
  // Events in any clause of the sentence may take the mention, not only those of its own
  // clause: the closing date of an Indonesian report (", Sabtu (23/8/2025).").
  bool whole_sentence = false;
};

// An event type ("event_types"): its codes, its roles and the type it refines.
struct EventType {
  std::string name;
  std::string label;
  std::string cameo;
  std::string plover;
  std::string parent;  // a more general type this one refines (call -> consult)
  bool placeless = false;  // happens in no one place (a call): no place is attached
  std::vector<std::string> roles;
  Origin origin;
};

// Who held an office of a country from when to when ("office_holders"): a bare title
// resolves to the holder at a date.
struct OfficeHolder {
  std::string office;   // head_of_state, head_of_government, foreign_minister, defence_minister
  std::string country;  // gpe:...
  std::string person;   // a gazetteer person id
  CivilDate from;       // the first day in office
  std::optional<CivilDate> to;  // the successor's first day; none: still in office
  bool acting = false;
  std::string source;  // a key of the office sources
  Origin origin;
};

// What a rule file says about a language ("languages").
struct LanguageInfo {
  std::string code;                        // "id"
  std::string name;                        // "Indonesian", for messages
  LangMask mask = 0;                       // its bit
  std::vector<std::string> hints;          // frequent words that identify the language
  std::vector<std::string> abbreviations;  // tokens ending in '.' that do not end a sentence
  // Which words of a person's full name stand alone for it later in a text ("first",
  // "last"): Indonesian news names people by either, English by the surname.
  bool short_name_first = false;
  bool short_name_last = true;
  // The language tells the past by its verb: an event told as held whose year-less date
  // would fall after the publication date is last year's, not a planned one.
  bool held_is_past = false;
  // Endings of a plural title word ("leaders" -> "leader") when a title names several.
  std::vector<std::string> plural_suffixes;
  // The language of a text whose language is not recognised (one language at most).
  bool fallback = false;
  Origin origin;  // where it is first declared
};

// The loaded rules, made by LoadRuleSet() (the loader is its one friend); read-only after.
class RuleSet {
 public:
  RuleSet();
  ~RuleSet();
  RuleSet(const RuleSet&) = delete;
  RuleSet& operator=(const RuleSet&) = delete;

  // Return the rules and gazetteer entries in file order, the lists and languages by name,
  // and the rule files the set was loaded from.
  const std::vector<std::unique_ptr<MentionRule>>& mention_rules() const { return mentions_; }
  const std::vector<std::unique_ptr<DateRule>>& date_rules() const { return dates_; }
  const std::vector<std::unique_ptr<EventRule>>& event_rules() const { return events_; }
  const std::vector<std::unique_ptr<AttachRule>>& attach_rules() const { return attach_; }
  const std::vector<GazetteerEntry>& gazetteer() const { return gazetteer_; }
  const std::map<std::string, WordList>& lists() const { return lists_; }
  const std::map<std::string, std::string>& fragments() const { return fragments_; }
  const std::map<std::string, LanguageInfo>& languages() const { return languages_; }
  // Returns the language codes in the order the rule set declares them.
  const std::vector<std::string>& language_codes() const { return language_codes_; }
  // Returns the bit of a declared language code, 0 if the code is not declared.
  LangMask Lang(std::string_view code) const;
  // Returns the language of a single bit, or nullptr.
  const LanguageInfo* Language(LangMask single) const;
  // Returns the code of a single bit ("" if none).
  std::string LangCode(LangMask single) const;
  // Returns the codes of the languages in mask: "id", "id, en".
  std::string LangCodes(LangMask mask) const;
  // Returns the names of the languages in mask: "Indonesian", "Indonesian or English".
  std::string LangNames(LangMask mask) const;
  // Returns the language of texts whose language is not recognised.
  const LanguageInfo* FallbackLanguage() const;
  const std::vector<RuleSource>& sources() const { return sources_; }

  // Returns the mention passes in order (distinct `pass` values).
  const std::vector<int>& passes() const { return passes_; }

  // Returns the gazetteer entry with this id, or nullptr.
  const GazetteerEntry* Entry(std::string_view id) const;
  // Returns the event type, or nullptr.
  const EventType* Type(std::string_view name) const;
  // Returns the event types by name.
  const std::map<std::string, EventType>& event_types() const { return types_; }
  // Returns every office holder, in file order.
  const std::vector<OfficeHolder>& office_holders() const { return holders_; }
  // Returns who held office of country on date, or nullptr. Terms are half-open
  // [from, to): on a handover day the successor holds the office.
  const OfficeHolder* OfficeHolderAt(std::string_view office, std::string_view country,
                                     const CivilDate& date) const;
  // Returns the word list, or nullptr.
  const WordList* List(std::string_view name) const;
  // Returns the city or capital a venue lies in through part_of links (Istana Merdeka ->
  // Central Jakarta, Oval Office -> Washington), or "" for a place that is no venue.
  std::string CityOf(std::string_view place) const;
  // Returns true if `outer` contains place `inner` through part_of links (or they are equal).
  bool PlaceWithin(std::string_view inner, std::string_view outer) const;

  // Returns the gazetteer's alias matcher.
  const Lexicon& lexicon() const { return *lexicon_; }

  // Returns the prefilter of a group of rules (rules/prefilter.h): Candidates() gives the
  // indices of the group's rules that may match a text.
  using Prefilter = ::newsgraph::Prefilter;
  const Prefilter& date_prefilter() const { return *date_filter_; }
  const Prefilter& pass_prefilter(int pass) const;
  const Prefilter& event_prefilter() const { return *event_filter_; }
  const Prefilter& attach_prefilter() const { return *attach_filter_; }
  // Returns the rule indices (into mention_rules()) of a pass, in file order.
  const std::vector<int>& pass_rules(int pass) const;

 private:
  friend class RuleLoader;  // rules/loader.h fills the rule set

  std::vector<RuleSource> sources_;
  std::map<std::string, WordList> lists_;
  std::map<std::string, std::string> fragments_;
  std::map<std::string, LanguageInfo> languages_;
  std::vector<GazetteerEntry> gazetteer_;
  std::unordered_map<std::string, size_t> entry_index_;
  std::vector<std::unique_ptr<MentionRule>> mentions_;
  std::vector<std::unique_ptr<DateRule>> dates_;
  std::vector<std::unique_ptr<EventRule>> events_;
  std::vector<std::unique_ptr<AttachRule>> attach_;
  std::map<std::string, EventType> types_;
  std::vector<OfficeHolder> holders_;
  std::vector<std::string> language_codes_;            // declaration order; code i has bit 1 << i
  std::map<std::string, std::string> office_sources_;  // key -> url
  std::vector<int> passes_;
  std::map<int, std::vector<int>> pass_rules_;
  // The prefilters own the rules' compiled patterns.
  std::map<int, std::unique_ptr<Prefilter>> pass_filters_;
  std::unique_ptr<Prefilter> date_filter_, event_filter_, attach_filter_;
  std::unique_ptr<Lexicon> lexicon_;
};

// Options for loading.
struct LoadOptions {
  // Largest re2 program (ProgramSize) a rule may compile to before lint warns.
  int max_program_size = 20000;
  // Report warnings (lint); loading for extraction keeps only errors.
  bool warnings = false;
  // End schema errors with the JSON pointer of the value at fault, " (at /events/3/kind)"
  // (lint: the pointer says which rule object, where a long file has many alike).
  bool schema_pointers = false;
};

// Validates and compiles the rule files. Every problem is added to *diags (all of them, not
// only the first); returns nullptr if there was any error.
std::unique_ptr<RuleSet> LoadRuleSet(const std::vector<RuleSource>& sources,
                                     const LoadOptions& options, Diagnostics* diags);

}  // namespace newsgraph

#endif  // NEWSGRAPH_RULES_H_
