// reports/reentrant_libc_time.cc: the gmtime() and localtime() every library of the process calls
// keep one result per thread (PoDoFo and libxlsxwriter call them while documents render on
// several threads).
#include <dlfcn.h>

#include <ctime>
#include <string>
#include <thread>

#include <gtest/gtest.h>

namespace {

// Where the object holding `address` is loaded, and its file.
Dl_info object_of(const void* address) {
  Dl_info info{};
  dladdr(address, &info);
  return info;
}

void a_function_of_this_executable() {}

// The definitions every library is bound to are the executable's own: not glibc's, nor those of a
// library linked before Clause's (AddressSanitizer's runtime defines gmtime and localtime too).
TEST(ReentrantLibcTime, TheLibrariesGetTheExecutablesDefinitions) {
  const Dl_info executable = object_of(reinterpret_cast<const void*>(&a_function_of_this_executable));
  ASSERT_NE(executable.dli_fbase, nullptr);
  for (const char* symbol : {"gmtime", "localtime"}) {
    const void* bound = dlsym(RTLD_DEFAULT, symbol);
    ASSERT_NE(bound, nullptr) << symbol;
    const Dl_info definition = object_of(bound);
    EXPECT_EQ(definition.dli_fbase, executable.dli_fbase)
        << symbol << " is defined in " << (definition.dli_fname ? definition.dli_fname : "?");
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
