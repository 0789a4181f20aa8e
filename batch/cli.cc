#include "batch/cli.h"

namespace clause {
int run_cli(int, char**) { return 0; }
}  // namespace clause
