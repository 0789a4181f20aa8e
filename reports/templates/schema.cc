// Document schemas (reports/templates/schema.h).
#include "reports/templates/schema.h"

#include "reports/layout/markup.h"
#include "reports/templates/template_error.h"

namespace clause::templates {
namespace {

constexpr std::string_view kLeafTypes[] = {"text", "money", "date", "datetime", "percent", "number", "integer", "bool"};

std::string join(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }

SchemaNode parse_node(const nlohmann::json& j, const std::string& source, const std::string& path) {
  SchemaNode node;
  if (j.is_string()) {
    node.type = j.get<std::string>();
    for (auto t : kLeafTypes)
      if (t == node.type) return node;
    throw TemplateError(source, "bad type \"" + node.type + "\" for key " + path +
                                    " (text, money, date, datetime, percent, number, integer, bool)");
  }
  if (j.is_object()) {
    node.kind = SchemaNode::Kind::object;
    for (const auto& [key, value] : j.items()) node.fields.emplace(key, parse_node(value, source, join(path, key)));
    return node;
  }
  if (j.is_array() && j.size() == 1) {
    node.kind = SchemaNode::Kind::list;
    node.item.push_back(parse_node(j[0], source, path + "[]"));
    return node;
  }
  throw TemplateError(source, "key " + (path.empty() ? std::string("(root)") : path) +
                                  " must be a type name, an object or a list of one item schema");
}

// Where a value lies in the data ("contract.services[2].name"), spelt out only when a check fails:
// building every value's path in advance was 44 % of the check's instructions (issue 16).
struct DataPath {
  const DataPath* parent = nullptr;  // none: the data's root
  std::string_view key;              // an object's key (item false)
  std::size_t index = 0;             // a list item's index (item true)
  bool item = false;
  std::string text() const {
    if (!parent) return "";
    if (item) return parent->text() + "[" + std::to_string(index) + "]";
    return join(parent->text(), std::string(key));
  }
};

void check_node(const SchemaNode& schema, const nlohmann::json& data, const std::string& source,
                const DataPath& where) {
  auto fail_at = [&](const DataPath& at, const std::string& reason) {
    const std::string path = at.text();
    throw TemplateError(path.empty() ? source : source + ", " + path, reason);
  };
  auto fail = [&](const std::string& reason) { fail_at(where, reason); };
  switch (schema.kind) {
    case SchemaNode::Kind::object: {
      if (!data.is_object()) fail("expected an object");
      for (const auto& [key, value] : data.items())
        if (!schema.fields.count(key)) fail_at({&where, key}, "unknown key (not in the schema)");
      for (const auto& [key, field] : schema.fields) {
        const DataPath at{&where, key};
        auto found = data.find(key);
        if (found == data.end() || found->is_null()) fail_at(at, "missing key");
        check_node(field, *found, source, at);
      }
      return;
    }
    case SchemaNode::Kind::list: {
      if (!data.is_array()) fail("expected a list");
      for (std::size_t i = 0; i < data.size(); ++i)
        check_node(schema.item[0], data[i], source, DataPath{&where, {}, i, true});
      return;
    }
    case SchemaNode::Kind::leaf:
      break;
  }
  if (schema.type == "bool") {
    if (!data.is_boolean()) fail("expected true or false");
    return;
  }
  bool numeric_allowed = schema.type == "integer"
                             ? data.is_number_integer()
                             : (schema.type == "number" || schema.type == "percent") && data.is_number();
  if (numeric_allowed) return;
  if (!data.is_string()) fail("expected a " + schema.type + " string");
  auto type = layout::parse_cell_type(schema.type);
  const std::string& value = data.get_ref<const std::string&>();
  if (type && !layout::is_valid_typed_value(*type, value)) fail("bad " + schema.type + " value \"" + value + "\"");
}

}  // namespace

SchemaNode parse_schema(const nlohmann::json& skeleton, const std::string& source) {
  if (!skeleton.is_object()) throw TemplateError(source, "a schema is a JSON object");
  return parse_node(skeleton, source, "");
}

void check_data(const SchemaNode& schema, const nlohmann::json& data, const std::string& source) {
  check_node(schema, data, source, DataPath{});
}

const SchemaNode* resolve(const SchemaScopes& scopes, std::string_view name) {
  if (scopes.empty()) return nullptr;
  if (name == ".") return scopes.back();
  std::string_view first = name.substr(0, name.find('.'));
  const SchemaNode* node = nullptr;
  for (auto it = scopes.rbegin(); it != scopes.rend() && !node; ++it) {
    if ((*it)->kind != SchemaNode::Kind::object) continue;
    auto found = (*it)->fields.find(std::string(first));
    if (found != (*it)->fields.end()) node = &found->second;
  }
  std::size_t pos = first.size();
  while (node && pos < name.size()) {
    std::size_t next = name.find('.', pos + 1);
    std::string part(name.substr(pos + 1, next == std::string_view::npos ? std::string_view::npos : next - pos - 1));
    if (node->kind != SchemaNode::Kind::object) return nullptr;
    auto found = node->fields.find(part);
    node = found == node->fields.end() ? nullptr : &found->second;
    pos = next == std::string_view::npos ? name.size() : next;
  }
  return node;
}

}  // namespace clause::templates
