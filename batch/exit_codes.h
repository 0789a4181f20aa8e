// What `clause` returns to cron (documented in README "Exit codes").
#pragma once

namespace clause {

enum ExitCode : int {
  kDone = 0,             // everything asked was done
  kDoneWithRejects = 1,  // done, but some records or contracts were rejected or skipped: look at the log
  kFailure = 2,          // configuration or database failure: nothing was done
  kInputRefused = 3,     // the input was refused as a whole (an import with errors): nothing changed
  kStoppedPartWay = 4,   // a failure (the database gone) stopped the run after it had issued documents;
                         // the manifest lists them, and the next run finishes the work
  kLocked = 5,           // another run holds the database (one run at a time): nothing done
  kUsage = 64,           // bad command line
};

}  // namespace clause
