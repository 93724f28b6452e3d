#include "rules/schema.h"

#include <fmt/format.h>
#include <rapidjson/pointer.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <map>
#include <memory>

#include "rules/builtin.h"

namespace newsgraph {

namespace {

// Schemas allocate from a memory pool, not RapidJSON's default CrtAllocator: RapidJSON
// 1.1.0's Schema constructor loses a few strings it copies with its allocator
// (AddUniqueElement), which with malloc is a leak LeakSanitizer reports in every run; from
// a pool they are freed with the pool (issue 13).
using SchemaDocument =
    rapidjson::GenericSchemaDocument<rapidjson::Value, rapidjson::MemoryPoolAllocator<>>;
using SchemaValidator = rapidjson::GenericSchemaValidator<SchemaDocument>;

// The rule-file schema, split so that each rule object is validated on its own. `top`
// checks the file with the section items unconstrained; `items` holds one schema per
// section for its items.
struct RuleSchemas {
  rapidjson::Document full;
  std::unique_ptr<SchemaDocument> top;
  std::map<std::string, std::unique_ptr<SchemaDocument>> items;
  std::map<std::string, std::unique_ptr<rapidjson::Document>> item_docs;
  rapidjson::Document top_doc;
};

const RuleSchemas& Schemas() {
  static const RuleSchemas* schemas = [] {
    auto* s = new RuleSchemas;
    const std::string_view text = RulesSchemaText();
    s->full.Parse(text.data(), text.size());
    s->top_doc.CopyFrom(s->full, s->top_doc.GetAllocator());
    auto& props = s->top_doc["properties"];
    for (auto& m : props.GetObject()) {
      if (!m.value.IsObject() || !m.value.HasMember("items")) continue;
      const std::string section = m.name.GetString();
      const std::string ref = m.value["items"]["$ref"].GetString();  // #/definitions/x
      m.value["items"].SetObject();
      m.value["items"].AddMember("type", "object", s->top_doc.GetAllocator());
      auto doc = std::make_unique<rapidjson::Document>();
      doc->SetObject();
      rapidjson::Value defs;
      defs.CopyFrom(s->full["definitions"], doc->GetAllocator());
      doc->AddMember("definitions", defs, doc->GetAllocator());
      rapidjson::Value r;
      r.SetString(ref.c_str(), static_cast<rapidjson::SizeType>(ref.size()), doc->GetAllocator());
      doc->AddMember("$ref", r, doc->GetAllocator());
      s->items[section] = std::make_unique<SchemaDocument>(*doc);
      s->item_docs[section] = std::move(doc);
    }
    s->top = std::make_unique<SchemaDocument>(s->top_doc);
    return s;
  }();
  return *schemas;
}

template <typename Pointer>
std::string Stringify(const Pointer& p) {
  rapidjson::StringBuffer b;
  p.Stringify(b);
  return b.GetString();
}

std::string JsonText(const rapidjson::Value& v) {
  rapidjson::StringBuffer b;
  rapidjson::Writer<rapidjson::StringBuffer> w(b);
  v.Accept(w);
  return b.GetString();
}

const char* TypeName(const rapidjson::Value& v) {
  if (v.IsObject()) return "an object";
  if (v.IsArray()) return "an array";
  if (v.IsString()) return "a string";
  if (v.IsBool()) return "a boolean";
  if (v.IsInt64()) return "an integer";
  if (v.IsNumber()) return "a number";
  return "null";
}

// Returns the message for a failed schema keyword: sub is the schema object holding it (or
// nullptr), instance the value at fault (or nullptr), key its member name.
std::string ViolationMessage(const std::string& keyword, const std::string& key,
                             const std::string& schema_pointer, const rapidjson::Value* sub,
                             const rapidjson::Value* instance) {
  if (keyword == "required" && sub && sub->HasMember("required") && instance &&
      instance->IsObject()) {
    std::string missing;
    for (const auto& r : (*sub)["required"].GetArray()) {
      if (!instance->HasMember(r.GetString())) {
        missing += missing.empty() ? "" : ", ";
        missing += fmt::format("'{}'", r.GetString());
      }
    }
    return fmt::format("missing required key {}", missing);
  }
  if (keyword == "enum" && sub && sub->HasMember("enum")) {
    return fmt::format("{} is not one of {}", instance ? JsonText(*instance) : "value",
                       JsonText((*sub)["enum"]));
  }
  if (keyword == "pattern" && sub && sub->HasMember("pattern")) {
    return fmt::format("{} does not match /{}/", instance ? JsonText(*instance) : "value",
                       (*sub)["pattern"].GetString());
  }
  if (keyword == "type" && sub && sub->HasMember("type")) {
    return fmt::format("expected {}, found {}", JsonText((*sub)["type"]),
                       instance ? TypeName(*instance) : "nothing");
  }
  if (keyword == "minLength" || keyword == "minItems" || keyword == "minProperties") {
    return fmt::format("'{}' must not be empty", key);
  }
  if (keyword == "patternProperties") return fmt::format("'{}' has the wrong type or form", key);
  if (keyword == "oneOf" || keyword == "anyOf") {
    return fmt::format("'{}' has none of the allowed forms (see the schema at {})", key,
                       schema_pointer);
  }
  return fmt::format("schema keyword '{}' fails (schema {})", keyword, schema_pointer);
}

// Reports the schema violation validator found in the value at base (a JSON pointer prefix)
// of src; schema_root is the JSON of the schema the validator used.
void ReportViolation(const JsonSource& src, const std::string& base,
                     const SchemaValidator& validator, const rapidjson::Value& schema_root,
                     bool name_pointer, Diagnostics* diags) {
  const std::string pointer = base + Stringify(validator.GetInvalidDocumentPointer());
  const std::string keyword = validator.GetInvalidSchemaKeyword();
  std::string schema_pointer = Stringify(validator.GetInvalidSchemaPointer());
  // Item schemas are "$ref"s into definitions; follow it to find the keyword's value.
  const rapidjson::Value* sub = rapidjson::Pointer(schema_pointer.c_str()).Get(schema_root);
  if (sub && sub->IsObject() && sub->HasMember("$ref") && (*sub)["$ref"].IsString()) {
    const std::string ref = (*sub)["$ref"].GetString();
    sub = rapidjson::Pointer(ref.substr(1).c_str()).Get(schema_root);
  }
  const rapidjson::Value* instance = rapidjson::Pointer(pointer.c_str()).Get(src.doc());
  std::string key = pointer.empty() ? "" : pointer.substr(pointer.rfind('/') + 1);
  for (size_t at; (at = key.find("~1")) != std::string::npos;) key.replace(at, 2, "/");
  for (size_t at; (at = key.find("~0")) != std::string::npos;) key.replace(at, 2, "~");
  if (keyword == "additionalProperties") {
    // RapidJSON 1.1 points at the offending member itself.
    const Location loc = src.KeyAt(pointer);
    diags->Error(loc,
                 fmt::format("unknown key '{}'{}", key,
                             name_pointer ? fmt::format(" (at {})", pointer) : ""),
                 src.SourceLine(loc));
    return;
  }
  std::string message = ViolationMessage(keyword, key, schema_pointer, sub, instance);
  if (name_pointer) message += fmt::format(" (at {})", pointer.empty() ? "/" : pointer);
  src.Error(diags, pointer, message);
}

}  // namespace

bool ValidateRuleFile(const JsonSource& src, bool name_pointers, Diagnostics* diags,
                      std::set<std::string>* invalid_items) {
  const RuleSchemas& schemas = Schemas();
  bool ok = true;
  if (!src.doc().IsObject()) {
    src.Error(diags, "", "a rule file must hold a JSON object");
    return false;
  }
  {
    SchemaValidator validator(*schemas.top);
    if (!src.doc().Accept(validator)) {
      ReportViolation(src, "", validator, schemas.top_doc, name_pointers, diags);
      ok = false;
    }
  }
  for (const auto& [section, schema] : schemas.items) {
    auto it = src.doc().FindMember(section.c_str());
    if (it == src.doc().MemberEnd() || !it->value.IsArray()) continue;
    size_t i = 0;
    for (const auto& item : it->value.GetArray()) {
      const std::string base = JsonSource::Child("/" + section, i++);
      SchemaValidator validator(*schema);
      if (!item.Accept(validator)) {
        ReportViolation(src, base, validator, *schemas.item_docs.at(section), name_pointers, diags);
        invalid_items->insert(base);
        ok = false;
      }
    }
  }
  return ok;
}

}  // namespace newsgraph
