// Parsing and writing the layout markup (reports/layout/markup.h) with pugixml.
//
// Whitespace follows HTML: runs of ASCII blanks collapse to one space and text is trimmed at the
// edges of a block, so that template indentation never reaches the document; no-break spaces
// (U+00A0, U+202F) are data and are kept. A total cell marked sum="true" holds the total its
// document builder computed (in cents, issue 11 "money is summed once"); it is checked here against
// its column, exactly (integer cents, or fixed-point decimals), so that the total the PDF prints
// and the SUM formula the workbook caches cannot disagree. An empty one (markup written without a
// builder, such as the sample) is the column's sum. Renderers print Cell.value as given.
#include "reports/layout/markup.h"

#include <charconv>
#include <cstdint>
#include <set>
#include <sstream>

#include <pugixml.hpp>

#include "model/decimal.h"
#include "model/money.h"
#include "model/time.h"

namespace clause::layout {

MarkupError::MarkupError(std::string where, std::string reason)
    : std::runtime_error(where + ": " + reason), where_(std::move(where)), reason_(std::move(reason)) {}

int line_of_offset(std::string_view text, std::size_t offset) {
  if (offset > text.size()) offset = text.size();
  int line = 1;
  for (std::size_t i = 0; i < offset; ++i)
    if (text[i] == '\n') ++line;
  return line;
}

namespace {

constexpr std::pair<CellType, std::string_view> kTypeNames[] = {
    {CellType::text, "text"},         {CellType::money, "money"},     {CellType::date, "date"},
    {CellType::datetime, "datetime"}, {CellType::percent, "percent"}, {CellType::number, "number"},
    {CellType::integer, "integer"}};

bool is_digits(std::string_view s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos; }

// "-12", "3.25": an optional minus, digits, optionally a dot and digits.
bool is_decimal(std::string_view s) {
  if (!s.empty() && s[0] == '-') s.remove_prefix(1);
  auto dot = s.find('.');
  if (dot == std::string_view::npos) return is_digits(s);
  return is_digits(s.substr(0, dot)) && is_digits(s.substr(dot + 1));
}

std::string_view example_of(CellType type) {
  switch (type) {
    case CellType::money:
      return "1234.56";
    case CellType::date:
      return "2026-10-31";
    case CellType::datetime:
      return "2026-10-31T17:30";
    case CellType::percent:
      return "99.953";
    case CellType::number:
      return "3.5";
    case CellType::integer:
      return "42";
    case CellType::text:
      break;
  }
  return "any text";
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Runs of ASCII blanks become one space; no trimming.
std::string collapse(std::string_view text) {
  std::string out;
  bool in_blank = false;
  for (char c : text) {
    if (is_blank(c)) {
      if (!in_blank) out += ' ';
      in_blank = true;
    } else {
      out += c;
      in_blank = false;
    }
  }
  return out;
}

std::string trim(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  std::size_t first = 0;
  while (first < s.size() && s[first] == ' ') ++first;
  return s.substr(first);
}

bool only_blanks(std::string_view s) {
  for (char c : s)
    if (!is_blank(c)) return false;
  return true;
}

const std::set<std::string, std::less<>> kVocabulary = {
    "document", "h1",    "h2",    "h3",    "p",      "b",     "kv",     "row", "table",     "col",       "tr",
    "td",       "total", "image", "chart", "labels", "label", "series", "v",   "pagebreak", "signature", "party"};

// Fixed-point sum of decimal strings: exact whatever the number of decimals.
std::string sum_decimals(const std::vector<std::string>& values) {
  std::size_t scale = 0;
  for (const auto& v : values) {
    auto dot = v.find('.');
    if (dot != std::string::npos) scale = std::max(scale, v.size() - dot - 1);
  }
  std::int64_t total = 0;  // 18 significant digits are plenty for a document
  for (const auto& v : values) {
    bool negative = v[0] == '-';
    std::string digits = v.substr(negative ? 1 : 0);
    auto dot = digits.find('.');
    std::string frac = dot == std::string::npos ? "" : digits.substr(dot + 1);
    std::string whole = digits.substr(0, dot);
    frac.append(scale - frac.size(), '0');
    std::int64_t n = 0;
    for (char c : whole + frac) n = n * 10 + (c - '0');
    total += negative ? -n : n;
  }
  bool negative = total < 0;
  if (negative) total = -total;
  std::string digits;
  do {
    digits.insert(digits.begin(), char('0' + int(total % 10)));
    total /= 10;
  } while (total > 0);
  if (digits.size() <= scale) digits.insert(0, scale + 1 - digits.size(), '0');
  if (scale > 0) digits.insert(digits.size() - scale, ".");
  return (negative ? "-" : "") + digits;
}

class Parser {
 public:
  explicit Parser(const MarkupLocator& locate) : locate_(locate) {}

  Document parse(std::string_view text) {
    pugi::xml_document xml;
    auto result =
        xml.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
    if (!result)
      throw MarkupError(locate_(std::size_t(result.offset)), std::string("malformed markup: ") + result.description());
    pugi::xml_node root = xml.document_element();
    if (!root) throw MarkupError(locate_(0), "no <document> element");
    if (std::string_view(root.name()) != "document")
      fail(root, "the root element must be <document>, not <" + std::string(root.name()) + ">");
    return document(root);
  }

 private:
  [[noreturn]] void fail(pugi::xml_node node, const std::string& reason) const {
    auto offset = node.offset_debug();
    throw MarkupError(locate_(offset < 0 ? 0 : std::size_t(offset)), reason);
  }

  void allow(pugi::xml_node node, std::initializer_list<std::string_view> names) const {
    for (auto attribute : node.attributes()) {
      bool known = false;
      for (auto name : names) known = known || name == attribute.name();
      if (!known) fail(node, "unknown attribute " + std::string(attribute.name()) + " on <" + node.name() + ">");
    }
  }

  // The element children of `node`; blank text is ignored, other text is an error.
  std::vector<pugi::xml_node> elements(pugi::xml_node node) const {
    std::vector<pugi::xml_node> out;
    for (auto child : node.children()) {
      if (child.type() == pugi::node_element) {
        out.push_back(child);
      } else if ((child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) &&
                 !only_blanks(child.value())) {
        fail(node, "text \"" + trim(collapse(child.value())) + "\" is not allowed inside <" + node.name() + ">");
      }
    }
    return out;
  }

  [[noreturn]] void misplaced(pugi::xml_node child, pugi::xml_node parent) const {
    if (!kVocabulary.count(std::string_view(child.name())))
      fail(child, "unknown tag <" + std::string(child.name()) + ">");
    fail(child, "<" + std::string(child.name()) + "> is not allowed inside <" + parent.name() + ">");
  }

  // The raw text of an element that holds text only.
  std::string raw_text(pugi::xml_node node) const {
    std::string text;
    for (auto child : node.children()) {
      if (child.type() == pugi::node_element) misplaced(child, node);
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) text += child.value();
    }
    return text;
  }

  std::string text(pugi::xml_node node) const { return trim(collapse(raw_text(node))); }

  bool boolean(pugi::xml_node node, const char* name, bool fallback) const {
    auto attribute = node.attribute(name);
    if (!attribute) return fallback;
    std::string_view v = attribute.value();
    if (v == "true") return true;
    if (v == "false") return false;
    fail(node, "bad value \"" + std::string(v) + "\" for " + name + " on <" + node.name() + "> (true or false)");
  }

  double number(pugi::xml_node node, std::string_view value, const std::string& what) const {
    if (is_decimal(value))
      if (auto out = parse_double(value)) return *out;
    fail(node, "bad number \"" + std::string(value) + "\" for " + what + " (expected 3.5)");
  }

  std::optional<double> number_attribute(pugi::xml_node node, const char* name) const {
    auto attribute = node.attribute(name);
    if (!attribute) return std::nullopt;
    return number(node, attribute.value(), std::string(name) + " on <" + node.name() + ">");
  }

  CellType cell_type(pugi::xml_node node, CellType fallback) const {
    auto attribute = node.attribute("type");
    if (!attribute) return fallback;
    auto type = parse_cell_type(attribute.value());
    if (!type)
      fail(node, "bad value \"" + std::string(attribute.value()) + "\" for type on <" + node.name() +
                     "> (text, money, date, datetime, percent, number, integer)");
    return *type;
  }

  void check_value(pugi::xml_node node, CellType type, const std::string& value) const {
    if (!is_valid_typed_value(type, value))
      fail(node, "bad " + std::string(cell_type_name(type)) + " value \"" + value + "\" in <" + node.name() +
                     "> (expected " + std::string(example_of(type)) + ")");
  }

  Document document(pugi::xml_node root) const {
    allow(root, {"title", "author", "subject", "language", "header", "footer"});
    Document d;
    d.title = root.attribute("title").value();
    d.author = root.attribute("author").value();
    d.subject = root.attribute("subject").value();
    d.header = root.attribute("header").value();
    d.footer = root.attribute("footer").value();
    if (auto language = root.attribute("language")) {
      d.language = language.value();
      if (d.language != "fr" && d.language != "en")
        fail(root, "bad value \"" + d.language + "\" for language on <document> (fr or en)");
    }
    for (auto node : elements(root)) d.blocks.push_back(block(node, root));
    return d;
  }

  Block block(pugi::xml_node node, pugi::xml_node parent) const {
    std::string_view tag = node.name();
    if (tag == "h1" || tag == "h2" || tag == "h3") {
      allow(node, {});
      return Heading{tag[1] - '0', text(node)};
    }
    if (tag == "p") return paragraph(node);
    if (tag == "kv") return key_values(node);
    if (tag == "table") return table(node);
    if (tag == "image") {
      allow(node, {"src", "width-mm"});
      if (!node.attribute("src") || std::string_view(node.attribute("src").value()).empty())
        fail(node, "<image> needs a src");
      elements(node);
      return Image{node.attribute("src").value(), number_attribute(node, "width-mm").value_or(40)};
    }
    if (tag == "chart") return chart(node);
    if (tag == "pagebreak") {
      allow(node, {});
      elements(node);
      return PageBreak{};
    }
    if (tag == "signature") {
      allow(node, {});
      Signature s;
      for (auto child : elements(node)) {
        if (std::string_view(child.name()) != "party") misplaced(child, node);
        allow(child, {});
        s.parties.push_back(text(child));
      }
      return s;
    }
    misplaced(node, parent);
  }

  Paragraph paragraph(pugi::xml_node node) const {
    allow(node, {"small", "keep-with-next"});
    Paragraph p;
    p.small = boolean(node, "small", false);
    p.keep_with_next = boolean(node, "keep-with-next", false);
    for (auto child : node.children()) {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        p.spans.push_back({collapse(child.value()), false});
      } else if (child.type() == pugi::node_element) {
        if (std::string_view(child.name()) != "b") misplaced(child, node);
        allow(child, {});
        p.spans.push_back({collapse(raw_text(child)), true});
      }
    }
    // Merge neighbours of the same weight (pugixml may split text around skipped nodes), then
    // collapse the blank between spans and trim the paragraph's edges.
    std::vector<Span> merged;
    for (auto& span : p.spans) {
      if (!merged.empty() && merged.back().bold == span.bold) {
        merged.back().text = collapse(merged.back().text + span.text);
      } else {
        merged.push_back(span);
      }
    }
    std::vector<Span> out;
    bool previous_ends_blank = true;  // the paragraph's start trims leading blanks
    for (auto& span : merged) {
      if (previous_ends_blank && !span.text.empty() && span.text[0] == ' ') span.text.erase(0, 1);
      if (span.text.empty()) continue;
      previous_ends_blank = span.text.back() == ' ';
      out.push_back(span);
    }
    while (!out.empty()) {
      auto& last = out.back().text;
      if (!last.empty() && last.back() == ' ') last.pop_back();
      if (!last.empty()) break;
      out.pop_back();
    }
    p.spans = std::move(out);
    return p;
  }

