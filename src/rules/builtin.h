// Files compiled into the binary: the built-in rule set (rules/) and the schemas (schemas/).
//
//   for (const EmbeddedFile& f : BuiltinRuleFiles()) Use(f.path, f.content);
//
// The generated definitions live in the build tree (tools/embed_*.cmake).
#ifndef NEWSGRAPH_BUILTIN_H_
#define NEWSGRAPH_BUILTIN_H_

#include <string_view>
#include <vector>

namespace newsgraph {

struct EmbeddedFile {
  std::string_view path;     // relative to rules/, with '/' separators
  std::string_view content;  // the file's bytes
};

// Returns the files of rules/ (rule files and their tests), sorted by path.
const std::vector<EmbeddedFile>& BuiltinRuleFiles();

// Returns schemas/rules.schema.json.
std::string_view RulesSchemaText();

// Returns schemas/context.jsonld, the JSON-LD context written inline into graph.jsonld.
std::string_view JsonLdContextText();

}  // namespace newsgraph

#endif  // NEWSGRAPH_BUILTIN_H_
