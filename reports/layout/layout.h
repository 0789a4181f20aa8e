// The layout description every document is rendered from: what a Mustache template produces once
// parsed (reports/layout/markup.h), and what the PDF and XLSX renderers read. A small, closed set
// of blocks: headings, paragraphs, key/value blocks, tables, images, charts, page breaks and
// signature blocks. Values in cells are typed so that the PDF formats them the French way and the
// workbook stores real numbers and dates.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace clause::layout {

// How a cell's text is to be read. The text is always the machine form:
//   money "1234.56" (euros, dot), date "2026-10-31", datetime "2026-10-31T17:30" (local, already
//   converted), percent "99.953" (percent units), number "3.5", integer "42", text as is.
enum class CellType { text, money, date, datetime, percent, number, integer };
enum class Align { left, center, right };

struct Span {  // a run of inline text
  std::string text;
  bool bold = false;
};

struct Heading {
  int level = 1;  // 1..3
  std::string text;
};

struct Paragraph {
  std::vector<Span> spans;
  bool small = false;           // legal mentions, footnotes
  bool keep_with_next = false;  // never split, and on the page where the next block starts
};

struct KeyValue {
  std::string key;
  std::string value;
  CellType type = CellType::text;
};

struct KeyValues {  // a two-column block: "Contrat : K-2026-001"
  std::vector<KeyValue> rows;
  std::string sheet;  // non-empty: also a sheet of the workbook
};

struct Cell {
  CellType type = CellType::text;
  std::string value;
  bool bold = false;
  bool sum = false;  // total row: the sum of the column above (XLSX: SUM formula)
};

struct Column {
  std::string title;
  double width = 1.0;  // relative width in the PDF, characters in the workbook
  Align align = Align::left;
  CellType type = CellType::text;
};

struct Table {
  std::string name;  // caption; also the sheet name in the workbook
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
  std::vector<Cell> total;  // optional total row
  bool shaded = true;       // alternate row shading
};

struct Image {
  std::string path;  // PNG or JPEG, resolved against the template folder
  double width_mm = 40;
};

struct Series {
  std::string name;
  std::vector<double> values;  // one per label
};

struct Chart {
  enum class Kind { bar, line } kind = Kind::bar;
  std::string title;
  std::string x_title;
  std::string y_title;
  std::vector<std::string> labels;  // x axis: "1", "2", ... "31"
  std::vector<Series> series;
  std::optional<double> y_min;
  std::optional<double> y_max;
  std::string sheet;  // sheet of the workbook holding its data
};

struct PageBreak {};

struct Signature {
  std::vector<std::string> parties;  // "Pour le prestataire", "Pour le client"
};

using Block = std::variant<Heading, Paragraph, KeyValues, Table, Image, Chart, PageBreak, Signature>;

struct Document {
  std::string title;   // PDF /Title, workbook title
  std::string author;  // provider's name
  std::string subject;
  std::string language = "fr";
  std::string header;  // running header text
  std::string footer;  // running footer text; "page X / Y" is added by the renderer
  std::vector<Block> blocks;
};

}  // namespace clause::layout