  KeyValues key_values(pugi::xml_node node) const {
    allow(node, {"sheet"});
    KeyValues kv;
    kv.sheet = node.attribute("sheet").value();
    for (auto child : elements(node)) {
      if (std::string_view(child.name()) != "row") misplaced(child, node);
      allow(child, {"key", "type"});
      if (!child.attribute("key")) fail(child, "<row> needs a key");
      KeyValue row{child.attribute("key").value(), text(child), cell_type(child, CellType::text)};
      check_value(child, row.type, row.value);
      kv.rows.push_back(std::move(row));
    }
    return kv;
  }

  std::vector<Cell> cells(pugi::xml_node row, const Table& t, bool total) const {
    allow(row, {});
    std::vector<Cell> out;
    for (auto td : elements(row)) {
      if (std::string_view(td.name()) != "td") misplaced(td, row);
      if (total) {
        allow(td, {"type", "bold", "sum"});
      } else {
        allow(td, {"type", "bold"});
      }
      std::size_t column = out.size();
      CellType fallback = column < t.columns.size() ? t.columns[column].type : CellType::text;
      Cell cell{cell_type(td, fallback), text(td), boolean(td, "bold", total), boolean(td, "sum", false)};
      if (cell.sum && (cell.type == CellType::text || cell.type == CellType::date || cell.type == CellType::datetime))
        fail(td, "sum=\"true\" needs a money, percent, number or integer column");
      check_value(td, cell.type, cell.value);
      out.push_back(std::move(cell));
    }
    if (out.size() != t.columns.size())
      fail(row, "<" + std::string(row.name()) + "> has " + std::to_string(out.size()) + " <td>, the table has " +
                    std::to_string(t.columns.size()) + " columns");
    return out;
  }

