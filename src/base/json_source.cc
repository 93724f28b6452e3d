#include "base/json_source.h"

#include <fmt/format.h>
#include <rapidjson/error/en.h>

#include <algorithm>

#include "base/text.h"

namespace newsgraph {

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool ReadHex4(std::string_view raw, size_t i, char32_t* out) {
  if (i + 4 > raw.size()) return false;
  char32_t v = 0;
  for (size_t k = 0; k < 4; ++k) {
    const int h = HexValue(raw[i + k]);
    if (h < 0) return false;
    v = v * 16 + h;
  }
  *out = v;
  return true;
}

void SkipSpace(const std::string& t, size_t* i) {
  while (*i < t.size() && (t[*i] == ' ' || t[*i] == '\t' || t[*i] == '\n' || t[*i] == '\r')) {
    ++*i;
  }
}

// Returns the offset just past the string literal starting at t[i] == '"'.
size_t SkipString(const std::string& t, size_t i) {
  for (++i; i < t.size(); ++i) {
    if (t[i] == '\\') {
      ++i;
    } else if (t[i] == '"') {
      return i + 1;
    }
  }
  return t.size();
}

std::string EscapePointerToken(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string DecodeJsonString(std::string_view raw, std::vector<uint32_t>* offsets) {
  std::string out;
  auto emit = [&](std::string_view bytes, size_t at) {
    out += bytes;
    if (offsets) offsets->insert(offsets->end(), bytes.size(), static_cast<uint32_t>(at));
  };
  for (size_t i = 1; i < raw.size() && raw[i] != '"';) {
    if (raw[i] != '\\') {
      emit(raw.substr(i, 1), i);
      ++i;
      continue;
    }
    const size_t at = i;
    if (i + 1 >= raw.size()) break;
    const char e = raw[i + 1];
    i += 2;
    switch (e) {
      case 'n':
        emit("\n", at);
        break;
      case 't':
        emit("\t", at);
        break;
      case 'r':
        emit("\r", at);
        break;
      case 'b':
        emit("\b", at);
        break;
      case 'f':
        emit("\f", at);
        break;
      case 'u': {
        char32_t cp = 0;
        if (!ReadHex4(raw, i, &cp)) break;
        i += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= raw.size() && raw[i] == '\\' &&
            raw[i + 1] == 'u') {
          char32_t lo = 0;
          if (ReadHex4(raw, i + 2, &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            i += 6;
          }
        }
        std::string bytes;
        AppendUtf8(cp, &bytes);
        emit(bytes, at);
        break;
      }
      default: {
        const char c[1] = {e};
        emit(std::string_view(c, 1), at);
      }
    }
  }
  if (offsets) offsets->push_back(static_cast<uint32_t>(raw.size()));
  return out;
}

size_t FindTooDeep(std::string_view text) {
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    switch (text[i]) {
      case '"':
        for (++i; i < text.size() && text[i] != '"'; ++i) {
          if (text[i] == '\\') ++i;
        }
        break;
      case '[':
      case '{':
        if (++depth > kMaxJsonDepth) return i;
        break;
      case ']':
      case '}':
        --depth;
        break;
      default:
        break;
    }
  }
  return std::string_view::npos;
}

bool ParseOneJsonValue(std::string_view text, rapidjson::Document* doc, std::string* error,
                       size_t* error_offset) {
  if (const size_t deep = FindTooDeep(text); deep != std::string_view::npos) {
    *error = fmt::format("nested deeper than {} levels", kMaxJsonDepth);
    *error_offset = deep;
    return false;
  }
  doc->Parse<rapidjson::kParseIterativeFlag>(text.data(), text.size());
  if (doc->HasParseError()) {
    *error = GetParseError_En(doc->GetParseError());
    *error_offset = doc->GetErrorOffset();
    return false;
  }
  return true;
}

bool JsonSource::Parse(std::string file, std::string text, Diagnostics* diags) {
  file_ = std::move(file);
  text_ = std::move(text);
  line_starts_.clear();
  values_.clear();
  keys_.clear();
  if (const size_t deep = FindTooDeep(text_); deep != std::string_view::npos) {
    const Location loc = At(deep);
    diags->Error(loc, fmt::format("JSON nested deeper than {} levels", kMaxJsonDepth),
                 SourceLine(loc));
    return false;
  }
  doc_.Parse<rapidjson::kParseStopWhenDoneFlag | rapidjson::kParseIterativeFlag>(text_.data(),
                                                                                 text_.size());
  if (doc_.HasParseError()) {
    const Location loc = At(doc_.GetErrorOffset());
    diags->Error(loc, fmt::format("JSON syntax error: {}", GetParseError_En(doc_.GetParseError())),
                 SourceLine(loc));
    return false;
  }
  line_starts_.assign(1, 0);
  for (size_t k = 0; k < text_.size(); ++k) {
    if (text_[k] == '\n') line_starts_.push_back(static_cast<uint32_t>(k + 1));
  }
  size_t i = 0;
  std::string path;
  Index(&i, &path);
  SkipSpace(text_, &i);
  if (i < text_.size()) {
    const Location loc = At(i);
    diags->Error(loc, "JSON syntax error: text after the end of the document", SourceLine(loc));
    return false;
  }
  return true;
}

void JsonSource::Index(size_t* i, std::string* path) {
  SkipSpace(text_, i);
  if (*i >= text_.size()) return;
  values_.emplace(*path, static_cast<uint32_t>(*i));
  const char c = text_[*i];
  const size_t path_len = path->size();
  if (c == '{') {
    ++*i;
    for (;;) {
      SkipSpace(text_, i);
      if (*i >= text_.size() || text_[*i] == '}') break;
      if (text_[*i] == ',') {
        ++*i;
        continue;
      }
      const size_t key_begin = *i;
      const size_t key_end = SkipString(text_, key_begin);
      const std::string key =
          DecodeJsonString(std::string_view(text_).substr(key_begin, key_end - key_begin), nullptr);
      *path += "/" + EscapePointerToken(key);
      keys_.emplace(*path, static_cast<uint32_t>(key_begin));
      *i = key_end;
      SkipSpace(text_, i);
      if (*i < text_.size() && text_[*i] == ':') ++*i;
      Index(i, path);
      path->resize(path_len);
    }
    if (*i < text_.size()) ++*i;
  } else if (c == '[') {
    ++*i;
    size_t index = 0;
    for (;;) {
      SkipSpace(text_, i);
      if (*i >= text_.size() || text_[*i] == ']') break;
      if (text_[*i] == ',') {
        ++*i;
        continue;
      }
      *path += "/" + std::to_string(index++);
      Index(i, path);
      path->resize(path_len);
    }
    if (*i < text_.size()) ++*i;
  } else if (c == '"') {
    *i = SkipString(text_, *i);
  } else {
    while (*i < text_.size() && text_[*i] != ',' && text_[*i] != ']' && text_[*i] != '}' &&
           text_[*i] != ' ' && text_[*i] != '\n' && text_[*i] != '\t' && text_[*i] != '\r') {
      ++*i;
    }
  }
}

Location JsonSource::At(size_t offset) const {
  Location loc;
  loc.file = file_;
  if (line_starts_.empty()) {  // a syntax error: the index was not built
    LineColumn(text_, offset, &loc.line, &loc.column);
    return loc;
  }
  offset = std::min(offset, text_.size());
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const size_t line_start = *(it - 1);
  loc.line = static_cast<int>(it - line_starts_.begin());
  loc.column = 1;
  for (size_t k = line_start; k < offset; ++k) {
    loc.column += (static_cast<unsigned char>(text_[k]) & 0xC0) != 0x80;
  }
  return loc;
}

Location JsonSource::ValueAt(std::string_view pointer) const {
  std::string p(pointer);
  for (;;) {
    auto it = values_.find(p);
    if (it != values_.end()) return At(it->second);
    const size_t slash = p.rfind('/');
    if (slash == std::string::npos) break;
    p.resize(slash);
  }
  return Location{file_, 0, 0};
}

Location JsonSource::KeyAt(std::string_view pointer) const {
  auto it = keys_.find(std::string(pointer));
  if (it != keys_.end()) return At(it->second);
  return ValueAt(pointer);
}

Location JsonSource::InString(std::string_view pointer, size_t offset) const {
  auto it = values_.find(std::string(pointer));
  if (it == values_.end() || text_[it->second] != '"') return ValueAt(pointer);
  const size_t begin = it->second;
  const size_t end = SkipString(text_, begin);
  std::vector<uint32_t> offsets;
  DecodeJsonString(std::string_view(text_).substr(begin, end - begin), &offsets);
  const size_t k = std::min(offset, offsets.size() - 1);
  return At(begin + offsets[k]);
}

std::string JsonSource::SourceLine(const Location& loc) const {
  if (loc.line <= 0) return "";
  size_t pos = 0;
  for (int l = 1; l < loc.line; ++l) {
    pos = text_.find('\n', pos);
    if (pos == std::string::npos) return "";
    ++pos;
  }
  return std::string(LineAt(text_, pos));
}

void JsonSource::Error(Diagnostics* diags, std::string_view pointer, std::string message) const {
  const Location loc = ValueAt(pointer);
  diags->Error(loc, std::move(message), SourceLine(loc));
}

void JsonSource::Warning(Diagnostics* diags, std::string_view pointer, std::string message) const {
  const Location loc = ValueAt(pointer);
  diags->Warning(loc, std::move(message), SourceLine(loc));
}

std::string JsonSource::Child(std::string_view pointer, std::string_view key) {
  return std::string(pointer) + "/" + EscapePointerToken(key);
}

std::string JsonSource::Child(std::string_view pointer, size_t index) {
  return std::string(pointer) + "/" + std::to_string(index);
}

}  // namespace newsgraph
