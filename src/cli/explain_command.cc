// newsgraph explain: the rule author's microscope. For one text: its sentences, the
// stage-1 mentions with their rules, each sentence as every pass rendered it, and the
// events with the rule that fired and the roles it filled.
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "base/calendar.h"
#include "base/text.h"
#include "cli/command.h"
#include "extract/extract.h"
#include "extract/facts.h"
#include "rules/prefilter.h"

namespace newsgraph {

namespace {

// ---------------------------------------------------------------------------------------
// --rule ID

// A rule found by id, with what explain needs to replay it.
struct FoundRule {
  const PatternRule* rule = nullptr;
  const RuleSet::Prefilter* filter = nullptr;  // candidates are indices into its list
  int index = -1;                              // in its list
  std::string what;                            // "mention rule", "date rule", ...
  std::string stage;  // the trace stage whose text it matches ("" = the raw sentence)
};

// Returns the mention, date, event or attachment rule with this id (rule is null if none).
FoundRule FindRule(const RuleSet& rules, const std::string& id) {
  FoundRule found;
  for (size_t i = 0; i < rules.mention_rules().size() && !found.rule; ++i) {
    const MentionRule& r = *rules.mention_rules()[i];
    if (r.id != id) continue;
    found.rule = &r;
    found.what = "mention rule";
    found.stage = fmt::format("pass {}", r.pass);
    found.filter = &rules.pass_prefilter(r.pass);  // its candidates are mention rule indices
    found.index = static_cast<int>(i);
  }
  auto find = [&](const auto& list, const char* kind, const char* seen_in,
                  const RuleSet::Prefilter& f) {
    for (size_t i = 0; i < list.size() && !found.rule; ++i) {
      if (list[i]->id != id) continue;
      found = {list[i].get(), &f, static_cast<int>(i), kind, seen_in};
    }
  };
  find(rules.date_rules(), "date rule", "", rules.date_prefilter());
  find(rules.event_rules(), "event rule", "events", rules.event_prefilter());
  find(rules.attach_rules(), "attachment rule", "events", rules.attach_prefilter());
  return found;
}

// Returns the text the rule sees in sentence s: the raw sentence, or the sentence as the
// rule's stage rendered it ("" if the stage did not run on it).
std::string RuleSubject(const FoundRule& r, const Document& doc, const DocumentFacts& facts,
                        const Trace& trace, size_t s) {
  if (r.stage.empty()) return std::string(facts.sentences[s].span.Of(doc.text));
  std::string subject;
  if (s < trace.sentences.size()) {
    for (const auto& [name, rendered] : trace.sentences[s].renders) {
      if (name == r.stage) subject = rendered;
    }
  }
  return subject;
}

// Returns every match of the rule in subject, left to right.
std::vector<std::string> RuleMatches(const PatternRule& rule, const std::string& subject) {
  std::vector<std::string> matches;
  re2::StringPiece m;
  for (size_t pos = 0; pos <= subject.size() &&
                       rule.re->Match(subject, pos, subject.size(), RE2::UNANCHORED, &m, 1);) {
    matches.push_back(std::string(m.data(), m.size()));
    const size_t end = m.data() - subject.data() + m.size();
    pos = end > pos ? end : pos + 1;
  }
  return matches;
}

// Returns how many facts rule id made in sentence s: evidence of events, the dates and
// places it attached, mentions.
int FactsMade(const std::string& id, const DocumentFacts& facts, size_t s) {
  int made = 0;
  for (const Event& e : facts.events) {
    for (const Evidence& ev : e.evidence) {
      made += ev.rule == id && facts.sentences[s].span.Contains(ev.span);
    }
    made += (e.date_rule == id || e.place_rule == id) && !e.evidence.empty() &&
            facts.sentences[s].span.Contains(e.evidence[0].span);
  }
  for (const Mention& mention : facts.mentions) {
    made += mention.rule == id && mention.sentence == static_cast<int>(s);
  }
  return made;
}

// Prints what the rule did in sentence s: the prefilter's verdict, its matches, the facts
// it made and, when a match made nothing, the likely reasons.
void ExplainRuleInSentence(const FoundRule& r, const std::string& id, const Document& doc,
                           const DocumentFacts& facts, const Trace& trace, size_t s,
                           std::ostream& out) {
  const std::string subject = RuleSubject(r, doc, facts, trace, s);
  if (!r.stage.empty() && subject.empty()) {
    out << fmt::format("  [{}] not run ({} did not run on this sentence)\n", s + 1, r.stage);
    return;
  }
  std::vector<int> candidates;
  r.filter->Candidates(subject, &candidates);
  const bool passed = std::find(candidates.begin(), candidates.end(), r.index) != candidates.end();
  const std::vector<std::string> matches = RuleMatches(*r.rule, subject);
  const int made = FactsMade(id, facts, s);
  out << fmt::format("  [{}] prefilter: {}; {} match(es) in {}; {} fact(s)\n", s + 1,
                     passed ? "runs" : "skips it (no match possible)", matches.size(),
                     r.stage.empty() ? "the text" : r.stage, made);
  for (const std::string& text : matches) out << fmt::format("      match \"{}\"\n", text);
  if (static_cast<int>(matches.size()) > made) {
    out << (r.what == "event rule" ? "      a match made no event: no participant resolved, or a "
                                     "back-reference with nothing to join\n"
            : r.what == "attachment rule"
                ? "      a match attached nothing: no event in the sentence, or a nearer "
                  "or higher-priority candidate won\n"
                : "      a match made no mention: it lost an overlap to a longer or earlier "
                  "match, or its name was trimmed or rejected\n");
  }
}

// Prints why rule `id` did or did not fire in each sentence: whether it applies to the
// language, whether the prefilter let it run, its matches in the text it sees (the raw
// sentence for date rules, the rendered one for the others) and the facts it made there.
// Returns false if no rule has this id.
bool ExplainRule(const RuleSet& rules, const std::string& id, const Document& doc,
                 const DocumentFacts& facts, const Trace& trace, std::ostream& out) {
  const FoundRule r = FindRule(rules, id);
  if (!r.rule) return false;
  const Location& at = r.rule->origin.location;
  out << fmt::format("\nrule {} ({}, {}:{}:{}):\n", id, r.what, at.file, at.line, at.column);
  if ((r.rule->langs & rules.Lang(facts.lang)) == 0) {
    out << fmt::format("  does not apply: the text is '{}' and the rule is for '{}'\n", facts.lang,
                       rules.LangCodes(r.rule->langs));
    return true;
  }
  for (size_t s = 0; s < facts.sentences.size(); ++s) {
    ExplainRuleInSentence(r, id, doc, facts, trace, s, out);
  }
  return true;
}

// ---------------------------------------------------------------------------------------
// The text and what the stages saw

// Reads the text to explain from -f FILE, stdin (-) or the words on the command line.
// Returns false after printing the error.
bool ReadExplainText(const ParsedArgs& args, Document* doc, Io& io) {
  if (args.Has("file")) {
    std::ifstream in(args.Get("file"), std::ios::binary);
    if (!in) {
      io.err << fmt::format("newsgraph explain: cannot read {}\n", args.Get("file"));
      return false;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    doc->text = ss.str();
  } else if (args.positional.size() == 1 && args.positional[0] == "-") {
    std::ostringstream ss;
    ss << io.in.rdbuf();
    doc->text = ss.str();
  } else if (!args.positional.empty()) {
    for (const std::string& p : args.positional) doc->text += (doc->text.empty() ? "" : " ") + p;
  } else {
    io.err << "newsgraph explain: no TEXT given (see newsgraph explain --help)\n";
    return false;
  }
  SanitizeUtf8(&doc->text, nullptr);
  return true;
}

// Reads --dct and --no-metonymy. Returns false after printing the error.
bool ExplainOptionsFromArgs(const ParsedArgs& args, ExtractOptions* options, Io& io) {
  if (args.Has("dct")) {
    CivilDate d;
    if (!ParseIsoDate(args.Get("dct"), &d)) {
      io.err << fmt::format("newsgraph explain: --dct '{}' is not a date\n", args.Get("dct"));
      return false;
    }
    options->default_dct = d;
  }
  options->resolve.metonymy = !args.Has("no-metonymy");
  return true;
}

// Prints the language and date, the warnings, then per sentence its mentions and renders.
void PrintSentences(const Document& doc, const DocumentFacts& facts, const Trace& trace,
                    std::ostream& out) {
  out << fmt::format("language: {}   publication date: {}\n", facts.lang,
                     facts.dct.empty() ? "unknown" : facts.dct);
  for (const std::string& w : facts.warnings) out << "warning: " << w << "\n";
  for (size_t s = 0; s < facts.sentences.size(); ++s) {
    const Span span = facts.sentences[s].span;
    out << fmt::format("\n[{}] sentence {}-{} (paragraph {})\n  {}\n", s + 1, span.begin, span.end,
                       facts.sentences[s].paragraph + 1, span.Of(doc.text));
    for (const Mention& m : facts.mentions) {
      if (m.sentence != static_cast<int>(s)) continue;
      std::string extra;
      if (!m.entity.empty()) extra += " -> " + m.entity;
      if (m.kind == MentionKind::kDate) extra += " = " + TimexToJson(m.timex, "");
      if (m.parent >= 0)
        extra += " (inside " + std::string(facts.mentions[m.parent].span.Of(doc.text)) + ")";
      out << fmt::format("  {:<12} {:<44} {}{}\n", KindName(m.kind),
                         "\"" + std::string(m.span.Of(doc.text)) + "\"", m.rule, extra);
    }
    if (s < trace.sentences.size()) {
      for (const auto& [stage, text] : trace.sentences[s].renders) {
        out << fmt::format("  {:<9}| {}\n", stage, text);
      }
    }
  }
  for (const std::string& n : trace.notes) out << "note: " << n << "\n";
}

// Prints the events with their fields, participants and evidence.
void PrintEvents(const Document& doc, const DocumentFacts& facts, std::ostream& out) {
  out << "\nevents:\n";
  if (facts.events.empty()) out << "  (none)\n";
  for (const Event& ev : facts.events) {
    out << fmt::format("  {} {} modality={}", ev.id, ev.type, ev.modality);
    if (!ev.date.value.empty())
      out << fmt::format(" date={} (\"{}\")", ev.date.value, ev.date_text);
    if (!ev.place.empty()) out << " place=" << ev.place;
    for (const std::string& s : ev.reported_by) out << " reported_by=" << s;
    out << "\n";
    for (const Participant& p : ev.participants) {
      out << fmt::format("      {:<12} {:<36} \"{}\"\n", p.role,
                         p.entity.empty() ? "(unresolved)" : p.entity, p.text);
    }
    for (const Evidence& e : ev.evidence) {
      out << fmt::format("      evidence {}-{} rule {}: \"{}\"\n", e.span.begin, e.span.end, e.rule,
                         e.span.Of(doc.text));
    }
  }
}

int Explain(const ParsedArgs& args, Io& io) {
  Document doc;
  doc.id = "explain";
  doc.origin = "<explain>";
  if (!ReadExplainText(args, &doc, io)) return kExitUsage;
  doc.lang = args.Get("lang");
  ExtractOptions options;
  if (!ExplainOptionsFromArgs(args, &options, io)) return kExitUsage;
  std::unique_ptr<RuleSet> rules = LoadRulesFromArgs(args, LoadOptions(), io);
  if (!rules) return kExitUsage;
  if (args.Has("rule") && !FindRule(*rules, args.Get("rule")).rule) {
    io.err << fmt::format("newsgraph explain: no rule has the id '{}'\n", args.Get("rule"));
    return kExitUsage;
  }
  Extractor extractor(*rules, options);
  Trace trace;
  const DocumentFacts facts = extractor.Extract(doc, &trace);
  if (facts.status != "ok") {
    io.err << "newsgraph explain: " << facts.reason << "\n";
    return kExitUsage;
  }
  PrintSentences(doc, facts, trace, io.out);
  PrintEvents(doc, facts, io.out);
  if (args.Has("rule")) ExplainRule(*rules, args.Get("rule"), doc, facts, trace, io.out);
  return kExitOk;
}

const char kExplainUsage[] =
    "Usage: newsgraph explain [options] TEXT\n"
    "       newsgraph explain [options] -        (text from stdin)\n"
    "       newsgraph explain [options] -f FILE\n\n"
    "Show, for one text, what every stage of the cascade saw: the sentences, the\n"
    "stage-1 mentions with the rule that made each, every sentence as each pass\n"
    "rendered it (mentions as typed tokens), and the events with the rule that\n"
    "fired and the roles it filled.\n\n"
    "Options:\n"
    "  --dct DATE             publication date (YYYY-MM-DD) for relative dates\n"
    "  --lang CODE            the text's language: id, en or another the rules declare\n"
    "                         (default: detected)\n"
    "  -f, --file FILE        read the text from FILE\n"
    "  --no-metonymy          places that act stay places\n"
    "  --rule ID              also show why rule ID did or did not fire in each\n"
    "                         sentence: prefilter, matches, facts it made\n"
    "  --rules DIR, --no-builtin-rules   as for run\n";

}  // namespace

CommandSpec ExplainCommandSpec() {
  std::vector<OptionSpec> options = {{"dct", 0, true},
                                     {"lang", 0, true},
                                     {"file", 'f', true},
                                     {"no-metonymy", 0, false},
                                     {"rule", 0, true}};
  AddRuleOptions(&options);
  return {"explain", "show what every stage saw and which rule fired, for one text", kExplainUsage,
          options, Explain};
}

}  // namespace newsgraph