  Table table(pugi::xml_node node) const {
    allow(node, {"name", "shaded"});
    Table t;
    t.name = node.attribute("name").value();
    t.shaded = boolean(node, "shaded", true);
    bool has_total = false;
    for (auto child : elements(node)) {
      std::string_view tag = child.name();
      if (tag == "col") {
        if (!t.rows.empty() || has_total) fail(child, "<col> must come before the rows");
        allow(child, {"title", "width", "align", "type"});
        elements(child);
        Column c;
        c.title = child.attribute("title").value();
        c.width = number_attribute(child, "width").value_or(1.0);
        c.type = cell_type(child, CellType::text);
        std::string_view align = child.attribute("align").value();
        if (align == "right") {
          c.align = Align::right;
        } else if (align == "center") {
          c.align = Align::center;
        } else if (align.empty() || align == "left") {
          c.align = c.type == CellType::text || !child.attribute("align").empty() ? Align::left : Align::right;
        } else {
          fail(child, "bad value \"" + std::string(align) + "\" for align on <col> (left, center, right)");
        }
        t.columns.push_back(std::move(c));
      } else if (tag == "tr") {
        if (has_total) fail(child, "<tr> after <total>");
        t.rows.push_back(cells(child, t, false));
      } else if (tag == "total") {
        if (has_total) fail(child, "a table has at most one <total>");
        has_total = true;
        t.total = cells(child, t, true);
      } else {
        misplaced(child, node);
      }
    }
    if (t.columns.empty()) fail(node, "<table> needs at least one <col>");
    for (std::size_t c = 0; c < t.total.size(); ++c) {
      if (!t.total[c].sum) continue;
      std::string sum = column_sum(t, c);
      if (t.total[c].value.empty())
        t.total[c].value = std::move(sum);
      else if (!same_amount(t.total[c].value, sum, t.total[c].type))
        fail(node, "the total " + t.total[c].value + " of column " + std::to_string(c + 1) +
                       " is not the sum of its rows (" + sum + ")");
    }
    return t;
  }

