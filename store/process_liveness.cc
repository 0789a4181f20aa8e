#include "store/process_liveness.h"

#include <unistd.h>

#include <fstream>
#include <string>

namespace clause {
namespace {

// The name (comm) and state letter of /proc/PID/stat: "1234 (clause) S ...".
bool read_stat(const std::string& pid, std::string& name, char& state) {
  std::ifstream in("/proc/" + pid + "/stat");
  std::string line;
  if (!std::getline(in, line)) return false;
  const auto open = line.find('('), close = line.rfind(')');
  if (open == std::string::npos || close == std::string::npos || close + 2 >= line.size()) return false;
  name = line.substr(open + 1, close - open - 1);
  state = line[close + 2];
  return true;
}

}  // namespace

std::string this_host() {
  char name[256] = {0};
  if (::gethostname(name, sizeof name - 1) != 0) return "";
  return name;
}

bool other_clause_process_running(long long pid) {
  if (pid <= 0 || pid == ::getpid()) return false;
  std::string name, own_name;
  char state = 0, own_state = 0;
  if (!read_stat(std::to_string(pid), name, state)) return false;  // gone
  if (state == 'Z' || state == 'X') return false;                  // killed, not yet reaped
  if (!read_stat("self", own_name, own_state)) return true;        // cannot tell: assume running
  return name == own_name;                                         // a reused pid runs something else
}

}  // namespace clause
