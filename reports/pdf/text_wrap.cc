#include "reports/pdf/text_wrap.h"

namespace clause::pdf {
namespace {

struct Word {
  std::string text;
  bool bold = false;
  bool space_before = false;
  bool break_before = false;  // "\n"
};

std::vector<Word> split_words(const std::vector<layout::Span>& spans) {
  std::vector<Word> words;
  bool pending_space = false;
  bool pending_break = false;
  for (const auto& span : spans) {
    std::string current;
    const auto flush = [&] {
      if (current.empty()) return;
      words.push_back({std::move(current), span.bold, pending_space, pending_break});
      current.clear();
      pending_space = pending_break = false;
    };
    for (char c : span.text) {
      if (c == ' ' || c == '\t' || c == '\r') {
        flush();
        pending_space = true;
      } else if (c == '\n') {
        flush();
        pending_break = true;
        pending_space = false;
      } else {
        current.push_back(c);
      }
    }
    flush();
  }
  return words;
}

// A last segment this short stays with the one before it: a hostname's top-level domain is
// never alone on a line ("roch.fr", "partages.org", not "fr").
constexpr std::size_t kShortestLastSegment = 4;

// The pieces of a word between its break points: after a '.' or '-' that has a character on
// each side, so that "web01.saint-roch.fr" gives "web01." "saint-" "roch.fr" and "-12" stays whole.
std::vector<std::string> segments_of(const std::string& word) {
  std::vector<std::string> segments(1);
  for (std::size_t i = 0; i < word.size(); ++i) {
    segments.back().push_back(word[i]);
    const bool point = (word[i] == '.' || word[i] == '-') && i > 0 && i + 1 < word.size();
    if (point) segments.emplace_back();
  }
  if (segments.size() > 1 && segments.back().size() < kShortestLastSegment) {
    segments[segments.size() - 2] += segments.back();
    segments.pop_back();
  }
  return segments;
}

// Cuts a word wider than max_width into chunks no wider than it: as many whole segments per chunk
// as fit (a hostname breaks after its dots and hyphens), and between characters only when one
// segment alone is wider than the line; such a segment starts a chunk of its own (at least one
// character per chunk).
std::vector<std::string> cut_word(const std::string& word, const FontFace& face, double size, double max_width) {
  std::vector<std::string> chunks(1);
  double width = 0;
  for (const std::string& segment : segments_of(word)) {
    const double w = face.width(segment, size);
    if (width + w <= max_width) {
      chunks.back() += segment;
      width += w;
      continue;
    }
    if (!chunks.back().empty()) {  // break at the point before this segment
      chunks.emplace_back();
      width = 0;
    }
    if (w <= max_width) {
      chunks.back() = segment;
      width = w;
      continue;
    }
    for (std::size_t i = 0; i < segment.size();) {
      const std::size_t start = i;
      const double c = face.advance(next_codepoint(segment, i)) * size / 1000.0;
      if (width + c > max_width && !chunks.back().empty()) {
        chunks.emplace_back();
        width = 0;
      }
      chunks.back().append(segment, start, i - start);
      width += c;
    }
  }
  return chunks;
}

}  // namespace

std::vector<WrappedLine> wrap_spans(const std::vector<layout::Span>& spans, const Fonts& fonts, double size,
                                    double max_width) {
  std::vector<WrappedLine> lines(1);
  const auto place = [&](const std::string& text, bool bold, bool space, double w) {
    WrappedLine& line = lines.back();
    const double space_w = space && !line.pieces.empty() ? fonts.face(bold).width(" ", size) : 0;
    if (!line.pieces.empty() && line.pieces.back().bold == bold) {
      line.pieces.back().text += (space_w > 0 ? " " : "") + text;
    } else {
      line.pieces.push_back({text, bold, line.width + space_w});
    }
    line.width += space_w + w;
  };
  for (const Word& word : split_words(spans)) {
    if (word.break_before) lines.emplace_back();
    const FontFace& face = fonts.face(word.bold);
    const double w = face.width(word.text, size);
    const double space_w = word.space_before && !lines.back().pieces.empty() ? face.width(" ", size) : 0;
    if (lines.back().width + space_w + w <= max_width) {
      place(word.text, word.bold, word.space_before, w);
      continue;
    }
    if (!lines.back().pieces.empty()) lines.emplace_back();
    if (w <= max_width) {
      place(word.text, word.bold, false, w);
      continue;
    }
    bool first = true;
    for (const std::string& chunk : cut_word(word.text, face, size, max_width)) {
      if (!first) lines.emplace_back();
      place(chunk, word.bold, false, face.width(chunk, size));
      first = false;
    }
  }
  return lines;
}

std::vector<std::string> wrap_text(const std::string& text, bool bold, const Fonts& fonts, double size,
                                   double max_width) {
  std::vector<std::string> texts;
  for (auto& line : wrap_spans({layout::Span{text, bold}}, fonts, size, max_width)) {
    texts.push_back(line.pieces.empty() ? std::string() : std::move(line.pieces.front().text));
  }
  return texts;
}

}  // namespace clause::pdf
