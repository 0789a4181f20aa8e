#include "reports/templates/parsed_template.h"

#include <kainjow/mustache.hpp>

#include <stdexcept>
#include <utility>

#include "reports/templates/dotted_name_context.h"
#include "reports/templates/mstch_data.h"

namespace clause::templates {
namespace {

using Data = kainjow::mustache::data;

// As to_mstch: strings, booleans, numbers as their JSON text, objects and lists; what mstch treats
// as false in a section ("" and null, as to_mstch makes null "") is false here too.
Data to_kainjow(const nlohmann::json& value) {
  switch (value.type()) {
    // kainjow's set() and push_back() take a const reference and copy the child, so that every
    // value was copied once per level above it (7 % of a statement's instructions, issue 16):
    // each child is moved into place instead.
    case nlohmann::json::value_t::object: {
      Data object{Data::type::object};
      for (const auto& [key, item] : value.items()) object[key] = to_kainjow(item);  // keys are unique
      return object;
    }
    case nlohmann::json::value_t::array: {
      Data list{Data::type::list};
      // list_value() is const only in name: the vector it refers to is the list's own, not const.
      auto& items = const_cast<kainjow::mustache::list&>(list.list_value());
      items.reserve(value.size());
      for (const auto& item : value) items.push_back(to_kainjow(item));
      return list;
    }
    case nlohmann::json::value_t::string: {
      const auto& text = value.get_ref<const std::string&>();
      return text.empty() ? Data{Data::type::bool_false} : Data{text};
    }
    case nlohmann::json::value_t::boolean:
      // mstch writes a true value as "true" where it is printed; no layout prints one.
      return value.get<bool>() ? Data{std::string("true")} : Data{Data::type::bool_false};
    case nlohmann::json::value_t::null:
      return Data{Data::type::bool_false};
    default:
      return Data{value.dump()};
  }
}

// Where kainjow's render writes each piece (`stream << piece`): one string, instead of the
// std::ostringstream kainjow's own render(data) goes through.
struct StringSink {
  std::string text;
  StringSink& operator<<(const std::string& piece) {
    text += piece;
    return *this;
  }
};

}  // namespace

ParsedTemplate::ParsedTemplate(std::string text) : text_(std::move(text)) { idle_.push_back(parse()); }

ParsedTemplate::~ParsedTemplate() = default;

std::unique_ptr<ParsedTemplate::Parsed> ParsedTemplate::parse() const {
  auto parsed = std::make_unique<Parsed>(text_);
  if (!parsed->is_valid()) throw std::runtime_error("mustache: " + parsed->error_message());
  parsed->set_custom_escape(escape_xml);
  return parsed;
}

std::string ParsedTemplate::render(const nlohmann::json& data) const {
  std::unique_ptr<Parsed> parsed;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      parsed = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (!parsed) parsed = parse();  // another thread holds every parsed copy: one more, kept after
  const Data root = to_kainjow(data);
  DottedNameContext context{&root};
  StringSink out;
  parsed->render(context, out);
  const std::lock_guard<std::mutex> lock(mutex_);
  idle_.push_back(std::move(parsed));
  return std::move(out.text);
}

}  // namespace clause::templates
