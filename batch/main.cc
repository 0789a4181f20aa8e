#include "batch/cli.h"

int main(int argc, char** argv) { return clause::run_cli(argc, argv); }
