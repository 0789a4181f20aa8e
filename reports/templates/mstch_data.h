// The bridge to mstch: document data (JSON, checked against its schema) becomes an mstch::node, and
// mstch escapes for XML. mstch::config::escape is process-global; use_xml_escaping() sets it and
// TemplateSet::load calls it, so nothing else in the process may change it.
#pragma once

#include <string>

#include <mstch/mstch.hpp>
#include <nlohmann/json.hpp>

namespace clause::templates {

// Strings stay strings, booleans stay booleans (sections test them), numbers become their JSON
// text ("42", "99.953"), objects maps and arrays lists.
mstch::node to_mstch(const nlohmann::json& data);

// & < > " ' escaped as XML entities; nothing else (mstch's default also turns '/' into &#x2F;).
std::string escape_xml(const std::string& text);

// Makes mstch escape {{values}} with escape_xml. Idempotent.
void use_xml_escaping();

}  // namespace clause::templates
