// Problems found in rule files and inputs, as values with a location. The library collects
// them; only the CLI prints them.
//
//   Diagnostics diags;
//   diags.Error({"rules/meet.json", 12, 17}, "unknown fragment {PERSN}", source_line);
//   for (const Diagnostic& d : diags.list()) std::cerr << FormatDiagnostic(d);
#ifndef NEWSGRAPH_DIAGNOSTIC_H_
#define NEWSGRAPH_DIAGNOSTIC_H_

#include <string>
#include <vector>

namespace newsgraph {

// Where a problem is: file, 1-based line and column (in code points). line 0 = the whole
// file.
struct Location {
  std::string file;
  int line = 0;
  int column = 0;
};

enum class Severity { kError, kWarning, kNote };

struct Diagnostic {
  Severity severity = Severity::kError;
  Location location;
  std::string message;
  std::string source_line;  // the line at location, shown under the message with a caret
};

// Returns "file:line:col: error: message\n  <source line>\n  <caret>\n" (the last two lines
// only when there is a source line of at most 500 bytes).
std::string FormatDiagnostic(const Diagnostic& d);

// Returns "error", "warning" or "note".
const char* SeverityName(Severity s);

// An ordered collection of diagnostics.
class Diagnostics {
 public:
  void Add(Diagnostic d) { list_.push_back(std::move(d)); }
  void Error(Location loc, std::string message, std::string source_line = "");
  void Warning(Location loc, std::string message, std::string source_line = "");

  const std::vector<Diagnostic>& list() const { return list_; }
  bool empty() const { return list_.empty(); }
  // Returns the number of errors (not warnings).
  int error_count() const;
  bool has_errors() const { return error_count() > 0; }

  // Appends all diagnostics of other.
  void Append(const Diagnostics& other);

  // Orders the diagnostics from index `from` on by file (in the order of `files`), line
  // and column, keeping the order of equal positions: the order a reader scans a file.
  void SortFrom(size_t from, const std::vector<std::string>& files);

 private:
  std::vector<Diagnostic> list_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_DIAGNOSTIC_H_
