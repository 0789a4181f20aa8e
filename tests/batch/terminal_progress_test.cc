// The progress line of a run watched on a terminal (batch/terminal_progress.h): counts, a bar and
// the time left at the pace so far; worked out by hand.
#include "batch/terminal_progress.h"

#include <gtest/gtest.h>

namespace clause {
namespace {

using std::chrono::milliseconds;

TEST(TerminalProgress, CountsABarAndTheTimeLeft) {
  // 120 of 300 in 8 s: 8 of 20 cells; 180 left at 15 a second = 12 s.
  EXPECT_EQ(TerminalProgress::line("invoices 2026-12-01", 120, 300, milliseconds{8000}),
            "invoices 2026-12-01  [########            ] 120/300 contracts, ETA 12 s");
}

TEST(TerminalProgress, TheTimeLeftIsRoundedUp) {
  // 1 of 3 in 1.0 s: 2 left = 2.0 s; 2 of 3 in 1.5 s: 0.75 s left, shown 1 s.
  EXPECT_EQ(TerminalProgress::line("s", 2, 3, milliseconds{1500}), "s  [#############       ] 2/3 contracts, ETA 1 s");
}

TEST(TerminalProgress, DoneHasNoTimeLeft) {
  EXPECT_EQ(TerminalProgress::line("s", 3, 3, milliseconds{1500}), "s  [####################] 3/3 contracts");
}

}  // namespace
}  // namespace clause
