// The workbook renderer (reports/xlsx/xlsx_renderer.h).
//
// Decisions: number formats are written in Excel's invariant syntax ("#,##0.00 \"€\"") and Excel
// shows them with the reader's separators (1 234,56 € in a French Excel). Percent cells hold the
// fraction (99.953 % -> 0.99953). A sum with no rows above is written as the number 0, since
// SUM over an empty range cannot be expressed without including the total row itself. Chart data
// goes to its own sheet (Chart.sheet, shared by charts that name the same sheet), labels in column
// A and one column per series; the native chart sits to the right of its data.
#include "reports/xlsx/xlsx_renderer.h"

#include <algorithm>
#include <charconv>
#include <deque>
#include <map>
#include <tuple>

#include <xlsxwriter.h>

#include "model/decimal.h"
#include "model/money.h"
#include "model/time.h"
#include "reports/pdf/cell_text.h"
#include "reports/xlsx/scratch_folder.h"
#include "reports/xlsx/sheet_names.h"

namespace clause::xlsx {
namespace {

using layout::CellType;

constexpr std::time_t kFixedCreation = 315532800;  // 1980-01-01T00:00:00Z, the zip epoch
constexpr int kChartHeightRows = 16;               // a default libxlsxwriter chart is ~15 rows high

std::size_t utf8_length(std::string_view s) {
  return std::size_t(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// "2026-10-31" or "2026-10-31T17:30[:ss]" as an Excel date-time.
std::optional<lxw_datetime> excel_datetime(std::string_view text) {
  auto date = parse_date(text.substr(0, 10));
  if (!date) return std::nullopt;
  lxw_datetime dt{int(date->year()), int(unsigned(date->month())), int(unsigned(date->day())), 0, 0, 0};
  if (text.size() >= 16) {
    dt.hour = (text[11] - '0') * 10 + (text[12] - '0');
    dt.min = (text[14] - '0') * 10 + (text[15] - '0');
    if (text.size() >= 19) dt.sec = (text[17] - '0') * 10 + (text[18] - '0');
  }
  return dt;
}

class WorkbookWriter {
 public:
  WorkbookWriter(const layout::Document& document, const std::filesystem::path& out, const XlsxOptions& options)
      : document_(document), out_(out), french_(document.language != "en") {
    temp_folder_ = (options.temp_folder.empty() ? default_scratch_folder() : options.temp_folder).string();
    lxw_workbook_options workbook_options{};
    workbook_options.tmpdir = temp_folder_.empty() ? nullptr : temp_folder_.data();
    path_ = out.string();
    workbook_ = workbook_new_opt(path_.c_str(), &workbook_options);
    if (!workbook_) throw XlsxError(path_ + ": cannot create the workbook");
    title_ = document.title;
    author_ = document.author;
    subject_ = document.subject;
    company_ = options.company;
    lxw_doc_properties properties{};
    properties.title = title_.data();
    properties.author = author_.data();
    properties.subject = subject_.data();
    properties.company = company_.data();
    properties.created = options.created != 0 ? options.created : kFixedCreation;
    workbook_set_properties(workbook_, &properties);
  }

  ~WorkbookWriter() {
    if (workbook_) workbook_close(workbook_);  // only reached on an exception: best effort
  }

  void write() {
    for (const auto& block : document_.blocks) {
      if (const auto* table = std::get_if<layout::Table>(&block)) write_table(*table);
      if (const auto* kv = std::get_if<layout::KeyValues>(&block); kv && !kv->sheet.empty()) write_key_values(*kv);
      if (const auto* chart = std::get_if<layout::Chart>(&block)) write_chart(*chart);
    }
    if (sheet_count_ == 0) add_sheet(french_ ? "Document" : "Document");  // a workbook needs one sheet
    // core.xml's dates go through gmtime(): one result per thread (reports/reentrant_libc_time.cc).
    const lxw_error error = workbook_close(workbook_);
    workbook_ = nullptr;
    if (error != LXW_NO_ERROR) throw XlsxError(path_ + ": " + lxw_strerror(error));
  }

 private:
  lxw_worksheet* add_sheet(std::string_view wanted) {
    names_.push_back(sheet_names_.claim(wanted, french_ ? "Feuille" : "Sheet"));
    ++sheet_count_;
    lxw_worksheet* sheet = workbook_add_worksheet(workbook_, names_.back().c_str());
    if (!sheet) throw XlsxError(path_ + ": cannot add sheet \"" + names_.back() + "\"");
    return sheet;
  }

  // The format of a cell: one lxw_format per distinct look, and none (the workbook's default)
  // for plain cells. libxlsxwriter 1.1.4 keeps a format's index only when it is the first of its
  // look; a format that looks like an earlier one (the default, or another of the same look) is
  // hashed again at every cell it is written to (2.4 % of a statement run's CPU samples,
  // docs/speed.md). The workbook's bytes are the same either way.
  lxw_format* format(CellType type, bool bold, bool header = false, int decimals = 2) {
    auto key = std::tuple{int(type), bold, header, type == CellType::percent ? decimals : 0};
    if (auto found = formats_.find(key); found != formats_.end()) return found->second;
    std::string number_format = header ? std::string{} : number_format_of(type, decimals);
    auto look = std::tuple{bold || header, header, number_format};
    lxw_format* f = nullptr;
    if (auto same = looks_.find(look); same != looks_.end()) {
      f = same->second;
    } else if (bold || header || !number_format.empty()) {
      f = workbook_add_format(workbook_);
      if (bold || header) format_set_bold(f);
      if (header) {
        format_set_bottom(f, LXW_BORDER_THIN);
        format_set_bg_color(f, 0xE7E6E6);
        format_set_text_wrap(f);
      }
      if (!number_format.empty()) format_set_num_format(f, number_format.c_str());
      looks_.emplace(std::move(look), f);
    }
    formats_.emplace(key, f);
    return f;
  }

  // The number format of a typed cell, empty for the default ("General").
  std::string number_format_of(CellType type, int decimals) const {
    switch (type) {
      case CellType::money:
        return "#,##0.00 \"€\"";
      case CellType::date:
        return french_ ? "dd/mm/yyyy" : "yyyy-mm-dd";
      case CellType::datetime:
        return french_ ? "dd/mm/yyyy hh:mm" : "yyyy-mm-dd hh:mm";
      case CellType::percent:
        // F1: the decimals the figure was given ("5 %", "66,7 %", "99,9004 %"), a no-break space
        // before the sign as in the PDF; the spreadsheet shows its own decimal separator.
        return (decimals > 0 ? "0." + std::string(std::size_t(decimals), '0') : std::string("0")) + "\"\u00A0\"%";
      case CellType::integer:
        return "#,##0";
      case CellType::number:
      case CellType::text:
        break;
    }
    return {};
  }

  // The number a typed cell holds in the workbook (percent as a fraction); nothing for text.
  static std::optional<double> numeric(CellType type, const std::string& value) {
    switch (type) {
      case CellType::money:
        if (auto m = parse_money(value)) return double(m->cents) / 100.0;
        return std::nullopt;
      case CellType::percent:
        if (auto v = parse_double(value)) return *v / 100.0;
        return std::nullopt;
      case CellType::number:
      case CellType::integer:
        return parse_double(value);
      default:
        return std::nullopt;
    }
  }

  void write_cell(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, CellType type, const std::string& value,
                  bool bold) {
    lxw_format* f = format(type, bold, false, decimals_of(value));
    if (value.empty()) {
      if (bold) worksheet_write_blank(sheet, row, col, f);
      return;
    }
    if (type == CellType::datetime && (value.size() == 22 || value.size() == 25)) {
      // F2: a repeated-hour time keeps its offset, which a spreadsheet date cannot hold: as text.
      worksheet_write_string(sheet, row, col,
                             pdf::display_text(type, value, french_ ? Language::fr : Language::en).c_str(),
                             format(CellType::text, bold));
      return;
    }
    if (type == CellType::date || type == CellType::datetime) {
      if (auto dt = excel_datetime(value)) {
        worksheet_write_datetime(sheet, row, col, &*dt, f);
        return;
      }
    } else if (auto number = numeric(type, value)) {
      worksheet_write_number(sheet, row, col, *number, f);
      return;
    }
    // Text, or a typed value not in machine form (a Document built by hand): kept as text.
    worksheet_write_string(sheet, row, col, value.c_str(), format(CellType::text, bold));
  }

  void write_table(const layout::Table& table) {
    lxw_worksheet* sheet = add_sheet(table.name.empty() ? (french_ ? "Tableau" : "Table") : table.name);
    auto columns = lxw_col_t(table.columns.size());
    for (lxw_col_t c = 0; c < columns; ++c) {
      const auto& column = table.columns[c];
      worksheet_set_column(sheet, c, c, excel_column_width(column), nullptr);
      worksheet_write_string(sheet, 0, c, column.title.c_str(), format(CellType::text, true, true));
    }
    lxw_row_t row = 1;
    for (const auto& cells : table.rows) {
      for (lxw_col_t c = 0; c < cells.size(); ++c)
        write_cell(sheet, row, c, cells[c].type, cells[c].value, cells[c].bold);
      ++row;
    }
    lxw_row_t last_data_row = row - 1;  // 0 when there is no data row
    if (!table.total.empty()) {
      for (lxw_col_t c = 0; c < table.total.size(); ++c) {
        const auto& cell = table.total[c];
        if (!cell.sum) {
          write_cell(sheet, row, c, cell.type, cell.value, cell.bold);
          continue;
        }
        double cached = numeric(cell.type, cell.value).value_or(0);
        if (last_data_row == 0) {
          worksheet_write_number(sheet, row, c, cached, format(cell.type, cell.bold));
          continue;
        }
        char range[64];
        lxw_rowcol_to_range(range, 1, c, last_data_row, c);
        std::string formula = std::string("=SUM(") + range + ")";
        worksheet_write_formula_num(sheet, row, c, formula.c_str(), format(cell.type, cell.bold), cached);
      }
    }
    worksheet_freeze_panes(sheet, 1, 0);
    if (columns > 0) worksheet_autofilter(sheet, 0, 0, last_data_row, columns - 1);
  }

  void write_key_values(const layout::KeyValues& kv) {
    lxw_worksheet* sheet = add_sheet(kv.sheet);
    std::size_t key_width = 10;
    lxw_row_t row = 0;
    for (const auto& entry : kv.rows) {
      key_width = std::max(key_width, utf8_length(entry.key));
      worksheet_write_string(sheet, row, 0, entry.key.c_str(), format(CellType::text, true));
      write_cell(sheet, row, 1, entry.type, entry.value, false);
      ++row;
    }
    worksheet_set_column(sheet, 0, 0, double(std::min<std::size_t>(key_width + 2, 60)), nullptr);
    worksheet_set_column(sheet, 1, 1, 28, nullptr);
  }

  struct ChartSheet {
    lxw_worksheet* sheet = nullptr;
    const std::string* name = nullptr;
    lxw_row_t next_row = 0;
  };

  void write_chart(const layout::Chart& chart) {
    std::string wanted = !chart.sheet.empty()   ? chart.sheet
                         : !chart.title.empty() ? chart.title
                                                : (french_ ? "Graphique" : "Chart");
    auto found = chart_sheets_.find(wanted);
    if (found == chart_sheets_.end()) {
      ChartSheet fresh;
      fresh.sheet = add_sheet(wanted);
      fresh.name = &names_.back();
      found = chart_sheets_.emplace(wanted, fresh).first;
    }
    ChartSheet& target = found->second;
    lxw_worksheet* sheet = target.sheet;
    lxw_row_t top = target.next_row;
    auto series_count = lxw_col_t(chart.series.size());
    worksheet_write_string(sheet, top, 0, chart.x_title.c_str(), format(CellType::text, true, true));
    for (lxw_col_t s = 0; s < series_count; ++s)
      worksheet_write_string(sheet, top, s + 1, chart.series[s].name.c_str(), format(CellType::text, true, true));
    worksheet_set_column(sheet, 0, series_count, 14, nullptr);
    for (std::size_t i = 0; i < chart.labels.size(); ++i) {
      auto row = lxw_row_t(top + 1 + i);
      worksheet_write_string(sheet, row, 0, chart.labels[i].c_str(), nullptr);
      for (lxw_col_t s = 0; s < series_count; ++s)
        if (i < chart.series[s].values.size())
          worksheet_write_number(sheet, row, s + 1, chart.series[s].values[i], nullptr);
    }
    auto rows = lxw_row_t(chart.labels.size());
    target.next_row = top + std::max<lxw_row_t>(rows + 2, kChartHeightRows + 1);
    if (rows == 0 || series_count == 0) return;

    lxw_chart* native =
        workbook_add_chart(workbook_, chart.kind == layout::Chart::Kind::line ? LXW_CHART_LINE : LXW_CHART_COLUMN);
    for (lxw_col_t s = 0; s < series_count; ++s) {
      lxw_chart_series* series = chart_add_series(native, nullptr, nullptr);
      chart_series_set_categories(series, target.name->c_str(), top + 1, 0, top + rows, 0);
      chart_series_set_values(series, target.name->c_str(), top + 1, s + 1, top + rows, s + 1);
      chart_series_set_name_range(series, target.name->c_str(), top, s + 1);
    }
    texts_.push_back(chart.title);
    if (!chart.title.empty()) chart_title_set_name(native, texts_.back().c_str());
    texts_.push_back(chart.x_title);
    if (!chart.x_title.empty()) chart_axis_set_name(native->x_axis, texts_.back().c_str());
    texts_.push_back(chart.y_title);
    if (!chart.y_title.empty()) chart_axis_set_name(native->y_axis, texts_.back().c_str());
    if (chart.y_min) chart_axis_set_min(native->y_axis, *chart.y_min);
    if (chart.y_max) chart_axis_set_max(native->y_axis, *chart.y_max);
    if (series_count == 1) chart_legend_set_position(native, LXW_CHART_LEGEND_NONE);
    worksheet_insert_chart(sheet, top, series_count + 2, native);
  }

  const layout::Document& document_;
  std::filesystem::path out_;
  bool french_;
  std::string path_, temp_folder_, title_, author_, subject_, company_;
  lxw_workbook* workbook_ = nullptr;
  SheetNames sheet_names_;
  std::deque<std::string> names_;  // stable addresses: libxlsxwriter keeps some pointers until close
  std::deque<std::string> texts_;
  int sheet_count_ = 0;
  std::map<std::tuple<int, bool, bool, int>, lxw_format*> formats_;   // null: the default format
  std::map<std::tuple<bool, bool, std::string>, lxw_format*> looks_;  // bold, header, number format
  std::map<std::string, ChartSheet> chart_sheets_;
};

}  // namespace

double excel_column_width(const layout::Column& column) {
  double width = std::max(column.width * 6.0, double(utf8_length(column.title)) + 2.0);
  return std::min(width, 80.0);
}

void render_xlsx(const layout::Document& document, const std::filesystem::path& out, const XlsxOptions& options) {
  WorkbookWriter writer(document, out, options);
  writer.write();
}

}  // namespace clause::xlsx
