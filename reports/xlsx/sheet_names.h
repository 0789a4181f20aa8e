// Excel sheet names from document captions. Excel refuses a name longer than 31 characters, one
// holding [ ] : * ? / \, one starting or ending with an apostrophe, an empty one, and two names
// equal but for case; "History" is reserved. A caption is made to fit, never rejected.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace clause::xlsx {

// Names already given in one workbook, compared as Excel does (ASCII case-insensitively).
class SheetNames {
 public:
  // A legal, unused sheet name close to `wanted`: forbidden characters become '-', the name is cut
  // at 31 characters (UTF-8 aware), and a clash gets " (2)", " (3)"... `fallback` names empty
  // captions ("Feuille").
  std::string claim(std::string_view wanted, std::string_view fallback = "Feuille");

 private:
  std::set<std::string> taken_;  // lowercased
};

}  // namespace clause::xlsx
