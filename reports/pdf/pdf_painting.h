// The painting pass: draws laid-out pages into a PoDoFo document with the document's subset
// fonts, flipping the display list's top-left coordinates to PDF's bottom-left origin.
#pragma once

#include "reports/pdf/font_face.h"
#include "reports/pdf/page_flow.h"

namespace PoDoFo {
class PdfMemDocument;
}  // namespace PoDoFo

namespace clause::pdf {

class DocumentFonts;

// Appends one PDF page per laid-out page. Each text run is drawn with its weight's face, and the
// stretches that face lacks with the fallback faces' subsets (see FontFace::pieces), placed at the
// advances layout measured. Lines a primary face draws whole are written by text_operators.h, the
// others by PoDoFo's DrawText; `fonts` records which characters went which way.
void paint(PoDoFo::PdfMemDocument& document, const LaidOutDocument& laid_out, const Fonts& faces, DocumentFonts& fonts);

}  // namespace clause::pdf
