// One lock for the C library's time conversions that are not thread-safe. glibc's gmtime() and
// localtime() return one shared static buffer, and two libraries we render with call them: PoDoFo
// builds a PdfDate of the wall clock (localtime) in every PdfMemDocument's constructor, and
// libxlsxwriter writes its core.xml dates with gmtime() in workbook_close(). Statements render on
// several threads at once, so a workbook could get another thread's wall-clock date (seen once in
// about 600 workbooks of the nightly crash test): both calls are made under this lock.
#pragma once

#include <mutex>

namespace clause {

inline std::mutex& libc_time_lock() {
  static std::mutex lock;
  return lock;
}

}  // namespace clause
