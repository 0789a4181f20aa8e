// Line breaking for the PDF: greedy filling of runs of regular and bold text into a width, at
// ASCII spaces only (U+00A0 and U+202F never break, so "1 234,56 €" stays whole); a word wider than
// the line is broken after its dots and hyphens ("web01.saint-" / "roch.fr"; a last piece of 3
// characters or fewer, a top-level domain, stays with the one before it), and cut between
// characters only where no such point fits, rather than overflowing the margin.
#pragma once

#include <string>
#include <vector>

#include "reports/layout/layout.h"
#include "reports/pdf/font_face.h"

namespace clause::pdf {

struct Fonts {
  const FontFace& regular;
  const FontFace& bold;
  const FontFace& face(bool is_bold) const { return is_bold ? bold : regular; }
};

// A piece of one line: text in one weight, starting `x` points from the line's start.
struct LinePiece {
  std::string text;
  bool bold = false;
  double x = 0;
};

struct WrappedLine {
  std::vector<LinePiece> pieces;
  double width = 0;
};

// Breaks spans into lines no wider than max_width at the given size. "\n" forces a break.
// Never returns an empty vector: empty text gives one empty line.
std::vector<WrappedLine> wrap_spans(const std::vector<layout::Span>& spans, const Fonts& fonts, double size,
                                    double max_width);

// The same for one run of text in one weight: the lines' texts.
std::vector<std::string> wrap_text(const std::string& text, bool bold, const Fonts& fonts, double size,
                                   double max_width);

}  // namespace clause::pdf
