// The workbook view of a document (libxlsxwriter): one sheet per table (named after its caption)
// and per key/value block that names a sheet, plus the data of each chart with a native chart
// beside it. Cells are typed: money as numbers in a euro format, dates as Excel dates, percentages
// as fractions in a percent format; a total row is SUM formulas with their cached values. The same
// Document and options give a byte-identical file (no clock: the creation time is an option).
#pragma once

#include <ctime>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "reports/layout/layout.h"

namespace clause::xlsx {

struct XlsxOptions {
  // docProps/core.xml creation time, e.g. the document's issue date at 00:00 UTC. 0 means
  // 1980-01-01T00:00:00Z (never the wall clock: libxlsxwriter would otherwise write "now").
  std::time_t created = 0;
  std::string company;                // docProps/app.xml company (the provider)
  std::filesystem::path temp_folder;  // libxlsxwriter's scratch files; empty: default_scratch_folder()
};

class XlsxError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Writes the workbook of `document` to `out` (created or replaced; libxlsxwriter 1.1.4 cannot
// write to memory). Callers that need atomicity write to a temporary name and rename it.
// Throws XlsxError naming the file and libxlsxwriter's reason.
void render_xlsx(const layout::Document& document, const std::filesystem::path& out, const XlsxOptions& options);

// Excel column width in characters for a layout column: Column.width is relative (templates use
// 1 to 4, as for the PDF), so 6 characters per unit, at least the title plus 2, at most 80.
double excel_column_width(const layout::Column& column);

}  // namespace clause::xlsx
