// The one error type of the template engine: a template, schema, sample or data problem found
// while loading a template set or rendering a document. what() is "<where>: <reason>", where
// <where> is "file:line" for a template ("templates/fr/statement.xml.mustache:12") or names the
// data path ("statement data, incidents[2].credit").
#pragma once

#include <stdexcept>
#include <string>

namespace clause::templates {

class TemplateError : public std::runtime_error {
 public:
  TemplateError(std::string where, std::string reason)
      : std::runtime_error(where + ": " + reason), where_(std::move(where)), reason_(std::move(reason)) {}
  const std::string& where() const { return where_; }
  const std::string& reason() const { return reason_; }

 private:
  std::string where_;
  std::string reason_;
};

}  // namespace clause::templates
