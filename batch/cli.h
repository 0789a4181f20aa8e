// The `clause` command line: subcommands, global options and exit codes (see README).
#pragma once

namespace clause {

int run_cli(int argc, char** argv);

}  // namespace clause
