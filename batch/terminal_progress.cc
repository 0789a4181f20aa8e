// The terminal progress line (batch/terminal_progress.h).
#include "batch/terminal_progress.h"

#include <cstdio>

#include <unistd.h>

#include <spdlog/spdlog.h>

namespace clause {

TerminalProgress::TerminalProgress(std::string label, std::size_t total)
    : label_(std::move(label)),
      total_(total),
      // Quiet runs (-q) stay quiet; a terminal only, never a pipe, a file or journald.
      enabled_(total > 0 && ::isatty(STDERR_FILENO) == 1 && spdlog::default_logger()->level() <= spdlog::level::info),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

TerminalProgress::~TerminalProgress() {
  if (enabled_) std::fprintf(stderr, "\r\033[K");
}

void TerminalProgress::advance() {
  ++done_;
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (done_ < total_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  const std::string text =
      line(label_, done_, total_, std::chrono::duration_cast<std::chrono::milliseconds>(now - start_));
  std::fprintf(stderr, "\r\033[K%s", text.c_str());
  std::fflush(stderr);
}

std::string TerminalProgress::line(const std::string& label, std::size_t done, std::size_t total,
                                   std::chrono::milliseconds elapsed) {
  constexpr std::size_t kWidth = 20;
  const std::size_t filled = total == 0 ? kWidth : done * kWidth / total;
  std::string out = label + "  [" + std::string(filled, '#') + std::string(kWidth - filled, ' ') + "] " +
                    std::to_string(done) + "/" + std::to_string(total) + " contracts";
  if (done > 0 && done < total) {
    // The time left at the pace so far, rounded up to the second.
    const long long left_ms = elapsed.count() * static_cast<long long>(total - done) / static_cast<long long>(done);
    out += ", ETA " + std::to_string((left_ms + 999) / 1000) + " s";
  }
  return out;
}

}  // namespace clause
