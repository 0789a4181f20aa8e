// The embedded parts of a subset font, kept for the documents of a run that draw the same
// characters with the same face. Embedding a subset (PoDoFo's PdfFont::EmbedSubsetFont) builds
// the subset font program, copies the whole font file to do it and deflates the result: 44 % of
// an invoice's engine time, deflating alone 27 %. What it writes depends only on the face and the
// characters drawn with it (PoDoFo keeps the set of UTF-16 units of the strings drawn; the
// document's UsedChars determine that set), so the next document with the same characters gets
// the same objects (widths, ToUnicode map, CIDSet, FontFile2, already compressed) from here:
// byte-identical, and allowed by PDF/A-3, which asks for the font program, not for fresh bytes.
// Bounded (least recently used out first) so that a run's memory stays flat; shared by threads.
// PoDoFo 0.9.8 does not export PdfFontCID (no subclass can change its embedding): a miss lets
// PoDoFo embed and copies what it wrote, a hit writes the same objects in PoDoFo's order.
#pragma once

#include <podofo/podofo.h>

#include <cstddef>
#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace clause::pdf {

class FontFace;

// One stream object as PoDoFo left it: its dictionary and its (compressed) bytes.
struct StreamPiece {
  PoDoFo::PdfDictionary dictionary;
  std::string bytes;
};

// What embedding a subset adds to a document, in the order PoDoFo creates the objects.
struct SubsetEmbedding {
  std::optional<PoDoFo::PdfVariant> widths;  // the descendant font's /W, when PoDoFo writes one
  StreamPiece to_unicode;
  std::optional<StreamPiece> cid_set;
  StreamPiece font_file;     // /FontFile2
  std::size_t size() const;  // bytes held, for the cache's bound
};

class SubsetCache {
 public:
  // Key: the face and what determines the characters PoDoFo subsets (subset_font.cc).
  using Key = std::pair<const FontFace*, std::vector<char32_t>>;

  // Holds at most `max_bytes` of embeddings.
  explicit SubsetCache(std::size_t max_bytes);
  // The process's cache (16 MiB).
  static SubsetCache& shared();

  // The embedding stored for key, or null; counts a hit or a miss.
  std::shared_ptr<const SubsetEmbedding> find(const Key& key);
  // Stores an embedding, dropping the least recently used ones beyond the bound.
  void store(const Key& key, std::shared_ptr<const SubsetEmbedding> embedding);
  // Changes the bound (0: nothing is kept; pdf_bench engine-cold), dropping what no longer fits.
  void set_max_bytes(std::size_t max_bytes);

  std::size_t hits() const;
  std::size_t misses() const;
  std::size_t bytes() const;

 private:
  void shrink();  // under mutex_
  struct Slot {
    std::shared_ptr<const SubsetEmbedding> embedding;
    std::list<Key>::iterator age;
  };
  mutable std::mutex mutex_;
  std::size_t max_bytes_;
  std::size_t bytes_ = 0;
  std::size_t hits_ = 0;
  std::size_t misses_ = 0;
  std::map<Key, Slot> slots_;
  std::list<Key> ages_;  // most recently used first
};

// Embeds `font`, a subset font of key's face in the document of `objects` whose pages are all
// painted: from the cache when key is there, otherwise by PoDoFo, once it is told the
// characters (UTF-8, BMP) drawn without its DrawText, and then stored.
void embed_subset(PoDoFo::PdfFont& font, PoDoFo::PdfVecObjects& objects, const SubsetCache::Key& key,
                  SubsetCache& cache, const std::string& drawn_without_podofo);

}  // namespace clause::pdf
