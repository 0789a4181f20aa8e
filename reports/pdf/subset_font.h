// The fonts one document embeds: a subset of each face that draws at least one of its characters
// (the two DejaVu weights always, a fallback face only when some character needs it), each with
// Identity-H and a ToUnicode map, so that the text extracts as written. A subset of DejaVu holds the
// characters its document draws and the face's floor (PdfStyle::subset_floor); its tag is derived
// from those characters: the same text gives the same bytes.
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "reports/pdf/display_list.h"
#include "reports/pdf/text_wrap.h"

namespace PoDoFo {
class PdfFont;
class PdfVecObjects;
}  // namespace PoDoFo

namespace clause::pdf {

// The characters one face draws in a document, visited in increasing order.
class UsedChars {
 public:
  void add(char32_t c) {
    if (c < 0x10000)
      bmp_[c >> 6] |= std::uint64_t{1} << (c & 63);
    else
      wide_.insert(c);
  }
  template <class F>
  void for_each(F&& f) const {
    // A bit set, not a vector<bool>: a statement uses ~100 of the 65,536 BMP characters.
    for (std::size_t word = 0; word < bmp_.size(); ++word) {
      for (std::uint64_t bits = bmp_[word]; bits != 0; bits &= bits - 1) {
        f(static_cast<char32_t>(word * 64 + static_cast<std::size_t>(std::countr_zero(bits))));
      }
    }
    for (char32_t c : wide_) f(c);
  }

 private:
  std::array<std::uint64_t, 0x10000 / 64> bmp_{};
  std::set<char32_t> wide_;  // above U+FFFF
};

// A six-letter subset tag ("ABCDEF") from the face's name and the characters it draws.
std::string subset_tag(const std::string& face_name, const UsedChars& used);

class DocumentFonts {
 public:
  // Creates the subset fonts for what the pages draw (the faces must outlive this object).
  DocumentFonts(PoDoFo::PdfVecObjects& objects, const Fonts& fonts, const std::vector<Page>& pages);
  ~DocumentFonts();
  DocumentFonts(const DocumentFonts&) = delete;
  DocumentFonts& operator=(const DocumentFonts&) = delete;

  // The subset font of a face the pages draw with (std::out_of_range for any other face).
  PoDoFo::PdfFont& font(const FontFace& face) const;
  // Records text painted with face's font by text_operators.h, which PoDoFo does not see: its
  // characters are given to PoDoFo's subsetter before embedding.
  void drawn_by_clause(const FontFace& face, std::string_view utf8);
  // Records text painted with PoDoFo's DrawText (as its PdfString holds it: up to a NUL), which
  // PoDoFo adds to the subset itself. Both sets make the subset cache's key.
  void drawn_by_podofo(const FontFace& face, std::string_view utf8);
  // Writes the subsets once every page is painted: outlines, widths and ToUnicode maps, taken
  // from the run's earlier documents with the same characters when they are cached (subset_cache.h).
  void embed();

 private:
  struct Entry {
    const FontFace* face;
    UsedChars used;
    std::unique_ptr<PoDoFo::PdfFont> font;
    std::unique_ptr<UsedChars> by_clause;  // null until drawn
    std::unique_ptr<UsedChars> by_podofo;
    bool uncacheable = false;
  };
  Entry& entry(const FontFace& face);
  PoDoFo::PdfVecObjects& objects_;
  std::vector<Entry> entries_;  // regular, bold, then fallback faces in order of first use
};

}  // namespace clause::pdf
