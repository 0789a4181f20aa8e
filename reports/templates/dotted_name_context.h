// The lookups of kainjow-mustache's own context, with dotted names ("contract.id") cut in place:
// kainjow's context cuts them through a std::stringstream at every lookup, 2.9 % of a statement
// run's CPU samples (591 dotted tags in the shipped templates; docs/speed.md). What a name finds
// is what kainjow's context finds:
// - "." is the innermost item;
// - a plain name is looked up in each item, innermost first; so is a partial's name;
// - a dotted name is followed part by part from each item in turn, innermost first, the first item
//   that leads to the end winning; its parts are as std::getline cuts them at the dots (an empty
//   part between two dots or before a leading one, none after a final one).
#pragma once

#include <kainjow/mustache.hpp>

#include <string>
#include <vector>

namespace clause::templates {

class DottedNameContext final : public kainjow::mustache::basic_context<std::string> {
 public:
  using Data = kainjow::mustache::basic_data<std::string>;

  explicit DottedNameContext(const Data* data) { push(data); }
  DottedNameContext(const DottedNameContext&) = delete;
  DottedNameContext& operator=(const DottedNameContext&) = delete;

  void push(const Data* data) override { items_.push_back(data); }
  void pop() override { items_.pop_back(); }
  const Data* get(const std::string& name) const override;
  const Data* get_partial(const std::string& name) const override { return get_plain(name); }

 private:
  const Data* get_plain(const std::string& name) const;

  std::vector<const Data*> items_;          // innermost last
  mutable std::vector<std::string> parts_;  // a dotted name's parts, kept for their buffers
};

}  // namespace clause::templates
