// JSON to mstch, and XML escaping (reports/templates/mstch_data.h).
#include "reports/templates/mstch_data.h"

namespace clause::templates {

mstch::node to_mstch(const nlohmann::json& data) {
  switch (data.type()) {
    case nlohmann::json::value_t::object: {
      mstch::map map;
      for (const auto& [key, value] : data.items()) map.emplace(key, to_mstch(value));
      return map;
    }
    case nlohmann::json::value_t::array: {
      mstch::array list;
      list.reserve(data.size());
      for (const auto& value : data) list.push_back(to_mstch(value));
      return list;
    }
    case nlohmann::json::value_t::string:
      return data.get<std::string>();
    case nlohmann::json::value_t::boolean:
      return data.get<bool>();
    case nlohmann::json::value_t::null:
      return std::string();
    default:
      return data.dump();
  }
}

std::string escape_xml(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

void use_xml_escaping() { mstch::config::escape = escape_xml; }

}  // namespace clause::templates
