#include "batch/correction_months.h"

#include <algorithm>

#include <soci/soci.h>

#include "reports/pdf/sha256.h"
#include "rules/calendar.h"
#include "store/table_rows.h"

namespace clause {
namespace {

// A row concerns a month when its span meets the month widened by these days: 40 before (the B5
// 30-day grace and the K1 7-day retention reach back before the month), 2 after (local time zones
// around the month's last midnight, UTC-stored instants).
constexpr int days_before = 40;
constexpr int days_after = 2;

std::string hex(const std::array<unsigned char, 32>& digest) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : digest) out += {digits[b >> 4], digits[b & 15]};
  return out;
}

struct Window {
  YearMonth month;
  std::string from, to;  // [from, to) as ISO dates, compared with dates and UTC instants as text
  std::string digests;   // the SHA-256 of each row concerned, in query order
};

// Hashes each row of `query` (table `name`, begin and end of its span first) into every window its
// span meets; a row without a span (begin empty) concerns every month.
template <typename T>
void hash_table(Database& db, const char* query, std::vector<Window>& windows, const std::string& from,
                const std::string& to) {
  const std::size_t columns = entity<T>().columns.size() + 2;
  const std::string sql = expand_columns<T>(db, query);
  // The whole tables (contracts, fees...) take no span parameters: binding one they lack is an error.
  const QueryParams span =
      sql.find(":from") == std::string::npos ? QueryParams{} : QueryParams{{"from", from}, {"to", to}};
  for (const auto& cells : select_cells(db, sql, columns, span)) {
    std::string row = entity<T>().table;
    for (std::size_t i = 2; i < cells.size(); ++i) row += cells[i] ? "\x1f" + *cells[i] : std::string{"\x1e"};
    const std::string digest = hex(pdf::sha256(row));
    const std::string begin = cells[0].value_or(""), end = cells[1].value_or("");
    for (Window& w : windows)
      if (begin.empty() || (begin < w.to && (end.empty() || end >= w.from))) w.digests += digest;
  }
}

}  // namespace

std::vector<YearMonth> months_with_statements(Database& db, YearMonth first, YearMonth last) {
  std::vector<YearMonth> out;
  for (const auto& c : select_cells(db, db.query("corrections.statement_months"), 1,
                                    {{"first", format_year_month(first)}, {"after", format_year_month(last.next())}}))
    if (auto m = parse_year_month(c[0].value_or(""))) out.push_back(*m);
  return out;
}

std::map<YearMonth, std::string> statement_input_fingerprints(Database& db, const std::vector<YearMonth>& months) {
  std::map<YearMonth, std::string> out;
  if (months.empty()) return out;
  std::vector<Window> windows;
  for (YearMonth m : months)
    windows.push_back({m,
                       format_date(add_days(m.first_day(), -days_before)),
                       format_date(add_days(m.last_day(), days_after + 1)),
                       {}});
  std::string from = windows.front().from, to = windows.front().to;
  for (const Window& w : windows) {
    from = std::min(from, w.from);
    to = std::max(to, w.to);
  }
  hash_table<Incident>(db, "fingerprint.incidents", windows, from, to);
  hash_table<Outage>(db, "fingerprint.outages", windows, from, to);
  hash_table<Intervention>(db, "fingerprint.interventions", windows, from, to);
  hash_table<SupportTicket>(db, "fingerprint.support_tickets", windows, from, to);
  hash_table<RootAccessPeriod>(db, "fingerprint.root_access_periods", windows, from, to);
  hash_table<Backup>(db, "fingerprint.backups", windows, from, to);
  hash_table<MailUsageSample>(db, "fingerprint.mail_usage", windows, from, to);
  hash_table<FeeRevision>(db, "fingerprint.fee_revisions", windows, from, to);
  hash_table<Contract>(db, "fingerprint.contracts", windows, from, to);
  hash_table<Service>(db, "fingerprint.services", windows, from, to);
  hash_table<ReversibilityRequest>(db, "fingerprint.reversibility_requests", windows, from, to);
  for (const Window& w : windows) out[w.month] = hex(pdf::sha256(w.digests));
  return out;
}

std::optional<std::string> recorded_fingerprint(Database& db, YearMonth month) {
  auto rows = select_cells(db, db.query("statement_fingerprints.of_month"), 1, {{"month", format_year_month(month)}});
  if (rows.empty() || !rows[0][0]) return std::nullopt;
  return *rows[0][0];
}

void record_fingerprint(Database& db, YearMonth month, const std::string& sha256, Date night) {
  const std::string m = format_year_month(month), checked = format_date(night);
  db.session() << db.query("statement_fingerprints.upsert"), soci::use(m, "month"), soci::use(sha256, "sha256"),
      soci::use(checked, "checked_on");
}

}  // namespace clause