  // Whether a given total and the column's sum are the same figure ("12.5" and "12.50" are).
  static bool same_amount(const std::string& given, const std::string& sum, CellType type) {
    if (type == CellType::money) return parse_money(given) == parse_money(sum);
    auto zero_like = [](const std::string& v) {  // "0.00" for "12.50": the same number of decimals
      const auto dot = v.find('.');
      return dot == std::string::npos ? std::string("0") : "0." + std::string(v.size() - dot - 1, '0');
    };
    return sum_decimals({given, zero_like(sum)}) == sum_decimals({sum, zero_like(given)});
  }

  static std::string column_sum(const Table& t, std::size_t column) {
    CellType type = t.total[column].type;
    std::vector<std::string> values;
    for (const auto& row : t.rows)
      if (row[column].type == type && !row[column].value.empty()) values.push_back(row[column].value);
    if (type == CellType::money) {
      Money total;
      for (const auto& v : values) total += *parse_money(v);
      return format_money_plain(total);
    }
    return sum_decimals(values);
  }

  // Whitespace-separated words, or one child element per item.
  std::vector<std::string> items(pugi::xml_node node, std::string_view item_tag) const {
    std::vector<std::string> out;
    bool has_elements = false;
    std::string loose;
    for (auto child : node.children()) {
      if (child.type() == pugi::node_element) {
        if (child.name() != item_tag) misplaced(child, node);
        allow(child, {});
        has_elements = true;
        out.push_back(text(child));
      } else if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        loose += child.value();
      }
    }
    if (has_elements) {
      if (!only_blanks(loose))
        fail(node, "<" + std::string(node.name()) + "> mixes text and <" + std::string(item_tag) + "> elements");
      return out;
    }
    std::istringstream words(loose);
    for (std::string w; words >> w;) out.push_back(w);
    return out;
  }

