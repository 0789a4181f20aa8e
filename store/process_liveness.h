// Whether the process that recorded a run or wrote a temporary file is still at work, so that a
// later run can tell "still going" from "killed". A pid alone says little: a process killed by
// SIGKILL may stay a zombie (in a container whose init does not reap it, kill(pid, 0) still
// succeeds), and pids are reused. So a process counts as running only when /proc shows it alive
// (not a zombie) and running the same program as this one.
#pragma once

#include <string>

namespace clause {

// This machine's host name ("" when unknown).
std::string this_host();

// True when `pid` is a live process of this host running the same executable name as this process
// (and not this process itself).
bool other_clause_process_running(long long pid);

}  // namespace clause
