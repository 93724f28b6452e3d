// libFuzzer target (issue 13): one rule file through the whole loader — JSON with
// positions, the schema, fragments, re2 compilation, the prefilter — as `lint` and
// `--rules` load it.
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/diagnostic.h"
#include "rules/rules.h"
#include "rules/sources.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  newsgraph::RuleSource source;
  source.rel = "events/fuzz.json";
  source.display = "rules/events/fuzz.json";
  source.text.assign(reinterpret_cast<const char*>(data), size);
  newsgraph::Diagnostics diags;
  newsgraph::LoadRuleSet({source}, newsgraph::LoadOptions(), &diags);
  for (const newsgraph::Diagnostic& d : diags.list()) newsgraph::FormatDiagnostic(d);
  return 0;
}
