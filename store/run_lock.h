// One run at a time per database: a run that issues or changes anything holds this lock for its
// whole length, so two runs can never interleave their numbers (B7) or their files. The lock is held
// by the database side, never by a file a crash would leave behind: on PostgreSQL a session-level
// advisory lock (gone with the connection), on SQLite an flock(2) on the database file itself
// (gone with the process; SQLite's own locks are fcntl(2) ones, which flock does not touch).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "store/database.h"

namespace clause {

class RunLock {
 public:
  // Takes the lock at once or returns nothing (another process holds it). An in-memory SQLite
  // database is private to its process: the lock is granted.
  static std::unique_ptr<RunLock> try_acquire(Database& db);
  ~RunLock();
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;

 private:
  RunLock(Database& db, int fd) : db_(db), fd_(fd) {}
  Database& db_;
  int fd_ = -1;  // the SQLite file's descriptor holding the flock, or -1 (PostgreSQL)
};

// "run 12 (invoices --date 2026-11-02), started 2026-11-02T02:00:00Z": the run the lock's holder is
// most likely running (the latest still marked running), for the message of the run refused; ""
// when none is recorded (an import or a migration, which record no run, or a run just starting).
std::string describe_lock_holder(Database& db);

}  // namespace clause