  Chart chart(pugi::xml_node node) const {
    allow(node, {"kind", "title", "x-title", "y-title", "y-min", "y-max", "sheet"});
    Chart c;
    std::string_view kind = node.attribute("kind").value();
    if (kind == "line") {
      c.kind = Chart::Kind::line;
    } else if (kind.empty() || kind == "bar") {
      c.kind = Chart::Kind::bar;
    } else {
      fail(node, "bad value \"" + std::string(kind) + "\" for kind on <chart> (bar or line)");
    }
    c.title = node.attribute("title").value();
    c.x_title = node.attribute("x-title").value();
    c.y_title = node.attribute("y-title").value();
    c.y_min = number_attribute(node, "y-min");
    c.y_max = number_attribute(node, "y-max");
    c.sheet = node.attribute("sheet").value();
    bool has_labels = false;
    for (auto child : elements(node)) {
      std::string_view tag = child.name();
      if (tag == "labels") {
        if (has_labels) fail(child, "a chart has one <labels>");
        allow(child, {});
        has_labels = true;
        c.labels = items(child, "label");
      } else if (tag == "series") {
        allow(child, {"name"});
        Series s{child.attribute("name").value(), {}};
        for (const auto& word : items(child, "v"))
          s.values.push_back(number(child, word, "a value of series \"" + s.name + "\""));
        if (s.values.size() != c.labels.size())
          fail(child, "series \"" + s.name + "\" has " + std::to_string(s.values.size()) + " values, the chart has " +
                          std::to_string(c.labels.size()) + " labels");
        c.series.push_back(std::move(s));
      } else {
        misplaced(child, node);
      }
    }
    return c;
  }

