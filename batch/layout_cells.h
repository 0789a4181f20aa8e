// The small pieces every document built in code (billing journal, échéancier, nightly report,
// GDPR list, reversibility report) writes its cells and wording with, once.
#pragma once

#include <string>

#include "model/money.h"
#include "reports/format.h"
#include "reports/layout/layout.h"

namespace clause::layout_cells {

inline layout::Cell text(std::string v) { return {layout::CellType::text, std::move(v)}; }
inline layout::Cell money(Money m) { return {layout::CellType::money, format_money_plain(m)}; }

// The wording of `language`: French unless English.
inline const char* pick(Language language, const char* fr, const char* en) {
  return language == Language::en ? en : fr;
}

}  // namespace clause::layout_cells
