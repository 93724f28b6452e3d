#include "extract/document.h"

#include <fmt/format.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "base/html.h"
#include "base/json_source.h"
#include "base/text.h"

namespace newsgraph {

namespace fs = std::filesystem;

namespace {

bool HasSuffix(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix.data(), suffix.size()) == 0;
}

bool IsJsonLines(const std::string& path) {
  return HasSuffix(path, ".jsonl") || HasSuffix(path, ".ndjson");
}

void StripBom(std::string* s) {
  if (s->size() >= 3 && (*s)[0] == '\xEF' && (*s)[1] == '\xBB' && (*s)[2] == '\xBF') {
    s->erase(0, 3);
  }
}

std::string StripTextExtension(const std::string& name) {
  return HasSuffix(name, ".txt") ? name.substr(0, name.size() - 4) : name;
}

}  // namespace

bool ParseJsonLine(std::string_view line, const std::string& origin, const std::string& fallback_id,
                   Document* doc, std::string* reason) {
  rapidjson::Document d;
  std::string error;
  size_t offset = 0;
  if (!ParseOneJsonValue(line, &d, &error, &offset)) {
    *reason = fmt::format("column {}: invalid JSON: {}", offset + 1, error);
    return false;
  }
  if (!d.IsObject()) {
    *reason = "a JSON Lines record must be an object";
    return false;
  }
  auto str = [&](const char* key, std::string* out, bool required) -> bool {
    auto it = d.FindMember(key);
    if (it == d.MemberEnd() || it->value.IsNull()) {
      if (required) *reason = fmt::format("no \"{}\" field", key);
      return !required;
    }
    if (it->value.IsString()) {
      out->assign(it->value.GetString(), it->value.GetStringLength());
      return true;
    }
    if (std::string_view(key) == "id" && (it->value.IsInt64() || it->value.IsUint64())) {
      *out = it->value.IsInt64() ? std::to_string(it->value.GetInt64())
                                 : std::to_string(it->value.GetUint64());
      return true;
    }
    *reason = fmt::format("field \"{}\" must be a string", key);
    return false;
  };
  *doc = Document();
  doc->origin = origin;
  if (!str("id", &doc->id, false) || !str("text", &doc->text, true) ||
      !str("date", &doc->date, false) || !str("url", &doc->url, false) ||
      !str("title", &doc->title, false) || !str("lang", &doc->lang, false)) {
    if (doc->id.empty()) doc->id = fallback_id;
    return false;
  }
  if (doc->id.empty()) doc->id = fallback_id;
  return true;
}

DocumentReader::DocumentReader(std::vector<std::string> inputs, std::istream* in) : stdin_(in) {
  for (const std::string& input : inputs) Expand(input);
  // The size of the input, for the progress line's estimate: unknown with stdin.
  for (const Item& item : items_) {
    if (item.path == "-") {
      bytes_total_ = 0;
      break;
    }
    std::error_code ec;
    const uintmax_t size = item.skip.empty() ? fs::file_size(item.path, ec) : 0;
    if (!ec) bytes_total_ += size;
  }
}

namespace {

// Returns why a path that is not a regular file or directory is no input.
std::string FileTypeProblem(fs::file_type type) {
  switch (type) {
    case fs::file_type::fifo:
      return "a FIFO, not a regular file";
    case fs::file_type::socket:
      return "a socket, not a regular file";
    case fs::file_type::block:
    case fs::file_type::character:
      return "a device, not a regular file";
    default:
      return "not a regular file or directory";
  }
}

// Returns why status() of path failed or found nothing: a missing path, a dangling
// symbolic link, a loop of them, or what the system says.
std::string StatusProblem(const std::string& path, std::error_code ec) {
  std::error_code lec;
  const bool link = fs::is_symlink(fs::symlink_status(path, lec));
  if (ec == std::errc::too_many_symbolic_link_levels) return "symbolic link loop";
  if (!ec || ec == std::errc::no_such_file_or_directory) {
    return link ? "dangling symbolic link" : "no such file or directory";
  }
  return fmt::format("cannot read: {}", ec.message());
}

}  // namespace