  const MarkupLocator& locate_;
};

// Writing: pugixml escapes text and attributes.
std::string shortest(double v) {
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
  return std::string(buffer, end);
}

void write_cells(pugi::xml_node row, const std::vector<Cell>& cells, const std::vector<Column>& columns, bool total) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const Cell& cell = cells[i];
    auto td = row.append_child("td");
    CellType column_type = i < columns.size() ? columns[i].type : CellType::text;
    if (cell.type != column_type) td.append_attribute("type") = std::string(cell_type_name(cell.type)).c_str();
    if (cell.bold != total) td.append_attribute("bold") = cell.bold ? "true" : "false";
    if (cell.sum) td.append_attribute("sum") = "true";
    if (!cell.value.empty()) td.text() = cell.value.c_str();
  }
}

void write_block(pugi::xml_node root, const Block& block) {
  std::visit(
      [&](const auto& b) {
        using T = std::decay_t<decltype(b)>;
        if constexpr (std::is_same_v<T, Heading>) {
          root.append_child(("h" + std::to_string(b.level)).c_str()).text() = b.text.c_str();
        } else if constexpr (std::is_same_v<T, Paragraph>) {
          auto p = root.append_child("p");
          if (b.small) p.append_attribute("small") = "true";
          if (b.keep_with_next) p.append_attribute("keep-with-next") = "true";
          for (const auto& span : b.spans) {
            if (span.bold) {
              p.append_child("b").text() = span.text.c_str();
            } else {
              p.append_child(pugi::node_pcdata).set_value(span.text.c_str());
            }
          }
        } else if constexpr (std::is_same_v<T, KeyValues>) {
          auto kv = root.append_child("kv");
          if (!b.sheet.empty()) kv.append_attribute("sheet") = b.sheet.c_str();
          for (const auto& row : b.rows) {
            auto r = kv.append_child("row");
            r.append_attribute("key") = row.key.c_str();
            if (row.type != CellType::text) r.append_attribute("type") = std::string(cell_type_name(row.type)).c_str();
            r.text() = row.value.c_str();
          }
        } else if constexpr (std::is_same_v<T, Table>) {
          auto t = root.append_child("table");
          t.append_attribute("name") = b.name.c_str();
          if (!b.shaded) t.append_attribute("shaded") = "false";
          for (const auto& c : b.columns) {
            auto col = t.append_child("col");
            col.append_attribute("title") = c.title.c_str();
            col.append_attribute("width") = shortest(c.width).c_str();
            col.append_attribute("align") = c.align == Align::left    ? "left"
                                            : c.align == Align::right ? "right"
                                                                      : "center";
            if (c.type != CellType::text) col.append_attribute("type") = std::string(cell_type_name(c.type)).c_str();
          }
          for (const auto& row : b.rows) write_cells(t.append_child("tr"), row, b.columns, false);
          if (!b.total.empty()) write_cells(t.append_child("total"), b.total, b.columns, true);
        } else if constexpr (std::is_same_v<T, Image>) {
          auto image = root.append_child("image");
          image.append_attribute("src") = b.path.c_str();
          image.append_attribute("width-mm") = shortest(b.width_mm).c_str();
        } else if constexpr (std::is_same_v<T, Chart>) {
          auto c = root.append_child("chart");
          c.append_attribute("kind") = b.kind == Chart::Kind::bar ? "bar" : "line";
          c.append_attribute("title") = b.title.c_str();
          if (!b.x_title.empty()) c.append_attribute("x-title") = b.x_title.c_str();
          if (!b.y_title.empty()) c.append_attribute("y-title") = b.y_title.c_str();
          if (b.y_min) c.append_attribute("y-min") = shortest(*b.y_min).c_str();
          if (b.y_max) c.append_attribute("y-max") = shortest(*b.y_max).c_str();
          if (!b.sheet.empty()) c.append_attribute("sheet") = b.sheet.c_str();
          auto labels = c.append_child("labels");
          for (const auto& l : b.labels) labels.append_child("label").text() = l.c_str();
          for (const auto& s : b.series) {
            auto series = c.append_child("series");
            series.append_attribute("name") = s.name.c_str();
            std::string values;
            for (double v : s.values) values += (values.empty() ? "" : " ") + shortest(v);
            series.text() = values.c_str();
          }
        } else if constexpr (std::is_same_v<T, PageBreak>) {
          root.append_child("pagebreak");
        } else if constexpr (std::is_same_v<T, Signature>) {
          auto s = root.append_child("signature");
          for (const auto& party : b.parties) s.append_child("party").text() = party.c_str();
        }
      },
      block);
}

}  // namespace

