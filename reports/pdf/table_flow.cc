// Tables: relative column widths, a shaded header row repeated on every page the table reaches,
// alternate row shading, an optional total row, rows that never split across pages.
#include <algorithm>
#include <numeric>

#include "reports/pdf/cell_text.h"
#include "reports/pdf/page_flow.h"

namespace clause::pdf {
namespace {

Rgb tint(Rgb colour, double amount) {   // amount of colour over white
  return {1 - (1 - colour.r) * amount, 1 - (1 - colour.g) * amount, 1 - (1 - colour.b) * amount};
}

struct RowLines {
  std::vector<std::vector<std::string>> cells;
  std::vector<bool> bold;
  double height = 0;
};

}  // namespace

void PageFlow::table(const layout::Table& t) {
  if (t.columns.empty()) return;
  const double size = style_.body_size * 0.9;
  const double leading = size * 1.3;
  const double pad_x = 5;
  const double pad_y = 4;
  const double total_weight = std::accumulate(t.columns.begin(), t.columns.end(), 0.0,
                                              [](double s, const auto& c) { return s + std::max(c.width, 0.01); });
  std::vector<double> xs{left()};
  std::vector<double> ws;
  for (const auto& column : t.columns) {
    ws.push_back(width() * std::max(column.width, 0.01) / total_weight);
    xs.push_back(xs.back() + ws.back());
  }

  const auto lines_of = [&](const std::vector<std::string>& texts, const std::vector<bool>& bold) {
    RowLines row;
    std::size_t most = 1;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      row.cells.push_back(wrap_text(texts[c], bold[c], fonts_, size, ws[c] - 2 * pad_x));
      most = std::max(most, row.cells.back().size());
    }
    row.bold = bold;
    row.height = leading * static_cast<double>(most) + 2 * pad_y;
    return row;
  };
  const auto draw_cells = [&](const RowLines& row, Rgb colour) {
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      double baseline = y_ + pad_y + leading - (leading - size) / 2 - size * 0.18;
      for (const auto& line : row.cells[c]) {
        const double w = fonts_.face(row.bold[c]).width(line, size);
        double x = xs[c] + pad_x;
        if (t.columns[c].align == layout::Align::right) x = xs[c + 1] - pad_x - w;
        if (t.columns[c].align == layout::Align::center) x = xs[c] + (ws[c] - w) / 2;
        text(x, baseline, size, row.bold[c], colour, line);
        baseline += leading;
      }
    }
  };

  std::vector<std::string> titles;
  for (const auto& column : t.columns) titles.push_back(column.title);
  const RowLines header = lines_of(titles, std::vector<bool>(t.columns.size(), true));
  const bool en = lang_ == Language::en;
  const double caption_size = style_.body_size;
  const auto draw_header = [&](bool continued) {
    if (!t.name.empty()) {
      y_ += caption_size * 1.5;
      text(left(), y_ - caption_size * 0.45, caption_size, true, style_.text,
           continued ? t.name + (en ? " (continued)" : " (suite)") : t.name);
      y_ += 2;
    }
    add(Box{left(), y_, width(), header.height, tint(style_.accent, 0.11)});
    draw_cells(header, style_.accent);
    y_ += header.height;
    hline(left(), left() + width(), y_, 0.8, style_.accent);
  };

  std::vector<RowLines> rows;
  for (const auto& cells : t.rows) {
    std::vector<std::string> texts;
    std::vector<bool> bold;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      const layout::Cell* cell = c < cells.size() ? &cells[c] : nullptr;
      // A cell without its own type takes its column's.
      const layout::CellType type =
          cell && cell->type != layout::CellType::text ? cell->type : t.columns[c].type;
      texts.push_back(cell ? display_text(type, cell->value, lang_) : "");
      bold.push_back(cell && cell->bold);
    }
    rows.push_back(lines_of(texts, bold));
  }

  const double caption_h = t.name.empty() ? 0 : caption_size * 1.5 + 2;
  gap(6);
  ensure(caption_h + header.height + (rows.empty() ? 0 : rows.front().height));
  draw_header(false);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (y_ + rows[r].height > bottom()) {
      new_page();
      draw_header(true);
    }
    if (t.shaded && r % 2 == 1) add(Box{left(), y_, width(), rows[r].height, style_.row_shade});
    draw_cells(rows[r], style_.text);
    y_ += rows[r].height;
    if (!t.shaded) hline(left(), left() + width(), y_, 0.35, style_.rule);
  }

  if (!t.total.empty()) {
    std::vector<std::string> texts;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      if (c >= t.total.size()) { texts.emplace_back(); continue; }
      const layout::Cell& cell = t.total[c];
      // A sum cell shows the sum of the rows above, computed here so that it cannot disagree.
      const layout::CellType type = cell.type != layout::CellType::text ? cell.type : t.columns[c].type;
      const std::string value = cell.sum ? column_sum(t.rows, c, type) : cell.value;
      texts.push_back(display_text(type, value, lang_));
    }
    const RowLines total = lines_of(texts, std::vector<bool>(t.columns.size(), true));
    if (y_ + total.height > bottom()) {
      new_page();
      draw_header(true);
    }
    hline(left(), left() + width(), y_, 0.8, style_.accent);
    draw_cells(total, style_.text);
    y_ += total.height;
    hline(left(), left() + width(), y_, 0.8, style_.accent);
  }
  y_ += 12;
}

}  // namespace clause::pdf
