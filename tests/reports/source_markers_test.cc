// Source markers (reports/templates/source_markers.h): where the trial render's markers go, and
// that they never become text of the document.
#include "reports/templates/source_markers.h"

#include <gtest/gtest.h>

#include "reports/layout/markup.h"

namespace clause::templates {
namespace {

std::string marked(std::string_view text) {
  std::vector<MustacheToken> tokens;
  EXPECT_FALSE(tokenize_mustache(text, tokens));
  return mark_sources(text, tokens, 0);
}

TEST(SourceMarkers, MarkEachTagAndEachLineStartOutsideTags) {
  EXPECT_EQ(marked("<p>a</p>\n<p>b</p>"), "<?src 0:1?><p>a<?src 0:1?></p>\n<?src 0:2?><?src 0:2?><p>b<?src 0:2?></p>");
}

// Found by fuzz/template_fuzz (fuzz/README.md, T1): the '>' inside the CDATA section was taken for
// the end of a tag, and the next line start got a marker inside the section's text.
TEST(SourceMarkers, LeaveTheTextOfACdataSectionAlone) {
  EXPECT_EQ(marked("<p><![CDATA[a>b\nc]]></p>"), "<?src 0:1?><p><?src 0:1?><![CDATA[a>b\nc]]><?src 0:2?></p>");
}

TEST(SourceMarkers, MarkedAndPlainCdataParseToTheSameText) {
  const std::string text = "<document><p><![CDATA[a>b\nc]]></p></document>";
  auto plain = layout::parse_markup(text, "plain");
  auto with_markers = layout::parse_markup(marked(text), "marked");
  EXPECT_EQ(layout::to_markup(with_markers), layout::to_markup(plain));
}

}  // namespace
}  // namespace clause::templates
