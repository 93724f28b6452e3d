// newsgraph explain: the rule author's microscope. For one text: its sentences, the
// stage-1 mentions with their rules, each sentence as every pass rendered it, and the
// events with the rule that fired and the roles it filled.
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "extract/extract.h"
#include "extract/facts.h"
#include "rules/prefilter.h"

namespace newsgraph {

namespace {

// Prints why rule `id` did or did not fire in each sentence: whether it applies to the
// language, whether the prefilter let it run, its matches in the text it sees (the raw
// sentence for date rules, the rendered one for the others) and the facts it made there.
// Returns false if no rule has this id.
bool ExplainRule(const RuleSet& rules, const std::string& id, const Document& doc,
                 const DocumentFacts& facts, const Trace& trace, std::ostream& out) {
  const PatternRule* rule = nullptr;
  const RuleSet::Prefilter* filter = nullptr;
  std::string what, stage;
  int index = -1;
  for (size_t i = 0; i < rules.mention_rules().size() && !rule; ++i) {
    const MentionRule& r = *rules.mention_rules()[i];
    if (r.id != id) continue;
    rule = &r;
    what = "mention rule";
    stage = fmt::format("pass {}", r.pass);
    filter = &rules.pass_prefilter(r.pass);  // its candidates are mention rule indices
    index = static_cast<int>(i);
  }
  auto find = [&](const auto& list, const char* kind, const char* seen_in,
                  const RuleSet::Prefilter& f) {
    for (size_t i = 0; i < list.size() && !rule; ++i) {
      if (list[i]->id != id) continue;
      rule = list[i].get();
      what = kind;
      stage = seen_in;
      filter = &f;
      index = static_cast<int>(i);
    }
  };
  find(rules.date_rules(), "date rule", "", rules.date_prefilter());
  find(rules.event_rules(), "event rule", "events", rules.event_prefilter());
  find(rules.attach_rules(), "attachment rule", "events", rules.attach_prefilter());
  if (!rule) return false;
  const Location& at = rule->origin.location;
  out << fmt::format("\nrule {} ({}, {}:{}:{}):\n", id, what, at.file, at.line, at.column);
  if ((rule->langs & LangFromCode(facts.lang)) == 0) {
    out << fmt::format("  does not apply: the text is '{}' and the rule is for '{}'\n", facts.lang,
                       rule->langs == kLangId ? "id" : "en");
    return true;
  }
  std::vector<int> candidates;
  for (size_t s = 0; s < facts.sentences.size(); ++s) {
    std::string subject(facts.sentences[s].span.Of(doc.text));
    if (!stage.empty()) {
      subject.clear();
      if (s < trace.sentences.size()) {
        for (const auto& [name, rendered] : trace.sentences[s].renders) {
          if (name == stage) subject = rendered;
        }
      }
      if (subject.empty()) {
        out << fmt::format("  [{}] not run ({} did not run on this sentence)\n", s + 1, stage);
        continue;
      }
    }
    filter->Candidates(subject, &candidates);
    const bool passed = std::find(candidates.begin(), candidates.end(), index) != candidates.end();
    std::vector<std::string> matches;
    re2::StringPiece m;
    for (size_t pos = 0; pos <= subject.size() &&
                         rule->re->Match(subject, pos, subject.size(), RE2::UNANCHORED, &m, 1);) {
      matches.push_back(std::string(m.data(), m.size()));
      const size_t end = m.data() - subject.data() + m.size();
      pos = end > pos ? end : pos + 1;
    }
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
    out << fmt::format("  [{}] prefilter: {}; {} match(es) in {}; {} fact(s)\n", s + 1,
                       passed ? "runs" : "skips it (no match possible)", matches.size(),
                       stage.empty() ? "the text" : stage, made);
    for (const std::string& text : matches) out << fmt::format("      match \"{}\"\n", text);
    if (static_cast<int>(matches.size()) > made) {
      out << (what == "event rule" ? "      a match made no event: no participant resolved, or a "
                                     "back-reference with nothing to join\n"
              : what == "attachment rule"
                  ? "      a match attached nothing: no event in the sentence, or a nearer "
                    "or higher-priority candidate won\n"
                  : "      a match made no mention: it lost an overlap to a longer or earlier "
                    "match, or its name was trimmed or rejected\n");
    }
  }
  return true;
}

}  // namespace

int CmdExplain(const std::vector<std::string>& argv, Io& io) {
  std::vector<OptionSpec> specs = {{"dct", 0, true},          {"lang", 0, true},
                                   {"file", 'f', true},       {"help", 'h', false},
                                   {"no-metonymy", 0, false}, {"rule", 0, true}};
  AddRuleOptions(&specs);
  ParsedArgs args;
  std::string error;
  if (!ParseArgs(argv, specs, &args, &error)) {
    io.err << "newsgraph explain: " << error << "\n(see newsgraph explain --help)\n";
    return kExitUsage;
  }
  if (args.Has("help")) {
    io.out << "Usage: newsgraph explain [options] TEXT\n"
              "       newsgraph explain [options] -        (text from stdin)\n"
              "       newsgraph explain [options] -f FILE\n\n"
              "Show, for one text, what every stage of the cascade saw: the sentences, the\n"
              "stage-1 mentions with the rule that made each, every sentence as each pass\n"
              "rendered it (mentions as typed tokens), and the events with the rule that\n"
              "fired and the roles it filled.\n\n"
              "Options:\n"
              "  --dct DATE             publication date (YYYY-MM-DD) for relative dates\n"
              "  --lang id|en           the text's language (default: detected)\n"
              "  -f, --file FILE        read the text from FILE\n"
              "  --no-metonymy          places that act stay places\n"
              "  --rule ID              also show why rule ID did or did not fire in each\n"
              "                         sentence: prefilter, matches, facts it made\n"
           << "  --rules DIR, --no-builtin-rules   as for run\n";
    return kExitOk;
  }
  Document doc;
  doc.id = "explain";
  doc.origin = "<explain>";
  if (args.Has("file")) {
    std::ifstream in(args.Get("file"), std::ios::binary);
    if (!in) {
      io.err << fmt::format("newsgraph explain: cannot read {}\n", args.Get("file"));
      return kExitUsage;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    doc.text = ss.str();
  } else if (args.positional.size() == 1 && args.positional[0] == "-") {
    std::ostringstream ss;
    ss << io.in.rdbuf();
    doc.text = ss.str();
  } else if (!args.positional.empty()) {
    for (const std::string& p : args.positional) doc.text += (doc.text.empty() ? "" : " ") + p;
  } else {
    io.err << "newsgraph explain: no TEXT given (see newsgraph explain --help)\n";
    return kExitUsage;
  }
  SanitizeUtf8(&doc.text, nullptr);
  doc.lang = args.Get("lang");
  ExtractOptions options;
  if (args.Has("dct")) {
    CivilDate d;
    if (!ParseIsoDate(args.Get("dct"), &d)) {
      io.err << fmt::format("newsgraph explain: --dct '{}' is not a date\n", args.Get("dct"));
      return kExitUsage;
    }
    options.default_dct = d;
  }
  options.resolve.metonymy = !args.Has("no-metonymy");
  std::unique_ptr<RuleSet> rules = LoadRulesFromArgs(args, LoadOptions(), io);
  if (!rules) return kExitUsage;
  if (args.Has("rule")) {
    bool known = false;
    auto scan = [&](const auto& list) {
      for (const auto& r : list) known |= r->id == args.Get("rule");
    };
    scan(rules->mention_rules());
    scan(rules->date_rules());
    scan(rules->event_rules());
    scan(rules->attach_rules());
    if (!known) {
      io.err << fmt::format("newsgraph explain: no rule has the id '{}'\n", args.Get("rule"));
      return kExitUsage;
    }
  }
  Extractor extractor(*rules, options);
  Trace trace;
  const DocumentFacts facts = extractor.Extract(doc, &trace);
  if (facts.status != "ok") {
    io.err << "newsgraph explain: " << facts.reason << "\n";
    return kExitUsage;
  }
  std::ostream& out = io.out;
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
  if (args.Has("rule")) ExplainRule(*rules, args.Get("rule"), doc, facts, trace, out);
  return kExitOk;
}

}  // namespace newsgraph
