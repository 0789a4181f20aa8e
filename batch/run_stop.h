// When a run stops as a whole. Contracts are isolated from each other (ARCHITECTURE: one bad record
// cannot stop the night), but a database that no longer answers stops every contract after it: the
// run ends there, says so in its manifest, and returns an exit code telling whether it had issued
// anything (README "Exit codes"); the next run finishes the work, nothing issued twice.
#pragma once

#include <stdexcept>
#include <string>

#include "store/database.h"

namespace clause {

struct RunStopped : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// After `error` failed one contract: throws RunStopped when the database no longer answers (the
// contract was not the problem), and returns otherwise.
inline void stop_if_database_gone(Database& db, const std::exception& error) {
  if (!db.responds()) throw RunStopped(std::string{"the database stopped answering: "} + error.what());
}

}  // namespace clause
