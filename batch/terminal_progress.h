// A progress line for a person watching a run on a terminal (issue 12: "a progress bar with counts
// and ETA only when stderr is a TTY"): "invoices 2026-12-01  [#####     ] 120/300 contracts, ETA 12 s",
// redrawn in place at most ten times a second and cleared when the job ends. Under cron, journald
// or a test, stderr is not a terminal and nothing is written, so logs stay one line per event.
// Reads the steady clock only, for the ETA; never a date of a document.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace clause {

class TerminalProgress {
 public:
  // `label` names the job ("statements 2026-11"); `total` is the number of contracts to go through.
  TerminalProgress(std::string label, std::size_t total);
  ~TerminalProgress();  // clears the line
  TerminalProgress(const TerminalProgress&) = delete;
  TerminalProgress& operator=(const TerminalProgress&) = delete;

  // One more contract done.
  void advance();

  // The line for `done` of `total` after `elapsed`: pure, for the tests.
  static std::string line(const std::string& label, std::size_t done, std::size_t total,
                          std::chrono::milliseconds elapsed);

 private:
  std::string label_;
  std::size_t total_;
  std::size_t done_ = 0;
  bool enabled_;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace clause
