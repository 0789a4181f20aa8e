// Import throughput: migrates DATABASE_URL, imports DIR twice (a first load, then the same export
// again, which updates every row by natural key) and prints rows per second for each.
// Usage: import_bench DATABASE_URL DIR
#include <chrono>
#include <cstdio>
#include <numeric>

#include "store/csv_import.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s DATABASE_URL DIR\n", argv[0]);
    return 2;
  }
  auto db = clause::Database::open(argv[1]);
  db->migrate();
  for (const char* pass : {"first import", "re-import (upsert)"}) {
    auto begin = std::chrono::steady_clock::now();
    clause::ImportReport report = clause::import_directory(*db, argv[2]);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    if (!report.ok()) {
      for (const auto& e : report.errors) std::fprintf(stderr, "%s\n", e.c_str());
      return 1;
    }
    std::size_t rows = 0;
    for (const auto& f : report.files) rows += f.rows;
    std::printf("%-20s %-10s %9zu rows %8.2f s %10.0f rows/s\n", pass,
                db->dialect() == clause::Dialect::sqlite ? "sqlite" : "postgresql", rows, seconds, rows / seconds);
  }
  return 0;
}