std::string_view cell_type_name(CellType type) {
  for (auto [t, name] : kTypeNames)
    if (t == type) return name;
  return "text";
}

std::optional<CellType> parse_cell_type(std::string_view word) {
  for (auto [t, name] : kTypeNames)
    if (name == word) return t;
  return std::nullopt;
}

bool is_valid_typed_value(CellType type, std::string_view value) {
  // "—": nothing to measure (F1: a rate of 0 tickets is "—", not 100 %); shown as is.
  if (value.empty() || value == "\u2014") return true;
  switch (type) {
    case CellType::text:
      return true;
    case CellType::money:
      return parse_money(value).has_value();
    case CellType::date:
      return parse_date(value).has_value();
    case CellType::datetime: {
      // F2: a wall time of the autumn repeated hour carries its offset: "2026-10-25T02:30+02:00".
      if (value.size() == 22 || value.size() == 25) {
        const auto offset = value.substr(value.size() - 6);
        if ((offset[0] != '+' && offset[0] != '-') || offset[3] != ':' || !is_digits(offset.substr(1, 2)) ||
            !is_digits(offset.substr(4, 2)))
          return false;
        value = value.substr(0, value.size() - 6);
      }
      if ((value.size() != 16 && value.size() != 19) || value[10] != 'T' || value[13] != ':') return false;
      if (!parse_date(value.substr(0, 10))) return false;
      auto hh = value.substr(11, 2), mm = value.substr(14, 2);
      if (!is_digits(hh) || !is_digits(mm) || hh > "23" || mm > "59") return false;
      return value.size() == 16 || (value[16] == ':' && is_digits(value.substr(17, 2)) && value.substr(17, 2) <= "59");
    }
    case CellType::percent:
    case CellType::number:
      return is_decimal(value);
    case CellType::integer:
      return is_digits(value[0] == '-' ? value.substr(1) : value);
  }
  return false;
}

Document parse_markup(std::string_view text, const MarkupLocator& locate) { return Parser(locate).parse(text); }

Document parse_markup(std::string_view text, std::string_view source_name) {
  MarkupLocator locate = [&](std::size_t offset) {
    return std::string(source_name) + ":" + std::to_string(line_of_offset(text, offset));
  };
  return parse_markup(text, locate);
}

std::string to_markup(const Document& document) {
  pugi::xml_document xml;
  auto root = xml.append_child("document");
  root.append_attribute("title") = document.title.c_str();
  if (!document.author.empty()) root.append_attribute("author") = document.author.c_str();
  if (!document.subject.empty()) root.append_attribute("subject") = document.subject.c_str();
  root.append_attribute("language") = document.language.c_str();
  if (!document.header.empty()) root.append_attribute("header") = document.header.c_str();
  if (!document.footer.empty()) root.append_attribute("footer") = document.footer.c_str();
  for (const auto& block : document.blocks) write_block(root, block);
  std::ostringstream out;
  // Paragraph text is significant: indent only where pugixml can do so without touching text.
  xml.save(out, "  ", pugi::format_indent | pugi::format_no_declaration, pugi::encoding_utf8);
  return out.str();
}

}  // namespace clause::layout
