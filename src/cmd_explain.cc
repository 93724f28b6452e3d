// newsgraph explain: the rule author's microscope. For one text: its sentences, the
// stage-1 mentions with their rules, each sentence as every pass rendered it, and the
// events with the rule that fired and the roles it filled.
#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "commands.h"
#include "extract.h"
#include "facts.h"

namespace newsgraph {

int CmdExplain(const std::vector<std::string>& argv, Io& io) {
  std::vector<OptionSpec> specs = {{"dct", 0, true}, {"lang", 0, true}, {"file", 'f', true},
                                   {"help", 'h', false}, {"no-metonymy", 0, false}};
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
    out << fmt::format("\n[{}] sentence {}-{} (paragraph {})\n  {}\n", s + 1, span.begin,
                       span.end, facts.sentences[s].paragraph + 1, span.Of(doc.text));
    for (const Mention& m : facts.mentions) {
      if (m.sentence != static_cast<int>(s)) continue;
      std::string extra;
      if (!m.entity.empty()) extra += " -> " + m.entity;
      if (m.kind == MentionKind::kDate) extra += " = " + TimexToJson(m.timex, "");
      if (m.parent >= 0) extra += " (inside " + std::string(facts.mentions[m.parent].span.Of(doc.text)) + ")";
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
    if (!ev.date.value.empty()) out << fmt::format(" date={} (\"{}\")", ev.date.value, ev.date_text);
    if (!ev.place.empty()) out << " place=" << ev.place;
    for (const std::string& s : ev.reported_by) out << " reported_by=" << s;
    out << "\n";
    for (const Participant& p : ev.participants) {
      out << fmt::format("      {:<12} {:<36} \"{}\"\n", p.role,
                         p.entity.empty() ? "(unresolved)" : p.entity, p.text);
    }
    for (const Evidence& e : ev.evidence) {
      out << fmt::format("      evidence {}-{} rule {}: \"{}\"\n", e.span.begin, e.span.end,
                         e.rule, e.span.Of(doc.text));
    }
  }
  return kExitOk;
}

}  // namespace newsgraph
