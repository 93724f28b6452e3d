// Extraction: one document in, its facts out — a pure function of the document, the rule
// set and the options (no clock, no globals), so documents can be processed in any order,
// on any number of threads or machines.
//
//   Extractor extractor(rules, options);
//   DocumentFacts facts = extractor.Extract(doc);
#ifndef NEWSGRAPH_EXTRACT_H_
#define NEWSGRAPH_EXTRACT_H_

#include <optional>
#include <string>

#include "base/stage_timer.h"
#include "extract/events.h"
#include "extract/mentions.h"
#include "extract/model.h"
#include "extract/resolve.h"
#include "extract/sentences.h"
#include "rules/rules.h"

namespace newsgraph {

struct ExtractOptions {
  // Publication date for documents that carry none (--dct).
  std::optional<CivilDate> default_dct;
  ResolveOptions resolve;
};

// Returns the language of text by counting the `hints` words of each language in the rule
// set; 0 if no hint word occurs.
LangMask DetectLanguage(std::string_view text, const RuleSet& rules);

class Extractor {
 public:
  Extractor(const RuleSet& rules, const ExtractOptions& options);

  // Returns the facts of doc. A document that cannot be processed (a language without
  // rules) comes back with status "skipped" and a reason. If trace is not null, it records
  // what every stage saw (for `explain`); if timer is not null, every stage starts and stops
  // on it (base/stage_timer.h: "language, dct", "split", "stage 1 pass" 0..n, "stage 1 aliases",
  // "stage 1 groups", "stage 2", "resolution entities", "resolution events").
  DocumentFacts Extract(const Document& doc, Trace* trace = nullptr,
                        StageTimer* timer = nullptr) const;

  const RuleSet& rules() const { return rules_; }

 private:
  const RuleSet& rules_;
  ExtractOptions options_;
  SentenceSplitter splitter_;
  MentionFinder mentions_;
  EventFinder events_;
  Resolver resolver_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_H_