void DocumentReader::Expand(const std::string& input) {
  if (input == "-") {
    items_.push_back({"-", "stdin", ""});
    return;
  }
  std::error_code ec;
  const fs::file_status st = fs::status(input, ec);
  if (ec || !fs::exists(st)) {
    items_.push_back({input, input, StatusProblem(input, ec)});
    return;
  }
  if (fs::is_regular_file(st)) {
    items_.push_back({input, StripTextExtension(fs::path(input).filename().string()), ""});
    return;
  }
  if (!fs::is_directory(st)) {
    items_.push_back({input, input, FileTypeProblem(st.type())});
    return;
  }
  std::vector<std::pair<std::string, Item>> found;
  uint64_t hidden = 0;
  Walk(input, "", &found, &hidden);
  if (hidden > 0) {
    warnings_.push_back(fmt::format(
        "{}: {} hidden entr{} (names starting with '.') not read", input, hidden,
        hidden == 1 ? "y" : "ies"));
    hidden_entries_ += hidden;
  }
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [rel, item] : found) items_.push_back(std::move(item));
}

void DocumentReader::Walk(const std::string& root, const std::string& rel,
                          std::vector<std::pair<std::string, Item>>* found, uint64_t* hidden) {
  const std::string dir = rel.empty() ? root : (fs::path(root) / rel).generic_string();
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') {  // hidden files and directories (.git)
      ++*hidden;
      continue;
    }
    // Named by the path under root as written, never by a link's target.
    const std::string entry = rel.empty() ? name : rel + "/" + name;
    const std::string path = (fs::path(root) / entry).generic_string();
    std::error_code sec;
    const fs::file_status lst = fs::symlink_status(path, sec);
    const fs::file_status st = fs::status(path, sec);
    std::string skip;
    if (sec || !fs::exists(st)) {
      skip = StatusProblem(path, sec);
    } else if (fs::is_directory(st)) {
      if (!fs::is_symlink(lst)) {
        Walk(root, entry, found, hidden);
        continue;
      }
      skip = "symbolic link to a directory (not followed)";
    } else if (!fs::is_regular_file(st)) {
      skip = FileTypeProblem(st.type());
    } else if (!HasSuffix(entry, ".txt") && !IsJsonLines(entry)) {
      skip = "not a .txt or .jsonl file";
    }
    const std::string id =
        HasSuffix(entry, ".txt") && skip.empty() ? StripTextExtension(entry) : entry;
    found->push_back({entry, {path, id, skip}});
  }
  if (ec) {
    const std::string id = rel.empty() ? dir : rel;
    found->push_back({rel, {dir, id, fmt::format("cannot read directory: {}", ec.message())}});
  }
}

std::vector<std::string> DocumentReader::TakeWarnings() {
  std::vector<std::string> out;
  out.swap(warnings_);
  return out;
}

uint64_t BlankControlCharacters(std::string* text) {
  uint64_t n = 0;
  for (char& c : *text) {
    const unsigned char b = static_cast<unsigned char>(c);
    if ((b >= 0x20 && b != 0x7F) || c == '\t' || c == '\n' || c == '\r') continue;
    c = (c == '\v' || c == '\f') ? '\n' : ' ';
    ++n;
  }
  return n;
}

DocumentReader::Result DocumentReader::Finish(Document* doc, SkipRecord* skip) {
  if (doc->text.size() > max_document_bytes_) {
    SanitizeUtf8(&doc->id, nullptr);
    *skip = {doc->id, doc->origin,
             fmt::format("document of {} bytes is over the limit of {} bytes "
                         "(--max-document-bytes)",
                         doc->text.size(), max_document_bytes_)};
    return kSkipped;
  }
  for (std::string* field : {&doc->id, &doc->title, &doc->url, &doc->date, &doc->lang}) {
    SanitizeUtf8(field, nullptr);
  }
  size_t first_bad = 0;
  if (const size_t bad = SanitizeUtf8(&doc->text, &first_bad)) {
    warnings_.push_back(
        fmt::format("{}: document {}: {} byte(s) of invalid UTF-8 replaced by "
                    "'?' (first at byte {})",
                    doc->origin, doc->id, bad, first_bad));
    repairs_.invalid_utf8_bytes += bad;
  }
  const HtmlCleanup html = CleanHtmlLeftovers(&doc->text);
  if (html.entities + html.tags > 0) {
    warnings_.push_back(fmt::format(
        "{}: document {}: HTML left in the text: {} character reference(s) decoded, {} tag(s) "
        "removed (byte offsets unchanged)",
        doc->origin, doc->id, html.entities, html.tags));
    repairs_.html_entities += html.entities;
    repairs_.html_tags += html.tags;
  }
  if (const uint64_t controls = BlankControlCharacters(&doc->text); controls > 0) {
    warnings_.push_back(fmt::format(
        "{}: document {}: {} control character(s) read as white space (byte offsets unchanged)",
        doc->origin, doc->id, controls));
    repairs_.control_characters += controls;
  }
  if (doc->text.find_first_not_of(" \t\r\n") == std::string::npos) {
    *skip = {doc->id, doc->origin, "empty text"};
    return kSkipped;
  }
  if (!seen_ids_.insert(doc->id).second) {
    std::string renamed;
    for (int k = 2;; ++k) {
      renamed = fmt::format("{}~{}", doc->id, k);
      if (seen_ids_.insert(renamed).second) break;
    }
    warnings_.push_back(
        fmt::format("{}: document id '{}' was already used; this document is "
                    "'{}'",
                    doc->origin, doc->id, renamed));
    doc->id = renamed;
  }
  return kDocument;
}

