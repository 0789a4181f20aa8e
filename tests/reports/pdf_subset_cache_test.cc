// The subset fonts a run embeds once and copies into its later documents (issue 16,
// reports/pdf/subset_cache.h): a document drawing the same characters again gets its widths,
// ToUnicode map, CIDSet and compressed FontFile2 from the cache, and its bytes are exactly those
// PoDoFo writes when it embeds them itself; the cache keeps within its bound, most recently used
// first; documents rendered on several threads at once are the same as rendered one by one;
// documents drawing only the characters of the style's subset floor share one subset per face.
#include <gtest/gtest.h>

#include <future>
#include <vector>

#include "reports/pdf/font_face.h"
#include "reports/pdf/pdf_renderer.h"
#include "reports/pdf/subset_cache.h"

namespace clause::pdf {
namespace {

PdfOptions dated() {
  PdfOptions options;
  options.created = std::chrono::sys_days{std::chrono::year{2026} / 11 / 1};
  return options;
}

const PdfRenderer& renderer() {
  static const PdfRenderer r{PdfStyle{}};
  return r;
}

// Characters no other test draws (Ŋ, Ŧ, ĸ), so that the first rendering really embeds.
layout::Document letter(const std::string& extra) {
  layout::Document d;
  d.title = "Lettre ŊŦ";
  d.blocks.push_back(layout::Heading{1, "Relevé ŊŦ " + extra});
  d.blocks.push_back(layout::Paragraph{{{"Madame, ĸ nous vous écrivons au sujet de " + extra + ".", false}}});
  return d;
}

std::shared_ptr<SubsetEmbedding> embedding_of(std::size_t program_bytes) {
  auto e = std::make_shared<SubsetEmbedding>();
  e->font_file.bytes.assign(program_bytes, 'x');
  return e;
}

SubsetCache::Key key(char32_t c) { return {nullptr, {c}}; }

TEST(SubsetCache, KeepsTheMostRecentlyUsedEmbeddingsWithinItsBound) {
  // Each embedding counts its 1,000 program bytes + 1,024 for its dictionaries: 2,024; two fit in 5,000.
  SubsetCache cache(5000);
  cache.store(key(U'a'), embedding_of(1000));
  cache.store(key(U'b'), embedding_of(1000));
  ASSERT_NE(cache.find(key(U'a')), nullptr);   // a is now the most recently used
  cache.store(key(U'c'), embedding_of(1000));  // 6,072 > 5,000: b goes
  EXPECT_EQ(cache.find(key(U'b')), nullptr);
  EXPECT_NE(cache.find(key(U'a')), nullptr);
  EXPECT_NE(cache.find(key(U'c')), nullptr);
  EXPECT_EQ(cache.bytes(), 4048u);
  EXPECT_EQ(cache.hits(), 3u);
  EXPECT_EQ(cache.misses(), 1u);
}

TEST(SubsetCache, RefusesAnEmbeddingLargerThanItsBound) {
  SubsetCache cache(2000);
  cache.store(key(U'a'), embedding_of(1000));  // 2,024 > 2,000
  EXPECT_EQ(cache.find(key(U'a')), nullptr);
  EXPECT_EQ(cache.bytes(), 0u);
}

TEST(PdfSubsetCache, ADocumentDrawingTheSameCharactersAgainIsByteIdentical) {
  SubsetCache& cache = SubsetCache::shared();
  const std::size_t misses = cache.misses();
  const std::size_t hits = cache.hits();
  const std::string first = renderer().render(letter("vos serveurs"), dated());
  EXPECT_EQ(cache.misses() - misses, 2u);  // regular and bold embedded by PoDoFo
  const std::string second = renderer().render(letter("vos serveurs"), dated());
  EXPECT_EQ(cache.hits() - hits, 2u);  // both copied from the cache
  EXPECT_EQ(second, first);
}

TEST(PdfSubsetCache, TextWithFallbackFacesIsByteIdenticalFromTheCache) {
  const std::string first = renderer().render(letter("北京ŊŦ 🚀"), dated());
  const std::size_t hits = SubsetCache::shared().hits();
  const std::string second = renderer().render(letter("北京ŊŦ 🚀"), dated());
  EXPECT_EQ(SubsetCache::shared().hits() - hits, 4u);  // DejaVu Sans, Bold, Droid Sans Fallback, Symbola
  EXPECT_EQ(second, first);
}

TEST(PdfSubsetCache, DocumentsRenderedOnFourThreadsAreTheSameAsOneByOne) {
  const std::vector<std::string> topics = {"la sauvegarde", "vos domaines", "la sauvegarde", "ŊŦ ĸ"};
  std::vector<std::string> serial;
  for (const auto& topic : topics) serial.push_back(renderer().render(letter(topic), dated()));
  for (int round = 0; round < 3; ++round) {
    std::vector<std::future<std::string>> parallel;
    for (const auto& topic : topics)
      parallel.push_back(std::async(std::launch::async, [topic] { return renderer().render(letter(topic), dated()); }));
    for (std::size_t i = 0; i < topics.size(); ++i) EXPECT_EQ(parallel[i].get(), serial[i]) << topics[i];
  }
}

// A letter in the characters of the default floor only (ASCII, Latin-1, the euro sign).
layout::Document plain_letter(const std::string& text) {
  layout::Document d;
  d.title = "Lettre";
  d.blocks.push_back(layout::Heading{1, "Relevé " + text});
  d.blocks.push_back(layout::Paragraph{{{"Madame, nous vous écrivons au sujet de " + text + ".", false}}});
  return d;
}

TEST(PdfSubsetCache, DocumentsDrawingOnlyTheFloorShareOneSubsetPerFace) {
  const PdfRenderer own{PdfStyle{}};  // faces of its own: keys no other rendering made
  SubsetCache& cache = SubsetCache::shared();
  const std::size_t misses = cache.misses();
  const std::size_t hits = cache.hits();
  const std::string first = own.render(plain_letter("vos serveurs"), dated());
  EXPECT_EQ(cache.misses() - misses, 2u);  // the floor of regular and bold, embedded by PoDoFo
  // Other characters, all within the floor: the same two subsets, from the cache.
  const std::string second = own.render(plain_letter("la sauvegarde de vos domaines, 1 250,00 € HT"), dated());
  EXPECT_EQ(cache.misses() - misses, 2u);
  EXPECT_EQ(cache.hits() - hits, 2u);
  EXPECT_NE(second, first);
  // A character beyond the floor (Ŋ) makes a subset of its own for the face that draws it.
  own.render(plain_letter("Ŋ"), dated());
  EXPECT_EQ(cache.misses() - misses, 4u);  // "Ŋ" is in the heading (bold) and in the paragraph (regular)
}

TEST(PdfSubsetCache, WithoutAFloorEachSetOfCharactersEmbedsItsOwnSubset) {
  PdfStyle style;
  style.subset_floor.clear();
  const PdfRenderer own{style};
  SubsetCache& cache = SubsetCache::shared();
  const std::size_t misses = cache.misses();
  own.render(plain_letter("vos serveurs"), dated());
  own.render(plain_letter("la sauvegarde de vos domaines"), dated());
  EXPECT_EQ(cache.misses() - misses, 4u);
}

TEST(FontFace, TheSubsetFloorKeepsTheCharactersTheFaceHasInOrder) {
  const auto face = FontFace::load(PdfStyle{}.regular_font);
  face->set_subset_floor(U"€b\u4E2Da b");  // DejaVu Sans has no U+4E2D
  EXPECT_EQ(face->subset_floor(), U" ab€");
}

}  // namespace
}  // namespace clause::pdf
