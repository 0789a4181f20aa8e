#include "store/run_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "store/field_codec.h"
#include "store/table_rows.h"

namespace clause {
namespace {

// The advisory lock's key: "Clause" in ASCII, so that another application's keys are unlikely to meet it.
constexpr long long kAdvisoryKey = 0x436C61757365LL;

}  // namespace

std::unique_ptr<RunLock> RunLock::try_acquire(Database& db) {
  if (db.dialect() == Dialect::postgresql) {
    int taken = 0;
    db.session() << "SELECT CAST(pg_try_advisory_lock(" + std::to_string(kAdvisoryKey) + ") AS INTEGER)",
        soci::into(taken);
    if (!taken) return nullptr;
    return std::unique_ptr<RunLock>(new RunLock(db, -1));
  }
  if (db.sqlite_file().empty()) return std::unique_ptr<RunLock>(new RunLock(db, -1));
  const int fd = ::open(db.sqlite_file().c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error("cannot open " + db.sqlite_file().string() + " to lock it");
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return nullptr;
  }
  return std::unique_ptr<RunLock>(new RunLock(db, fd));
}

RunLock::~RunLock() {
  if (fd_ >= 0) {
    ::flock(fd_, LOCK_UN);
    ::close(fd_);
    return;
  }
  if (db_.dialect() == Dialect::postgresql) try {
      int released = 0;
      db_.session() << "SELECT CAST(pg_advisory_unlock(" + std::to_string(kAdvisoryKey) + ") AS INTEGER)",
          soci::into(released);
    } catch (...) {
      // the connection is gone, and the lock with it
    }
}

std::string describe_lock_holder(Database& db) {
  auto rows = select_cells(db, db.query("runs.latest_running"), 4);
  if (rows.empty()) return "";
  const auto& c = rows.front();
  std::string text = "run " + c[0].value_or("?") + " (" + c[1].value_or("");
  if (c[2] && !c[2]->empty()) text += " " + *c[2];
  return text + "), started " + c[3].value_or("?");
}

}  // namespace clause
