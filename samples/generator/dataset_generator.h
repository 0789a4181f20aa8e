// A deterministic generator of realistic import directories (the CSV layout of docs/import.md)
// for demos, benchmarks and load tests: N client accounts of French companies with their people,
// contracts of both shipped profiles (about 70 % kalanda-hds, 30 % dag), services, fee history
// with SYNTEC revisions, and for each month of a window the operations the rules judge:
// incidents, outages, interventions, support tickets, root-access periods, daily backups, daily
// mail usage and payments. Same options, same bytes: no clock, no std:: distributions.
// prior_invoices.csv has its header only: a generated provider has no invoices from before Clause
// (the credits of its first month wait for an invoice to cite).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>

#include "model/time.h"

namespace clause {

struct GeneratorOptions {
  int clients = 0;  // accounts to create: clients, resellers and their sub-accounts
  std::uint64_t seed = 42;
  YearMonth from{2026, 10};  // first month with operations (Paris local months)
  YearMonth to{2026, 11};    // last month with operations, inclusive
};

// Rows written per file (header excluded).
struct GeneratedCounts {
  std::size_t accounts = 0, people = 0, contracts = 0, services = 0, fee_revisions = 0, incidents = 0, outages = 0,
              interventions = 0, support_tickets = 0, root_access_periods = 0, backups = 0, mail_usage = 0,
              price_indices = 0, prior_invoices = 0, payments = 0, reversibility_requests = 0;
  friend bool operator==(const GeneratedCounts&, const GeneratedCounts&) = default;
};

// Writes the 16 CSV files of the data set into `dir` (created when missing, files overwritten).
// The run date the data is built around (activity, inactivity, index publication) is the first
// day after `to`. Throws std::invalid_argument "clients must be at least 1" or
// "from must not be after to", and std::runtime_error "cannot write PATH".
GeneratedCounts write_generated_dataset(const GeneratorOptions& options, const std::filesystem::path& dir);

}  // namespace clause
