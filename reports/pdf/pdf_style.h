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
  // Characters every subset of the two faces above embeds, drawn or not (those a face lacks are
  // left out): documents that draw nothing else share one embedded subset per face, whose font
  // program is then compressed once per run (subset_cache.h) instead of once per document. Empty:
  // each subset holds exactly the characters its document draws. The default is what French and
  // English documents are written with: printable ASCII, Latin-1, the French ligatures, the
  // typographic quotes, dashes and ellipsis, the bullet, the euro sign, the narrow no-break space,
  // and the arrow, minus and inequality signs of the wording files.
  std::u32string subset_floor =
      U" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"
      U"\u00A0\u00A1\u00A2\u00A3\u00A4\u00A5\u00A6\u00A7\u00A8\u00A9\u00AA\u00AB\u00AC\u00AE\u00AF\u00B0"
      U"\u00B1\u00B2\u00B3\u00B4\u00B5\u00B6\u00B7\u00B8\u00B9\u00BA\u00BB\u00BC\u00BD\u00BE\u00BF\u00C0"
      U"\u00C1\u00C2\u00C3\u00C4\u00C5\u00C6\u00C7\u00C8\u00C9\u00CA\u00CB\u00CC\u00CD\u00CE\u00CF\u00D0"
      U"\u00D1\u00D2\u00D3\u00D4\u00D5\u00D6\u00D7\u00D8\u00D9\u00DA\u00DB\u00DC\u00DD\u00DE\u00DF\u00E0"
      U"\u00E1\u00E2\u00E3\u00E4\u00E5\u00E6\u00E7\u00E8\u00E9\u00EA\u00EB\u00EC\u00ED\u00EE\u00EF\u00F0"
      U"\u00F1\u00F2\u00F3\u00F4\u00F5\u00F6\u00F7\u00F8\u00F9\u00FA\u00FB\u00FC\u00FD\u00FE\u00FF"
      U"\u0152\u0153\u0178\u2013\u2014\u2018\u2019\u201A\u201C\u201D\u201E\u2022\u2026\u202F\u20AC"
      U"\u2192\u2212\u2264\u2265";
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
