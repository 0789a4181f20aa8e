#include "store/csv_import.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "store/csv_reader.h"
#include "store/gdpr_ledger.h"
#include "store/sql_text.h"
#include "store/table_rows.h"
#include "store/term_notice_tables.h"   // issue 12

namespace clause {
namespace {

// Rows of one file that passed every check, with the line each came from.
template <typename T>
struct ParsedFile {
  bool present = false;
  std::vector<T> rows;
  std::vector<std::size_t> lines;
};

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? std::string{separator} : "") + parts[i];
  return out;
}

std::string lower_case(std::string s) {
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// "a FIFO": what a file is, for a message saying it is not a regular file.
std::string kind_of(std::filesystem::file_type type) {
  using std::filesystem::file_type;
  switch (type) {
    case file_type::directory: return "a directory";
    case file_type::fifo: return "a FIFO";
    case file_type::character: return "a character device";
    case file_type::block: return "a block device";
    case file_type::socket: return "a socket";
    default: return "a file of another kind";
  }
}

// Why the file at `path` cannot be read as an export file, or nothing. Decided from its status
// before it is opened: opening a FIFO would wait for a writer forever, reading /dev/zero would
// never end. A symbolic link is followed; a dangling one is an error, not an absent file.
std::optional<std::string> unreadable(const std::filesystem::path& path) {
  std::error_code ec;
  const auto link = std::filesystem::symlink_status(path, ec);
  const auto target = std::filesystem::status(path, ec);
  const bool linked = link.type() == std::filesystem::file_type::symlink;
  if (linked && target.type() == std::filesystem::file_type::not_found)
    return "symbolic link to a missing file";
  if (ec) return "cannot read: " + ec.message();  // a loop of links, a folder without access...
  if (target.type() != std::filesystem::file_type::regular)
    return (linked ? "symbolic link to " : "is ") + kind_of(target.type()) + ", not a regular file";
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return "cannot read: " + ec.message();
  if (size > max_csv_file_bytes)
    return std::to_string(size) + " bytes, more than the limit of " + std::to_string(max_csv_file_bytes) + " (1 GiB)";
  return std::nullopt;
}

// Reads a regular file of at most max_csv_file_bytes. Opened non-blocking and checked again on
// the open descriptor, so a file swapped for a FIFO after unreadable() cannot hang the import.
// Throws std::runtime_error with the reason.
std::string read_export_file(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error(std::string{"cannot read: "} + std::strerror(errno));
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) throw std::runtime_error("is not a regular file");
  if (std::uintmax_t(st.st_size) > max_csv_file_bytes) throw std::runtime_error("larger than the limit of 1 GiB");
  std::string text(std::size_t(st.st_size), '\0');
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::read(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::runtime_error(std::string{"cannot read: "} + std::strerror(errno));
    if (n == 0) break;  // the file shrank while being read: what was there is what is imported
    done += std::size_t(n);
  }
  text.resize(done);
  return text;
}

class DirectoryImport {
 public:
  DirectoryImport(Database& db, std::filesystem::path dir) : db_(db), dir_(std::move(dir)) {}

