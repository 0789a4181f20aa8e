// Tables: relative column widths, a shaded header row repeated on every page the table reaches,
// alternate row shading, an optional total row, rows that never split across pages.
#include <algorithm>
#include <limits>
#include <numeric>

#include "reports/pdf/cell_text.h"
#include "reports/pdf/page_flow.h"

namespace clause::pdf {
namespace {

// A table starts with this many rows, and a new page takes at least this many (the total counts).
constexpr std::size_t kMinRowsPerPage = 2;

Rgb tint(Rgb colour, double amount) {  // amount of colour over white
  return {1 - (1 - colour.r) * amount, 1 - (1 - colour.g) * amount, 1 - (1 - colour.b) * amount};
}

struct RowLines {
  std::vector<std::vector<std::string>> cells;
  std::vector<bool> bold;
  double height = 0;
};

// A table's geometry and wrapped rows, as both drawing and measuring need them.
struct TableMetrics {
  double size = 0, leading = 0, caption_size = 0, caption_h = 0;
  double pad_x = 5, pad_y = 4;
  std::vector<double> xs, ws;
  RowLines header;
  std::vector<RowLines> rows;
  std::vector<RowLines> total;  // zero or one
};

// `rows` of the table's rows at most are wrapped (all by default); the total row only when the rows
// are all there.
TableMetrics measure(const layout::Table& t, const PdfStyle& style, const Fonts& fonts, Language lang, double left,
                     double width, std::size_t rows = std::numeric_limits<std::size_t>::max()) {
  TableMetrics m;
  m.size = style.body_size * 0.9;
  m.leading = m.size * 1.3;
  m.caption_size = style.body_size;
  m.caption_h = t.name.empty() ? 0 : m.caption_size * 1.5 + 2;
  const double total_weight = std::accumulate(t.columns.begin(), t.columns.end(), 0.0,
                                              [](double s, const auto& c) { return s + std::max(c.width, 0.01); });
  m.xs.push_back(left);
  for (const auto& column : t.columns) {
    m.ws.push_back(width * std::max(column.width, 0.01) / total_weight);
    m.xs.push_back(m.xs.back() + m.ws.back());
  }
  const auto lines_of = [&](const std::vector<std::string>& texts, const std::vector<bool>& bold) {
    RowLines row;
    std::size_t most = 1;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      row.cells.push_back(wrap_text(texts[c], bold[c], fonts, m.size, m.ws[c] - 2 * m.pad_x));
      most = std::max(most, row.cells.back().size());
    }
    row.bold = bold;
    row.height = m.leading * static_cast<double>(most) + 2 * m.pad_y;
    return row;
  };

  std::vector<std::string> titles;
  for (const auto& column : t.columns) titles.push_back(column.title);
  m.header = lines_of(titles, std::vector<bool>(t.columns.size(), true));
  for (const auto& cells : t.rows) {
    if (m.rows.size() == rows) return m;
    std::vector<std::string> texts;
    std::vector<bool> bold;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      const layout::Cell* cell = c < cells.size() ? &cells[c] : nullptr;
      // A cell without its own type takes its column's.
      const layout::CellType type = cell && cell->type != layout::CellType::text ? cell->type : t.columns[c].type;
      texts.push_back(cell ? display_text(type, cell->value, lang) : "");
      bold.push_back(cell && cell->bold);
    }
    m.rows.push_back(lines_of(texts, bold));
  }
  if (!t.total.empty()) {
    std::vector<std::string> texts;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      if (c >= t.total.size()) {
        texts.emplace_back();
        continue;
      }
      const layout::Cell& cell = t.total[c];
      // A sum cell prints the total it is given (its builder's, checked by the markup parser).
      const layout::CellType type = cell.type != layout::CellType::text ? cell.type : t.columns[c].type;
      texts.push_back(display_text(type, cell.value, lang));
    }
    m.total.push_back(lines_of(texts, std::vector<bool>(t.columns.size(), true)));
  }
  return m;
}

