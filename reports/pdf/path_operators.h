// The content-stream operators of the boxes, rules and chart lines a page draws, and of their
// colours, written by Clause instead of PoDoFo::PdfPainter (issue 16), as text_operators.h does
// for text: the painter formats every number through an iostream, 4 % of a statement run's CPU
// samples in SetColor, Rectangle and DrawLine (docs/speed.md). The bytes are exactly the
// painter's (numbers as "%.3f", each operator on its line):
//   0.955 0.960 0.968 rg\n            SetColor
//   0.780 0.800 0.830 RG\n            SetStrokingColor
//   0.500 w\n                         SetStrokeWidth
//   56.693 700.000 481.890 14.000 re\nf\n                 Rectangle, Fill
//   56.693 690.000 m 538.583 690.000 l S\n                DrawLine
//   1 j\n10.000 20.000 m\n30.000 40.000 l\nS\n0 j\n       a polyline with round joins
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "reports/pdf/pdf_style.h"

namespace clause::pdf {

// A number as PdfPainter's stream writes it: fixed, three decimals.
void append_number(std::string& out, double value);

// The fill ("rg") and stroke ("RG") colour; std::invalid_argument when a component is outside
// [0, 1], where PoDoFo's PdfColor throws.
void append_fill_colour(std::string& out, Rgb colour);
void append_stroke_colour(std::string& out, Rgb colour);
void append_line_width(std::string& out, double width);

// A rectangle filled with the current fill colour; (x, y) is its lower-left corner in PDF space.
void append_filled_rectangle(std::string& out, double x, double y, double width, double height);

// A straight line stroked with the current stroke colour and width.
void append_line(std::string& out, double x1, double y1, double x2, double y2);

// An open polyline of two points or more, stroked with round joins; the join goes back to the
// painter's default (miter) after it. Fewer than two points append nothing.
void append_polyline(std::string& out, const std::vector<std::pair<double, double>>& points);

}  // namespace clause::pdf
