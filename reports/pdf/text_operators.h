// The content-stream operators of one line of text, written by Clause instead of
// PoDoFo::PdfPainter::DrawText (issue 16): DrawText formats its numbers through an iostream,
// converts the string to UTF-16 and looks every glyph up through PoDoFo's metrics, hex-encodes
// through a filter object and appends four times to a compressing stream; 22 % of an invoice's
// engine time. The bytes are exactly DrawText's (a font whose text rendering mode is Fill, scale
// and spacing as PdfFont keeps them; numbers as "%.3f", as PdfPainter's stream writes them):
//   BT\n/Ft4 7.220 Tf\n100.000 Tz\n0.000 Tc\n56.693\n795.528\nTd <002B00AB> Tj\nET\n
#pragma once

#include <string>
#include <string_view>

#include "reports/pdf/font_face.h"

namespace PoDoFo {
class PdfFont;
}  // namespace PoDoFo

namespace clause::pdf {

// The character of well-formed UTF-8 at text[i], advancing i, when it is in the Basic
// Multilingual Plane; 0 for anything else (NUL included): ill-formed bytes, overlong forms,
// surrogates, planes 1-16.
char32_t next_bmp_char(std::string_view text, std::size_t& i);

// Appends the operators drawing utf8 at (x, y) in `font`, a subset of `face` with Identity-H
// (glyph ids from face.glyph_id); false, with out unchanged, when the text is not one that
// DrawText and this function encode alike: not well-formed UTF-8, a character outside the
// Basic Multilingual Plane, NUL, a tab (DrawText expands it) or U+FEFF. Then draw it with PoDoFo.
bool append_text_operators(std::string& out, const PoDoFo::PdfFont& font, const FontFace& face, double x, double y,
                           std::string_view utf8);

}  // namespace clause::pdf
