// What the layout pass produces and the painting pass draws: pages as lists of positioned
// primitives (text runs, rectangles, lines, polylines, images). Coordinates are points measured
// from the TOP-left corner of an A4 page; painting flips them to PDF's bottom-left origin.
// Laying out everything first is what lets every footer say "page X / Y".
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "reports/pdf/pdf_style.h"

namespace clause::pdf {

inline constexpr double kPageWidth = 595.276;  // A4 in points
inline constexpr double kPageHeight = 841.890;
inline constexpr double kPointsPerMm = 72.0 / 25.4;

struct TextRun {
  double x = 0;
  double baseline = 0;
  double size = 0;
  bool bold = false;
  Rgb colour;
  std::string text;  // UTF-8, one line
};

struct Box {
  double x = 0, y = 0, width = 0, height = 0;  // y: top edge
  Rgb fill;
};

struct Line {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double width = 0.5;
  Rgb colour;
};

struct Polyline {
  std::vector<std::pair<double, double>> points;
  double width = 1;
  Rgb colour;
};

struct Picture {
  double x = 0, y = 0, width = 0, height = 0;  // y: top edge
  int image = 0;                               // index into the document's image list
};

using Primitive = std::variant<TextRun, Box, Line, Polyline, Picture>;

struct Page {
  std::vector<Primitive> items;
};

}  // namespace clause::pdf
