// The keys a document kind provides to its template: its schema. Each kind declares it in
// `<kind>.schema.json` next to its template, as a skeleton of the data:
//   { "contract": { "reference": "text", "start": "date" },      an object: keys and their schemas
//     "incidents": [ { "reference": "text", "credit": "money" } ], a list: the schema of one item
//     "days": [ "text" ],                                         a list of plain values
//     "has_credits": "bool" }                                     a leaf: its type
// Leaf types: text, money, date, datetime, percent, number, integer (the machine forms of
// reports/layout/layout.h) and bool. Templates are checked against the schema when loaded (every
// {{tag}} must resolve) and every data object is checked against it before rendering.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace clause::templates {

struct SchemaNode {
  enum class Kind { leaf, object, list } kind = Kind::leaf;
  std::string type;                          // leaf: "text", "money", ..., "bool"
  std::map<std::string, SchemaNode> fields;  // object: its keys
  std::vector<SchemaNode> item;              // list: exactly one element, the item's schema
};

// Reads a schema skeleton; throws TemplateError(where = `source`) naming the bad key.
SchemaNode parse_schema(const nlohmann::json& skeleton, const std::string& source);

// Checks that `data` has exactly the schema's keys (none missing, none unknown) and that every leaf
// holds its type's machine form ("1234.56" for money). Throws TemplateError whose where() is
// "<source>, <path>" (e.g. "statement data, incidents[2].credit").
void check_data(const SchemaNode& schema, const nlohmann::json& data, const std::string& source);

// The scopes open at one point of a template, innermost last (Mustache resolves a name from the
// innermost scope outwards).
using SchemaScopes = std::vector<const SchemaNode*>;

// The node a Mustache name ("client.name", "reference", ".") resolves to, or nullptr.
const SchemaNode* resolve(const SchemaScopes& scopes, std::string_view name);

}  // namespace clause::templates
