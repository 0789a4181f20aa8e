// Sanitizer defaults compiled into every executable of a -DCLAUSE_SANITIZE=ON build (the test
// executables and `clause`, which the batch tests run as a child process), so that the suite needs
// no environment variables: the runtime reads these functions at start-up. The variables
// (ASAN_OPTIONS, UBSAN_OPTIONS, LSAN_OPTIONS) still override them for one run.
//
// Suppressions are for third-party libraries only, each with why; Clause's own findings are fixed
// in the code, never suppressed (README "Tests", issue 11).

extern "C" {

// A report names its stack; a UBSan report aborts (the build also passes
// -fno-sanitize-recover=undefined), so the test that hits it fails.
const char* __ubsan_default_options() { return "print_stacktrace=1:halt_on_error=1"; }

// LeakSanitizer: memory Debian's libraries keep for the life of the process.
const char* __lsan_default_suppressions() { return ""; }
}
