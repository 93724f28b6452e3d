// Validation of a rule file against schemas/rules.schema.json, with one diagnostic per
// violation at the file:line:col of the value at fault.
//
//   std::set<std::string> invalid;   // "/events/3": items the loader must skip
//   if (!ValidateRuleFile(src, options.schema_pointers, &diags, &invalid)) ...;
//
// RapidJSON 1.1 stops at the first violation in a document, and an author should see every
// broken rule in one run: the file's top level is validated with the section items
// unconstrained, then every item of every section on its own.
#ifndef NEWSGRAPH_RULES_SCHEMA_H_
#define NEWSGRAPH_RULES_SCHEMA_H_

#include <set>
#include <string>

#include "base/diagnostic.h"
#include "base/json_source.h"

namespace newsgraph {

// Validates the rule file src and adds an error to *diags for every violation; with
// name_pointers, each message ends with the JSON pointer of the value at fault
// (" (at /events/3/kind)"). Inserts into *invalid_items the pointer of every section item
// that fails. Returns true if src is valid.
bool ValidateRuleFile(const JsonSource& src, bool name_pointers, Diagnostics* diags,
                      std::set<std::string>* invalid_items);

}  // namespace newsgraph

#endif  // NEWSGRAPH_RULES_SCHEMA_H_
