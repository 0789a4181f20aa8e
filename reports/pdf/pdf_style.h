// The look of every PDF a provider issues: fonts, colours, margins, type sizes and the logo. One
// style per provider, given once to the renderer, which loads the font files and the logo once
// and reuses them for every document of the run.
#pragma once

#include <string>
#include <vector>

namespace clause::pdf {

// An sRGB colour, each component in 0..1.
struct Rgb {
  double r = 0;
  double g = 0;
  double b = 0;
};

struct PdfStyle {
  // TrueType files, embedded as subsets with Identity-H so that U+202F and € survive.
  std::string regular_font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  std::string bold_font = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
  // TrueType files (not .ttc, not CFF .otf) drawing what those two lack, the first that has a
  // character wins: Chinese and Japanese (fonts-droid-fallback), Korean, then symbols and emoji
  // (fonts-symbola). Each is read only when a document first needs it, and embedded as a subset.
  std::vector<std::string> fallback_fonts = {"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
                                             "/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf",
                                             "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"};
  // The provider's logo (PNG or JPEG), drawn at the top left of the first page; empty: none.
  std::string logo_path;
  double logo_width_mm = 38;
  // sRGB ICC profile of the PDF/A OutputIntent.
  std::string icc_profile = "/usr/share/color/icc/sRGB.icc";

  Rgb accent{0.094, 0.259, 0.447};  // headings, table header text, chart bars: one accent only
  Rgb text{0.13, 0.13, 0.15};
  Rgb muted{0.42, 0.43, 0.46};  // keys, running header and footer, axes
  Rgb rule{0.78, 0.80, 0.83};   // hairlines
  Rgb row_shade{0.955, 0.960, 0.968};

  double margin_left_mm = 20;
  double margin_right_mm = 20;
  double margin_top_mm = 22;     // the running header sits inside this margin
  double margin_bottom_mm = 22;  // the footer sits inside this margin
  double body_size = 9.5;        // points; headings and small text scale from it

  std::string producer = "Clause";  // Info /Producer and XMP pdf:Producer
};

}  // namespace clause::pdf