// Height of unit i of the table: a row, or the total after the last row.
double unit_height(const TableMetrics& m, std::size_t i) {
  return i < m.rows.size() ? m.rows[i].height : m.total.front().height;
}

// The table's start below its gap: caption, header and its first rows.
double start_of(const TableMetrics& m) {
  const std::size_t units = m.rows.size() + m.total.size();
  double h = m.caption_h + m.header.height;
  for (std::size_t i = 0; i < std::min(units, kMinRowsPerPage); ++i) h += unit_height(m, i);
  return h;
}

}  // namespace

double PageFlow::table_start(const layout::Table& t) const {
  if (t.columns.empty()) return 0;
  // Only the rows the start holds are wrapped: measuring the whole table here, then again to draw
  // it, was a quarter of a statement's layout (issue 16).
  return 6 + start_of(measure(t, style_, fonts_, lang_, left(), width(), kMinRowsPerPage));  // gap(6)
}

void PageFlow::table(const layout::Table& t) {
  if (t.columns.empty()) return;
  const TableMetrics m = measure(t, style_, fonts_, lang_, left(), width());
  const double size = m.size;
  const double leading = m.leading;
  const auto& xs = m.xs;
  const auto& ws = m.ws;
  const auto draw_cells = [&](const RowLines& row, Rgb colour) {
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      double baseline = y_ + m.pad_y + leading - (leading - size) / 2 - size * 0.18;
      for (const auto& line : row.cells[c]) {
        const double w = fonts_.face(row.bold[c]).width(line, size);
        double x = xs[c] + m.pad_x;
        if (t.columns[c].align == layout::Align::right) x = xs[c + 1] - m.pad_x - w;
        if (t.columns[c].align == layout::Align::center) x = xs[c] + (ws[c] - w) / 2;
        text(x, baseline, size, row.bold[c], colour, line);
        baseline += leading;
      }
    }
  };

  const bool en = lang_ == Language::en;
  const double caption_size = m.caption_size;
  const auto draw_header = [&](bool continued) {
    if (!t.name.empty()) {
      y_ += caption_size * 1.5;
      text(left(), y_ - caption_size * 0.45, caption_size, true, style_.text,
           continued ? t.name + (en ? " (continued)" : " (suite)") : t.name);
      y_ += 2;
    }
    add(Box{left(), y_, width(), m.header.height, tint(style_.accent, 0.11)});
    draw_cells(m.header, style_.accent);
    y_ += m.header.height;
    hline(left(), left() + width(), y_, 0.8, style_.accent);
  };

  const std::size_t units = m.rows.size() + m.total.size();
  std::size_t on_page = 0;  // units drawn below the header on this page
  // A new page for unit i when it does not fit, or when it and the last unit would not both fit
  // and moving it still leaves kMinRowsPerPage rows here (no lone row or total on a page).
  const auto needs_page = [&](std::size_t i) {
    if (y_ + unit_height(m, i) > bottom()) return true;
    return units - i == kMinRowsPerPage && on_page >= kMinRowsPerPage &&
           y_ + unit_height(m, i) + unit_height(m, i + 1) > bottom();
  };
  gap(6);
  ensure(start_of(m));
  draw_header(false);
  for (std::size_t r = 0; r < m.rows.size(); ++r) {
    if (needs_page(r)) {
      new_page();
      draw_header(true);
      on_page = 0;
    }
    if (t.shaded && r % 2 == 1) add(Box{left(), y_, width(), m.rows[r].height, style_.row_shade});
    draw_cells(m.rows[r], style_.text);
    y_ += m.rows[r].height;
    ++on_page;
    if (!t.shaded) hline(left(), left() + width(), y_, 0.35, style_.rule);
  }

  if (!m.total.empty()) {
    const RowLines& total = m.total.front();
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
