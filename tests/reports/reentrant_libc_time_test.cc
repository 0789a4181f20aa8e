// reports/reentrant_libc_time.cc: the gmtime() and localtime() every library of the process calls
// keep one result per thread (PoDoFo and libxlsxwriter call them while documents render on
// several threads).
#include <dlfcn.h>

#include <ctime>
#include <string>
#include <thread>

#include <gtest/gtest.h>

namespace {

// The file that defines `symbol` as the dynamic linker binds it for every library.
std::string defined_in(const char* symbol) {
  Dl_info info{};
  void* address = dlsym(RTLD_DEFAULT, symbol);
  if (!address || !dladdr(address, &info) || !info.dli_fname) return "";
  return info.dli_fname;
}

TEST(ReentrantLibcTime, TheLibrariesGetClausesDefinitionsNotGlibcs) {
  for (const char* symbol : {"gmtime", "localtime"}) {
    const std::string file = defined_in(symbol);
    ASSERT_FALSE(file.empty()) << symbol;
    EXPECT_EQ(file.find("libc.so"), std::string::npos) << symbol << " is glibc's: " << file;
  }
}

TEST(ReentrantLibcTime, AnotherThreadsCallLeavesThisThreadsResultAlone) {
  const time_t epoch = 0, next_day = 86400 + 3600;
  const struct tm* mine = gmtime(&epoch);
  ASSERT_EQ(mine->tm_mday, 1);
  int theirs_day = 0, theirs_hour = -1;
  std::thread([&] {
    const struct tm* theirs = gmtime(&next_day);
    theirs_day = theirs->tm_mday;
    theirs_hour = theirs->tm_hour;
    EXPECT_NE(theirs, mine);
  }).join();
  EXPECT_EQ(theirs_day, 2);
  EXPECT_EQ(theirs_hour, 1);
  EXPECT_EQ(mine->tm_mday, 1);  // glibc's shared buffer would now say the 2nd
  EXPECT_EQ(mine->tm_hour, 0);
}

TEST(ReentrantLibcTime, LocaltimeGivesWhatLocaltimeRGives) {
  const time_t t = 1790000000;  // 2026-09-21 in UTC
  struct tm expected {};
  localtime_r(&t, &expected);
  const struct tm* got = localtime(&t);
  EXPECT_EQ(got->tm_year, expected.tm_year);
  EXPECT_EQ(got->tm_yday, expected.tm_yday);
  EXPECT_EQ(got->tm_hour, expected.tm_hour);
  EXPECT_EQ(got->tm_isdst, expected.tm_isdst);
}

}  // namespace
