#include "reports/pdf/path_operators.h"

#include <charconv>
#include <stdexcept>

namespace clause::pdf {
namespace {

void append_point(std::string& out, double x, double y) {
  append_number(out, x);
  out += ' ';
  append_number(out, y);
}

void append_colour(std::string& out, Rgb c, const char* op) {
  for (double component : {c.r, c.g, c.b})
    if (!(component >= 0.0 && component <= 1.0))
      throw std::invalid_argument("a PDF colour component must lie between 0 and 1, not " + std::to_string(component));
  append_number(out, c.r);
  out += ' ';
  append_number(out, c.g);
  out += ' ';
  append_number(out, c.b);
  out += op;
}

}  // namespace

void append_number(std::string& out, double value) {
  // std::to_chars with a precision rounds the exact binary value as printf's "%.3f" does, which
  // is what PdfPainter's std::fixed, precision-3 stream writes.
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 3);
  out.append(buffer, result.ptr);
}

void append_fill_colour(std::string& out, Rgb colour) { append_colour(out, colour, " rg\n"); }

void append_stroke_colour(std::string& out, Rgb colour) { append_colour(out, colour, " RG\n"); }

void append_line_width(std::string& out, double width) {
  append_number(out, width);
  out += " w\n";
}

void append_filled_rectangle(std::string& out, double x, double y, double width, double height) {
  append_point(out, x, y);
  out += ' ';
  append_point(out, width, height);
  out += " re\nf\n";
}

void append_line(std::string& out, double x1, double y1, double x2, double y2) {
  append_point(out, x1, y1);
  out += " m ";
  append_point(out, x2, y2);
  out += " l S\n";
}

void append_polyline(std::string& out, const std::vector<std::pair<double, double>>& points) {
  if (points.size() < 2) return;
  out += "1 j\n";
  append_point(out, points.front().first, points.front().second);
  out += " m\n";
  for (std::size_t i = 1; i < points.size(); ++i) {
    append_point(out, points[i].first, points[i].second);
    out += " l\n";
  }
  out += "S\n0 j\n";
}

}  // namespace clause::pdf
