// libFuzzer target (issue 13): Extract of one document with the built-in rules — sentences,
// dates, both mention stages, events and resolution — on text repaired as the reader
// repairs it (valid UTF-8).
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/diagnostic.h"
#include "base/text.h"
#include "extract/extract.h"
#include "extract/facts.h"
#include "rules/rules.h"
#include "rules/sources.h"

namespace {

const newsgraph::Extractor& TheExtractor() {
  static const newsgraph::Extractor* extractor = [] {
    newsgraph::Diagnostics diags;
    auto* rules =
        newsgraph::LoadRuleSet(newsgraph::BuiltinRuleSources(), newsgraph::LoadOptions(), &diags)
            .release();
    return new newsgraph::Extractor(*rules, newsgraph::ExtractOptions());
  }();
  return *extractor;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;  // long inputs only slow the search down
  newsgraph::Document doc;
  doc.id = "fuzz";
  doc.text.assign(reinterpret_cast<const char*>(data), size);
  newsgraph::SanitizeUtf8(&doc.text, nullptr);
  // The first byte picks the language, so both rule sets are searched.
  doc.lang = size > 0 && (data[0] & 1) ? "en" : "id";
  const newsgraph::DocumentFacts facts = TheExtractor().Extract(doc);
  newsgraph::FactsToJson(facts, doc.text, TheExtractor().rules());
  return 0;
}
