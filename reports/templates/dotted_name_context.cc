#include "reports/templates/dotted_name_context.h"

#include <algorithm>

namespace clause::templates {

const DottedNameContext::Data* DottedNameContext::get_plain(const std::string& name) const {
  for (auto item = items_.rbegin(); item != items_.rend(); ++item)
    if (const Data* found = (*item)->get(name)) return found;
  return nullptr;
}

const DottedNameContext::Data* DottedNameContext::get(const std::string& name) const {
  if (name == ".") return items_.back();
  if (name.find('.') == std::string::npos) return get_plain(name);
  std::size_t count = 0;
  for (std::size_t start = 0; start < name.size(); ++count) {
    const std::size_t dot = std::min(name.find('.', start), name.size());
    if (parts_.size() <= count) parts_.emplace_back();
    parts_[count].assign(name, start, dot - start);
    start = dot + 1;
  }
  for (auto item = items_.rbegin(); item != items_.rend(); ++item) {
    const Data* found = *item;
    for (std::size_t i = 0; found != nullptr && i < count; ++i) found = found->get(parts_[i]);
    if (found != nullptr) return found;
  }
  return nullptr;
}

}  // namespace clause::templates
