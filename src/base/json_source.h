// A JSON file parsed with RapidJSON, plus an index from JSON pointers to source positions,
// so that problems found in a value (schema errors, regex errors) can be reported at the
// file:line:col where the value is written.
//
//   JsonSource src;
//   if (!src.Parse("rules/meet.json", text, &diags)) return;   // syntax error reported
//   const rapidjson::Value& events = src.doc()["events"];
//   Location loc = src.ValueAt("/events/0/pattern");           // the opening quote
//   Location at = src.InString("/events/0/pattern", 12);       // 13th byte of the pattern
#ifndef NEWSGRAPH_JSON_SOURCE_H_
#define NEWSGRAPH_JSON_SOURCE_H_

#include <rapidjson/document.h>

#include <string>
#include <string_view>
#include <unordered_map>

#include "base/diagnostic.h"

namespace newsgraph {

class JsonSource {
 public:
  // Parses text read from file. On a syntax error, adds a diagnostic at the error's
  // position to *diags and returns false.
  bool Parse(std::string file, std::string text, Diagnostics* diags);

  const rapidjson::Document& doc() const { return doc_; }
  const std::string& file() const { return file_; }
  const std::string& text() const { return text_; }

  // Returns the location where the value at pointer starts (falling back to the nearest
  // ancestor that is indexed, then to the file).
  Location ValueAt(std::string_view pointer) const;

  // Returns the location of the member name of the member at pointer.
  Location KeyAt(std::string_view pointer) const;

  // Returns the location of decoded byte `offset` inside the string value at pointer,
  // accounting for JSON escapes ("\\d" is one byte of the pattern, two in the file).
  Location InString(std::string_view pointer, size_t offset) const;

  // Returns the source line of loc (empty if line is 0).
  std::string SourceLine(const Location& loc) const;

  // Adds an error / warning at the value at pointer.
  void Error(Diagnostics* diags, std::string_view pointer, std::string message) const;
  void Warning(Diagnostics* diags, std::string_view pointer, std::string message) const;

  // Returns the pointer of member `key` of the object at pointer, escaped per RFC 6901.
  static std::string Child(std::string_view pointer, std::string_view key);
  static std::string Child(std::string_view pointer, size_t index);

 private:
  void Index(size_t* i, std::string* path);
  Location At(size_t offset) const;

  std::string file_;
  std::string text_;
  rapidjson::Document doc_;
  std::vector<uint32_t> line_starts_;  // byte offset of every line, for At()
  std::unordered_map<std::string, uint32_t> values_;
  std::unordered_map<std::string, uint32_t> keys_;
};

// The deepest nesting of arrays and objects any JSON input may have. Deeper input is an
// error, found by a flat scan before RapidJSON parses it, so that neither the parser nor
// any code walking the parsed value recurses without bound.
inline constexpr int kMaxJsonDepth = 256;

// Returns the offset of the bracket that opens level kMaxJsonDepth + 1 of text, or
// std::string_view::npos if text nests no deeper than kMaxJsonDepth.
size_t FindTooDeep(std::string_view text);

// Parses text as exactly one JSON value (white space around it allowed, anything else
// after it an error) without recursion. Returns false and sets *error (without the offset)
// and *error_offset on a syntax error or nesting deeper than kMaxJsonDepth.
bool ParseOneJsonValue(std::string_view text, rapidjson::Document* doc, std::string* error,
                       size_t* error_offset);

// Decodes the JSON string literal that starts at raw[0] == '"'. Returns the decoded text;
// if offsets is not null, (*offsets)[k] is the raw offset of decoded byte k.
std::string DecodeJsonString(std::string_view raw, std::vector<uint32_t>* offsets);

}  // namespace newsgraph

#endif  // NEWSGRAPH_JSON_SOURCE_H_