  // Parses and checks one file: its rows, then its references once all its ids are known.
  template <typename T>
  ParsedFile<T> parse() {
    const Entity<T>& e = entity<T>();
    ParsedFile<T> parsed;
    std::filesystem::path path = dir_ / e.file();
    std::error_code ec;
    if (std::filesystem::symlink_status(path, ec).type() == std::filesystem::file_type::not_found) return parsed;
    parsed.present = true;
    file_ = e.file();
    messages_.clear();
    if (auto why = unreadable(path)) {
      report_.errors.push_back(file_ + ": " + *why);
      return parsed;
    }
    std::string text;
    try {
      text = read_export_file(path);
    } catch (const std::exception& ex) {
      report_.errors.push_back(file_ + ": " + ex.what());
      return parsed;
    }
    std::vector<std::string> header;
    for (const auto& c : e.columns) header.push_back(c.csv_name);
    const std::string expected_header = join(header, ",");
    std::vector<size_t> key_columns;
    for (const auto& k : e.key)
      for (size_t i = 0; i < e.columns.size(); ++i)
        if (e.columns[i].csv_name == k) key_columns.push_back(i);
    const bool id_keyed = e.key == std::vector<std::string>{"id"};
    std::unordered_set<std::string>& own_ids = imported_ids_[e.table];
    std::unordered_map<std::string, std::size_t> first_seen;
    bool header_seen = false, header_ok = false;
    std::size_t rows = 0;

    auto on_record = [&](const CsvRecord& r) {
      if (!header_seen) {
        header_seen = true;
        header_ok = r.fields == header;
        if (!header_ok) add(r.line, "header is " + quote_value(join(r.fields, ",")) + " but must be " + quote_value(expected_header));
        return;
      }
      if (!header_ok) return;
      ++rows;
      if (r.fields.size() != e.columns.size()) {
        add(r.line, "expected " + std::to_string(e.columns.size()) + " fields, found " + std::to_string(r.fields.size()));
        return;
      }
      T record{};
      bool row_ok = true;
      for (size_t i = 0; i < e.columns.size(); ++i) {
        const Column<T>& c = e.columns[i];
        const std::string& text_value = r.fields[i];
        std::optional<std::string> reason;
        if (text_value.size() > max_csv_field_bytes)
          reason = "field longer than " + std::to_string(max_csv_field_bytes) + " bytes";
        else if (!is_valid_utf8(text_value))
          reason = "invalid UTF-8";
        else if (auto bad = forbidden_character(text_value, c.line_breaks))
          reason = bad;
        else if (c.identifier && text_value.size() > max_id_bytes)
          reason = "at most " + std::to_string(max_id_bytes) + " bytes (found " + std::to_string(text_value.size()) + ")";
        else if (text_value.empty() && c.required)
          reason = "required value is empty";
        else
          reason = c.parse(text_value, record);
        if (reason) {
          add(r.line, "column " + c.csv_name + ": " + *reason);
          row_ok = false;
        }
      }
      // The natural key, checked even on a bad row so that a duplicate is never hidden.
      std::vector<std::string> key_values;
      for (size_t i : key_columns) key_values.push_back(r.fields[i]);
      if (std::all_of(key_values.begin(), key_values.end(), [](const std::string& v) { return !v.empty(); })) {
        std::string joined = join(key_values, std::string_view{"\x1f", 1});
        auto [it, fresh] = first_seen.emplace(joined, r.line);
        if (!fresh) {
          std::vector<std::string> shown;
          for (const auto& v : key_values) shown.push_back(quote_value(v));
          std::string what = key_values.size() == 1 ? e.key.front() + " " + shown.front()
                                                    : "(" + join(e.key, ", ") + ") (" + join(shown, ", ") + ")";
          add(r.line, "column " + e.key.front() + ": duplicate " + what + ", first seen line " + std::to_string(it->second));
          row_ok = false;
        }
        if (id_keyed) own_ids.insert(key_values.front());
      }
      if (!row_ok) return;
      for (const ColumnError& ce : e.row_check(record)) {
        add(r.line, "column " + ce.column + ": " + ce.reason);
        row_ok = false;
      }
      if (!row_ok) return;
      parsed.rows.push_back(std::move(record));
      parsed.lines.push_back(r.line);
    };

    if (text.empty() || text == "\xEF\xBB\xBF") {
      add(1, "empty file: expected the header " + quote_value(expected_header));
    } else if (auto error = read_csv(text, on_record)) {
      add(error->line, error->reason);
    } else if (!header_seen) {
      add(1, "empty file: expected the header " + quote_value(expected_header));
    }
    check_references(e, parsed);
    report_.files.push_back({file_, rows});
    std::stable_sort(messages_.begin(), messages_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [line, text_message] : messages_) report_.errors.push_back(std::move(text_message));
    return parsed;
  }

  // Upserts the rows of one file; false (with the error reported) when the database refuses.
  template <typename T>
  bool write(const ParsedFile<T>& parsed) {
    if (parsed.rows.empty()) return true;
    const Entity<T>& e = entity<T>();
    size_t current = 0;
    try {
      auto upserter = make_upserter(db_, e.table, db_columns(e), e.key);
      for (; current < parsed.rows.size(); ++current) upserter->add(to_cells(e, parsed.rows[current]));
      upserter->finish();
      return true;
    } catch (const std::exception& ex) {
      // SQLite refuses the row being written; PostgreSQL refuses the batch at its end.
      std::string where = current < parsed.rows.size() ? e.file() + ":" + std::to_string(parsed.lines[current])
                                                       : e.file();
      report_.errors.push_back(where + ": the database refused the row: " + first_line(ex.what()));
      report_.database_failed = true;
      return false;
    }
  }

