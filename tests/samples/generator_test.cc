// The data generator: deterministic, importable, realistic in volume (samples/generator).
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "csv_table.h"
#include "dataset_checks.h"
#include "model/time.h"
#include "samples/generator/csv_file.h"
#include "samples/generator/dataset_generator.h"
#include "samples/generator/paris_clock.h"
#include "samples/generator/seeded_random.h"

namespace clause {
namespace {

using std::chrono::minutes;

// A directory of its own for one test, removed when the test ends.
struct ScratchDir {
  std::filesystem::path path;
  explicit ScratchDir(const std::string& name)
      : path(std::filesystem::temp_directory_path() / ("clause-samples-" + name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path);
  }
  ~ScratchDir() { std::filesystem::remove_all(path); }
  operator const std::filesystem::path&() const { return path; }
  std::filesystem::path operator/(const std::string& file) const { return path / file; }
};

std::string bytes_of(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

GeneratedCounts generate(const std::string& name, int clients, std::uint64_t seed = 42) {
  ScratchDir dir(name);
  return write_generated_dataset({clients, seed, {2026, 10}, {2026, 11}}, dir);
}

TEST(SeededRandom, UsesTheStandardMersenneTwister) {
  // [rand.predef]: the 10000th output of a default-constructed mt19937_64 (seed 5489) is fixed.
  SeededRandom random(5489);
  for (int i = 1; i < 10000; ++i) random.bits();
  EXPECT_EQ(random.bits(), 9981545732273789042ULL);
}

TEST(SeededRandom, BetweenStaysInsideItsInclusiveBounds) {
  SeededRandom random(7);
  bool saw_low = false, saw_high = false;
  for (int i = 0; i < 2000; ++i) {
    const auto v = random.between(3, 6);
    ASSERT_GE(v, 3);
    ASSERT_LE(v, 6);
    saw_low |= v == 3;
    saw_high |= v == 6;
  }
  EXPECT_TRUE(saw_low && saw_high);
}

TEST(ParisClock, WritesSummerAndWinterOffsets) {
  EXPECT_EQ(format_paris(*parse_instant("2026-10-24T21:30:00Z")), "2026-10-24T23:30:00+02:00");
  EXPECT_EQ(format_paris(*parse_instant("2026-11-20T16:30:00Z")), "2026-11-20T17:30:00+01:00");
}

TEST(ParisClock, TheRepeatedOctoberHourShowsBothOffsets) {
  // 2026-10-25: clocks go back at 01:00 UTC (03:00 CEST -> 02:00 CET).
  EXPECT_EQ(format_paris(*parse_instant("2026-10-25T00:30:00Z")), "2026-10-25T02:30:00+02:00");
  EXPECT_EQ(format_paris(*parse_instant("2026-10-25T01:30:00Z")), "2026-10-25T02:30:00+01:00");
}

TEST(ParisClock, LocalTimesPickTheFirstPassAndSkipTheMissingHour) {
  EXPECT_EQ(format_instant_utc(
                paris_instant(Date{std::chrono::year{2026}, std::chrono::October, std::chrono::day{25}}, minutes{150})),
            "2026-10-25T00:30:00Z");
  EXPECT_EQ(format_instant_utc(
                paris_instant(Date{std::chrono::year{2026}, std::chrono::October, std::chrono::day{25}}, minutes{180})),
            "2026-10-25T02:00:00Z");
  // 2026-03-29 02:30 does not exist in Paris: read as winter time, i.e. 03:30 CEST.
  EXPECT_EQ(format_instant_utc(
                paris_instant(Date{std::chrono::year{2026}, std::chrono::March, std::chrono::day{29}}, minutes{150})),
            "2026-03-29T01:30:00Z");
}

TEST(CsvField, QuotesOnlyFieldsWithCommasQuotesOrLineBreaks) {
  EXPECT_EQ(csv_field("Clinique Saint-Roch SAS"), "Clinique Saint-Roch SAS");
  EXPECT_EQ(csv_field("Panne disque, RAID dégradé"), "\"Panne disque, RAID dégradé\"");
  EXPECT_EQ(csv_field("rue \"Au Bon Lire\""), "\"rue \"\"Au Bon Lire\"\"\"");
  EXPECT_EQ(csv_field("12 rue des Tanneurs\n69002 Lyon"), "\"12 rue des Tanneurs\n69002 Lyon\"");
}

TEST(CsvFile, RejectsARowWithTheWrongNumberOfFields) {
  const ScratchDir dir("short-row");
  std::filesystem::create_directories(dir.path);
  CsvFile file(dir / "payments.csv", {"id", "invoice_number", "paid", "amount"});
  file << "PAY-1"
       << "FA-2026-000001";
  try {
    file.end_row();
    FAIL() << "no error";
  } catch (const std::logic_error& e) {
    EXPECT_STREQ(e.what(), "payments.csv: row 1 has 2 fields, expected 4");
  }
}

TEST(GeneratedDataset, SameOptionsWriteIdenticalBytes) {
  const ScratchDir a("same-a"), b("same-b");
  write_generated_dataset({80, 42, {2026, 10}, {2026, 11}}, a);
  write_generated_dataset({80, 42, {2026, 10}, {2026, 11}}, b);
  for (const auto& [file, columns] : testing::agreed_columns())
    EXPECT_EQ(bytes_of(a / (file + ".csv")), bytes_of(b / (file + ".csv"))) << file;
}

TEST(GeneratedDataset, AnotherSeedWritesOtherData) {
  const ScratchDir a("seed-a"), b("seed-b");
  write_generated_dataset({80, 1, {2026, 10}, {2026, 11}}, a);
  write_generated_dataset({80, 2, {2026, 10}, {2026, 11}}, b);
  EXPECT_NE(bytes_of(a / "incidents.csv"), bytes_of(b / "incidents.csv"));
  EXPECT_EQ(bytes_of(a / "price_indices.csv"), bytes_of(b / "price_indices.csv"));  // SYNTEC is not random data
}

TEST(GeneratedDataset, HeadersAreTheAgreedColumns) {
  const ScratchDir dir("headers");
  write_generated_dataset({5, 42, {2026, 10}, {2026, 11}}, dir);
  for (const auto& [file, columns] : testing::agreed_columns())
    EXPECT_EQ(testing::read_csv_table(dir / (file + ".csv")).header, columns) << file;
}

TEST(GeneratedDataset, EveryFieldParsesAndEveryReferenceResolves) {
  for (std::uint64_t seed : {42u, 7u}) {
    const ScratchDir dir("valid-" + std::to_string(seed));
    write_generated_dataset({400, seed, {2026, 9}, {2026, 11}}, dir);
    EXPECT_EQ(testing::dataset_problems(dir), std::vector<std::string>{}) << "seed " << seed;
  }
}

TEST(GeneratedDataset, CountsAreTheRowsWritten) {
  const ScratchDir dir("counts");
  const GeneratedCounts n = write_generated_dataset({120, 42, {2026, 10}, {2026, 11}}, dir);
  const auto rows = testing::dataset_row_counts(dir);
  EXPECT_EQ(n.accounts, rows.at("accounts"));
  EXPECT_EQ(n.people, rows.at("people"));
  EXPECT_EQ(n.contracts, rows.at("contracts"));
  EXPECT_EQ(n.services, rows.at("services"));
  EXPECT_EQ(n.fee_revisions, rows.at("fee_revisions"));
  EXPECT_EQ(n.incidents, rows.at("incidents"));
  EXPECT_EQ(n.outages, rows.at("outages"));
  EXPECT_EQ(n.interventions, rows.at("interventions"));
  EXPECT_EQ(n.support_tickets, rows.at("support_tickets"));
  EXPECT_EQ(n.root_access_periods, rows.at("root_access_periods"));
  EXPECT_EQ(n.backups, rows.at("backups"));
  EXPECT_EQ(n.mail_usage, rows.at("mail_usage"));
  EXPECT_EQ(n.price_indices, rows.at("price_indices"));
  EXPECT_EQ(n.prior_invoices, rows.at("prior_invoices"));
  EXPECT_EQ(n.payments, rows.at("payments"));
  EXPECT_EQ(n.reversibility_requests, rows.at("reversibility_requests"));
}

TEST(GeneratedDataset, VolumesScaleWithTheNumberOfClients) {
  const GeneratedCounts small = generate("scale-small", 100), large = generate("scale-large", 1000);
  EXPECT_EQ(small.accounts, 100u);
  EXPECT_EQ(large.accounts, 1000u);
  EXPECT_EQ(large.people, 2000u);                       // two people per account
  EXPECT_EQ(small.price_indices, large.price_indices);  // 2019-01 .. 2026-10, whatever N
  EXPECT_EQ(large.price_indices, 94u);
  // Operations grow about tenfold (between 7x and 13x) with ten times the clients.
  for (auto [s, l] : {std::pair{small.contracts, large.contracts},
                      {small.incidents, large.incidents},
                      {small.backups, large.backups},
                      {small.mail_usage, large.mail_usage}}) {
    EXPECT_GT(l, 7 * s);
    EXPECT_LT(l, 13 * s);
  }
}

TEST(GeneratedDataset, AboutSeventyPercentOfContractsAreKalanda) {
  const ScratchDir dir("profiles");
  write_generated_dataset({1000, 42, {2026, 10}, {2026, 11}}, dir);
  const auto contracts = testing::read_csv_table(dir / "contracts.csv");
  std::size_t kalanda = 0;
  for (const auto& row : contracts.rows) kalanda += row[2] == "kalanda-hds";
  const double share = double(kalanda) / double(contracts.rows.size());
  EXPECT_GT(share, 0.65);
  EXPECT_LT(share, 0.75);
}

TEST(GeneratedDataset, RejectsAnEmptyClientList) {
  try {
    write_generated_dataset({0, 42, {2026, 10}, {2026, 11}}, ScratchDir("zero"));
    FAIL() << "no error";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "clients must be at least 1");
  }
}

TEST(GeneratedDataset, RejectsAWindowThatEndsBeforeItStarts) {
  try {
    write_generated_dataset({10, 42, {2026, 11}, {2026, 10}}, ScratchDir("window"));
    FAIL() << "no error";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "from must not be after to");
  }
}

}  // namespace
}  // namespace clause
