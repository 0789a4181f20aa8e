// gmtime() and localtime() with one result per thread, for the libraries Clause renders with.
//
// glibc's gmtime() and localtime() return one static buffer shared by the whole process, and two
// libraries call them while documents render on several threads: PoDoFo builds a PdfDate of the
// wall clock (localtime) in every PdfMemDocument's constructor, and libxlsxwriter writes its
// core.xml dates with gmtime() inside workbook_close(). Two renders at once could give a workbook
// another thread's date (seen once in about 600 workbooks of the nightly crash test). A process-
// wide lock around both calls fixed that, but workbook_close() also zips the whole workbook, so
// the workbooks and the PDFs' construction queued behind one another (issue 16: without the lock
// the statements keep both cores busy ~185 % of the time instead of ~175 %).
//
// The dynamic linker binds every library's calls to the executable's definitions before glibc's,
// and these keep the standard's contract: the result lives until the calling thread's next call.
// No library offers this. Nothing in Clause calls them by name, so reports/CMakeLists.txt asks the
// linker for clause_reentrant_libc_time, which only this file defines, in every executable that
// links clause_reports. Asking for gmtime itself is not enough: a library linked before the
// archive that defines one (AddressSanitizer's runtime does) satisfies the request, and this file
// was then left out (found by the sanitizer build's run of ReentrantLibcTime.*).
#include <ctime>

extern "C" {

void clause_reentrant_libc_time() {}

struct tm* gmtime(const time_t* timer) noexcept {
  thread_local struct tm result;
  return gmtime_r(timer, &result);
}

struct tm* localtime(const time_t* timer) noexcept {
  thread_local struct tm result;
  tzset();  // localtime() reads TZ at each call; localtime_r() need not
  return localtime_r(timer, &result);
}
}