  // .csv files that are not part of the format: a misspelt name would silently import nothing.
  // The extension is compared in any case (incidents.CSV), names exactly: a name that differs
  // from an expected one only by case says which one was meant.
  void check_unknown_files() {
    std::map<std::string, std::string> unknown;  // name -> message
    const auto& known = import_file_names();
    for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
      std::string name = entry.path().filename().string();
      if (lower_case(entry.path().extension().string()) != ".csv" ||
          std::find(known.begin(), known.end(), name) != known.end())
        continue;
      auto meant = std::find(known.begin(), known.end(), lower_case(name));
      unknown[name] = meant != known.end()
                          ? name + ": unknown file: file names are case-sensitive, expected " + *meant
                          : name + ": unknown file (expected one of " + join(known, ", ") + ")";
    }
    for (auto& [name, message] : unknown) report_.errors.push_back(std::move(message));
  }

  ImportReport& report() { return report_; }

 private:
  void add(std::size_t line, std::string message) {
    messages_.emplace_back(line, file_ + ":" + std::to_string(line) + ": " + std::move(message));
  }

  static std::string first_line(std::string_view s) {
    auto end = s.find('\n');
    return std::string{s.substr(0, end)};
  }

  // Ids of `table` already in the database, read once.
  const std::unordered_set<std::string>& stored_ids(const std::string& table) {
    auto it = stored_ids_.find(table);
    if (it != stored_ids_.end()) return it->second;
    std::unordered_set<std::string>& ids = stored_ids_[table];
    for (auto& row : select_cells(db_, "SELECT id FROM \"" + table + "\"", 1)) ids.insert(*row[0]);
    return ids;
  }

  template <typename T>
  void check_references(const Entity<T>& e, const ParsedFile<T>& parsed) {
    for (const Reference& ref : e.references) {
      size_t column = 0;
      while (e.columns[column].csv_name != ref.column) ++column;
      const auto& imported = imported_ids_[ref.table];
      for (size_t i = 0; i < parsed.rows.size(); ++i) {
        Cell value = e.columns[column].store(parsed.rows[i]);
        if (!value || imported.count(*value) || stored_ids(ref.table).count(*value)) continue;
        add(parsed.lines[i], "column " + ref.column + ": unknown " + ref.noun + " " + quote_value(*value));
      }
    }
  }

  Database& db_;
  std::filesystem::path dir_;
  ImportReport report_;
  std::string file_;
  std::vector<std::pair<std::size_t, std::string>> messages_;
  std::map<std::string, std::unordered_set<std::string>> imported_ids_;
  std::map<std::string, std::unordered_set<std::string>> stored_ids_;
};

}  // namespace

const std::vector<std::string>& import_file_names() {
  static const std::vector<std::string> names{
      entity<Account>().file(),          entity<Person>().file(),          entity<Contract>().file(),
      entity<Service>().file(),          entity<FeeRevision>().file(),     entity<Incident>().file(),
      entity<Outage>().file(),           entity<Intervention>().file(),    entity<SupportTicket>().file(),
      entity<RootAccessPeriod>().file(), entity<Backup>().file(),          entity<MailUsageSample>().file(),
      entity<PriceIndex>().file(),       entity<PriorInvoice>().file(),    entity<Payment>().file(),
      entity<ReversibilityRequest>().file(),
      entity<PriceChange>().file(),      entity<BreachNotice>().file()};   // issue 12
  return names;
}

ImportReport import_directory(Database& db, const std::filesystem::path& dir) {
  DirectoryImport run(db, dir);
  if (!std::filesystem::is_directory(dir)) {
    run.report().errors.push_back(dir.string() + ": not a directory");
    return run.report();
  }
  // Load order = import_file_names(): every reference points to a file parsed before it.
  auto accounts = run.parse<Account>();
  auto people = run.parse<Person>();
  auto contracts = run.parse<Contract>();
  auto services = run.parse<Service>();
  auto fees = run.parse<FeeRevision>();
  auto incidents = run.parse<Incident>();
  auto outages = run.parse<Outage>();
  auto interventions = run.parse<Intervention>();
  auto tickets = run.parse<SupportTicket>();
  auto root_access = run.parse<RootAccessPeriod>();
  auto backups = run.parse<Backup>();
  auto mail = run.parse<MailUsageSample>();
  auto indices = run.parse<PriceIndex>();
  auto prior_invoices = run.parse<PriorInvoice>();
  auto payments = run.parse<Payment>();
  auto reversibility = run.parse<ReversibilityRequest>();
  auto price_changes = run.parse<PriceChange>();     // issue 12: N2
  auto breach_notices = run.parse<BreachNotice>();   // issue 12: N3
  run.check_unknown_files();
  if (!run.report().ok()) return run.report();

  soci::transaction tx(db.session());
  bool written = run.write(accounts) && run.write(people) && run.write(contracts) && run.write(services) &&
                 run.write(fees) && run.write(incidents) && run.write(outages) && run.write(interventions) &&
                 run.write(tickets) && run.write(root_access) && run.write(backups) && run.write(mail) &&
                 run.write(indices) && run.write(prior_invoices) && run.write(payments) && run.write(reversibility) &&
                 run.write(price_changes) && run.write(breach_notices);
  if (!written) {
    tx.rollback();
    return run.report();
  }
  try {
    run.report().purged_people_kept_erased = keep_purged_people_erased(db);  // G5, same transaction
    tx.commit();  // deferred foreign keys are checked here
  } catch (const std::exception& ex) {
    run.report().errors.push_back(std::string{"commit refused by the database: "} + ex.what());
    run.report().database_failed = true;
  }
  return run.report();
}

}  // namespace clause
