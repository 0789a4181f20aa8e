#include "reports/pdf/text_wrap.h"

namespace clause::pdf {
namespace {

struct Word {
  std::string text;
  bool bold = false;
  bool space_before = false;
  bool break_before = false;   // "\n"
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

// Cuts a word into chunks no wider than max_width (at least one character each).
std::vector<std::string> cut_word(const std::string& word, const FontFace& face, double size,
                                  double max_width) {
  std::vector<std::string> chunks(1);
  double width = 0;
  for (std::size_t i = 0; i < word.size();) {
    const std::size_t start = i;
    const double w = face.advance(next_codepoint(word, i)) * size / 1000.0;
    if (width + w > max_width && !chunks.back().empty()) {
      chunks.emplace_back();
      width = 0;
    }
    chunks.back().append(word, start, i - start);
    width += w;
  }
  return chunks;
}

}  // namespace

std::vector<WrappedLine> wrap_spans(const std::vector<layout::Span>& spans, const Fonts& fonts,
                                    double size, double max_width) {
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

std::vector<std::string> wrap_text(const std::string& text, bool bold, const Fonts& fonts,
                                   double size, double max_width) {
  std::vector<std::string> texts;
  for (auto& line : wrap_spans({layout::Span{text, bold}}, fonts, size, max_width)) {
    texts.push_back(line.pieces.empty() ? std::string() : std::move(line.pieces.front().text));
  }
  return texts;
}

}  // namespace clause::pdf
