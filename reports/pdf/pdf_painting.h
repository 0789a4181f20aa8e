// The painting pass: draws laid-out pages into a PoDoFo document with the document's two subset
// fonts, flipping the display list's top-left coordinates to PDF's bottom-left origin.
#pragma once

#include <memory>
#include <string>

#include "reports/pdf/font_face.h"
#include "reports/pdf/page_flow.h"

namespace PoDoFo {
class PdfFont;
class PdfMemDocument;
class PdfVecObjects;
}  // namespace PoDoFo

struct FT_LibraryRec_;

namespace clause::pdf {

// An embedded TrueType subset with Identity-H built from the in-memory face (no file read).
// `prefix` is the six-letter subset tag ("ABCDEF"); library must outlive the font.
std::unique_ptr<PoDoFo::PdfFont> create_subset_font(PoDoFo::PdfVecObjects& objects,
                                                    FT_LibraryRec_** library, const FontFace& face,
                                                    const std::string& prefix);

// A subset tag derived from the characters the pages draw in that weight: the same text gives the
// same tag, so output stays byte-identical, and different subsets get different tags.
std::string subset_tag(const std::vector<Page>& pages, bool bold, const std::string& face_name);

// Appends one PDF page per laid-out page.
void paint(PoDoFo::PdfMemDocument& document, const LaidOutDocument& laid_out,
           PoDoFo::PdfFont& regular, PoDoFo::PdfFont& bold);

}  // namespace clause::pdf
