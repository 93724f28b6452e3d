#include "base/diagnostic.h"

#include <fmt/format.h>

#include <algorithm>

namespace newsgraph {

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kNote:
      return "note";
  }
  return "error";
}

std::string FormatDiagnostic(const Diagnostic& d) {
  std::string out = d.location.file;
  if (d.location.line > 0) {
    out += fmt::format(":{}", d.location.line);
    if (d.location.column > 0) out += fmt::format(":{}", d.location.column);
  }
  out += fmt::format(": {}: {}\n", SeverityName(d.severity), d.message);
  // A line longer than this (minified or hostile JSON) is not shown: file:line:col says
  // where, and a 300 KB line on stderr helps no one.
  constexpr size_t kMaxShownLine = 500;
  if (!d.source_line.empty() && d.location.column > 0 && d.source_line.size() <= kMaxShownLine) {
    out += "  " + d.source_line + "\n  ";
    // The caret sits under the column; tabs in the source line are kept so it aligns.
    const size_t col = static_cast<size_t>(d.location.column) - 1;
    for (size_t i = 0; i < col && i < d.source_line.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(d.source_line[i]);
      if (c == '\t') {
        out += '\t';
      } else if ((c & 0xC0) != 0x80) {
        out += ' ';  // one space per code point, not per byte
      }
    }
    out += "^\n";
  }
  return out;
}

void Diagnostics::Error(Location loc, std::string message, std::string source_line) {
  list_.push_back({Severity::kError, std::move(loc), std::move(message), std::move(source_line)});
}

void Diagnostics::Warning(Location loc, std::string message, std::string source_line) {
  list_.push_back({Severity::kWarning, std::move(loc), std::move(message), std::move(source_line)});
}

int Diagnostics::error_count() const {
  int n = 0;
  for (const Diagnostic& d : list_) n += d.severity == Severity::kError;
  return n;
}

void Diagnostics::SortFrom(size_t from, const std::vector<std::string>& files) {
  auto file_index = [&](const std::string& f) {
    for (size_t i = 0; i < files.size(); ++i) {
      if (files[i] == f) return i;
    }
    return files.size();
  };
  std::stable_sort(list_.begin() + std::min(from, list_.size()), list_.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) {
                     const size_t fa = file_index(a.location.file);
                     const size_t fb = file_index(b.location.file);
                     if (fa != fb) return fa < fb;
                     if (a.location.line != b.location.line)
                       return a.location.line < b.location.line;
                     return a.location.column < b.location.column;
                   });
}

void Diagnostics::Append(const Diagnostics& other) {
  list_.insert(list_.end(), other.list_.begin(), other.list_.end());
}

}  // namespace newsgraph
