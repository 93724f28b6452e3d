// Small helpers for writing JSON with RapidJSON's Writer or PrettyWriter, shared by every
// writer of JSON (facts.jsonl, graph.jsonld, eval reports).
//
//   rapidjson::StringBuffer buf;
//   rapidjson::Writer<rapidjson::StringBuffer> w(buf);
//   w.StartObject();
//   WriteMember(w, "doc", doc_id);          // "doc": "..."
//   w.Key("rules");
//   WriteStrings(w, rule_ids);              // ["...", ...]
//   w.EndObject();
#ifndef NEWSGRAPH_BASE_JSON_WRITER_H_
#define NEWSGRAPH_BASE_JSON_WRITER_H_

#include <rapidjson/rapidjson.h>

#include <string>
#include <string_view>
#include <vector>

namespace newsgraph {

// Writes s as a JSON string (s may hold NUL bytes; it is not read past its size).
template <typename Writer>
void WriteString(Writer& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

// Writes the member "key": "value".
template <typename Writer>
void WriteMember(Writer& w, const char* key, std::string_view value) {
  w.Key(key);
  WriteString(w, value);
}

// Writes an array of strings.
template <typename Writer>
void WriteStrings(Writer& w, const std::vector<std::string>& v) {
  w.StartArray();
  for (const std::string& s : v) WriteString(w, s);
  w.EndArray();
}

}  // namespace newsgraph

#endif  // NEWSGRAPH_BASE_JSON_WRITER_H_
