// Reading files and listing directories, the file-system access the library needs.
//
//   std::string text;
//   if (!ReadWholeFile("rules/meet.json", &text)) ...;
//   std::vector<std::string> files;
//   ListFiles("rules", [](const std::string& name) { return IsJson(name); }, &files, &diags);
#ifndef NEWSGRAPH_BASE_FILES_H_
#define NEWSGRAPH_BASE_FILES_H_

#include <functional>
#include <string>
#include <vector>

#include "base/diagnostic.h"

namespace newsgraph {

// Returns the text of a file (false if it cannot be read).
bool ReadWholeFile(const std::string& path, std::string* out);

// Fills *files with the paths (relative to dir, sorted) of the regular files under dir,
// recursively, whose file name `keep` accepts. Returns false (with a diagnostic) if dir
// cannot be read.
bool ListFiles(const std::string& dir, const std::function<bool(const std::string&)>& keep,
               std::vector<std::string>* files, Diagnostics* diags);

}  // namespace newsgraph

#endif  // NEWSGRAPH_BASE_FILES_H_