DocumentReader::Result DocumentReader::FromText(const Item& item, std::istream& in, Document* doc,
                                                SkipRecord* skip) {
  std::ostringstream ss;
  if (has_pending_) {
    ss << pending_;
    has_pending_ = false;
  }
  ss << in.rdbuf();
  *doc = Document();
  doc->id = item.id;
  doc->origin = item.path == "-" ? "<stdin>" : item.path;
  doc->text = ss.str();
  bytes_read_ += doc->text.size();
  StripBom(&doc->text);
  return Finish(doc, skip);
}

bool DocumentReader::NextLine(std::string* line) {
  if (has_pending_) {
    *line = std::move(pending_);
    has_pending_ = false;
    return true;
  }
  if (!std::getline(*lines_, *line)) return false;
  bytes_read_ += line->size() + 1;
  return true;
}

bool DocumentReader::FromLines(Document* doc, SkipRecord* skip, Result* result) {
  std::string line;
  while (NextLine(&line)) {
    ++line_no_;
    if (line_no_ == 1) StripBom(&line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (const size_t cr = line.find('\r'); cr != std::string::npos) {
      // A lone CR ends a line too (old Mac files): the rest is the next line. A raw CR
      // cannot stand inside a JSON string, so this never splits a record.
      pending_ = line.substr(cr + 1);
      has_pending_ = true;
      line.resize(cr);
    }
    if (line.find_first_not_of(" \t") == std::string::npos) continue;  // blank line
    const std::string origin = fmt::format("{}:{}", lines_path_, line_no_);
    std::string reason;
    if (!ParseJsonLine(line, origin, origin, doc, &reason)) {
      *skip = {doc->id.empty() ? origin : doc->id, origin, reason};
      *result = kSkipped;
    } else {
      *result = Finish(doc, skip);
    }
    return true;
  }
  const bool bad = lines_->bad();
  lines_ = nullptr;
  file_.reset();
  if (!bad) return false;
  *skip = {lines_path_, lines_path_, "read error"};
  *result = kSkipped;
  return true;
}

bool DocumentReader::SniffStdin() {
  std::string blank, first;
  size_t consumed = 0;
  bool newline = false;
  while (std::getline(*stdin_, first)) {
    ++consumed;
    newline = !stdin_->eof();
    if (first.find_first_not_of(" \t\r") != std::string::npos) break;
    blank += first + "\n";
    first.clear();
  }
  const size_t nb = first.find_first_not_of(" \t\r\xEF\xBB\xBF");
  if (nb != std::string::npos && first[nb] == '{') {
    pending_ = first;
    has_pending_ = true;
    lines_ = stdin_;
    lines_path_ = "<stdin>";
    line_no_ = consumed - 1;
    return true;
  }
  pending_ = blank + first + (newline ? "\n" : "");
  has_pending_ = true;
  return false;
}

bool DocumentReader::OpenJsonLines(const Item& item, SkipRecord* skip) {
  file_ = std::make_unique<std::ifstream>(item.path, std::ios::binary);
  if (!*file_) {
    file_.reset();
    *skip = {item.id, item.path, "cannot open file"};
    return false;
  }
  lines_ = file_.get();
  lines_path_ = item.path;
  line_no_ = 0;
  return true;
}

DocumentReader::Result DocumentReader::Next(Document* doc, SkipRecord* skip) {
  for (;;) {
    Result result;
    if (lines_ != nullptr && FromLines(doc, skip, &result)) return result;
    if (next_item_ >= items_.size()) return kEnd;
    const Item item = items_[next_item_++];
    if (!item.skip.empty()) {
      *skip = {item.id, item.path, item.skip};
      return kSkipped;
    }
    if (item.path == "-") {
      if (SniffStdin()) continue;
      return FromText(item, *stdin_, doc, skip);
    }
    if (IsJsonLines(item.path)) {
      if (!OpenJsonLines(item, skip)) return kSkipped;
      continue;
    }
    std::ifstream in(item.path, std::ios::binary);
    if (!in) {
      *skip = {item.id, item.path, "cannot open file"};
      return kSkipped;
    }
    return FromText(item, in, doc, skip);
  }
}

}  // namespace newsgraph
