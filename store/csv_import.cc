#include "store/csv_import.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "model/data_set.h"
#include "store/csv_reader.h"
#include "store/first_seen_keys.h"
#include "store/gdpr_ledger.h"
#include "store/sql_text.h"
#include "store/table_rows.h"
#include "store/term_notice_tables.h"  // issue 12

namespace clause {
namespace {

// FNV-1a over a text read in pieces: whether the writing pass read the text the checking pass
// checked (a change detector, not a defence against a forger, who could edit either reading).
struct TextDigest {
  std::uint64_t value = 14695981039346656037ull;
  std::size_t bytes = 0;
  void add(std::string_view piece) {
    for (unsigned char c : piece) value = (value ^ c) * 1099511628211ull;
    bytes += piece.size();
  }
  bool operator==(const TextDigest&) const = default;
};

// What checking one file found: how many rows passed every check and a digest of its text. The
// rows themselves are not kept (issue 16: a 10,000-client import held every parsed row of every
// file, 562 MB): the file is read and parsed again when it is written, each row going to the
// database as it is parsed, and the second reading must find the same text.
template <typename T>
struct ParsedFile {
  bool present = false;
  std::size_t good_rows = 0;
  TextDigest digest;
};

// Receives each row that passed every check, with the line it starts on.
template <typename T>
using RowSink = std::function<void(const T&, std::size_t)>;

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
    case file_type::directory:
      return "a directory";
    case file_type::fifo:
      return "a FIFO";
    case file_type::character:
      return "a character device";
    case file_type::block:
      return "a block device";
    case file_type::socket:
      return "a socket";
    default:
      return "a file of another kind";
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
  if (linked && target.type() == std::filesystem::file_type::not_found) return "symbolic link to a missing file";
  if (ec) return "cannot read: " + ec.message();  // a loop of links, a folder without access...
  if (target.type() != std::filesystem::file_type::regular)
    return (linked ? "symbolic link to " : "is ") + kind_of(target.type()) + ", not a regular file";
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return "cannot read: " + ec.message();
  if (size > max_csv_file_bytes)
    return std::to_string(size) + " bytes, more than the limit of " + std::to_string(max_csv_file_bytes) + " (1 GiB)";
  return std::nullopt;
}

// Reads a regular file of at most max_csv_file_bytes, handing it to `piece` block by block (1 MiB:
// a 10,000-client backups.csv is 170 MB, never held whole). Opened non-blocking and checked again
// on the open descriptor, so a file swapped for a FIFO after unreadable() cannot hang the import.
// Throws std::runtime_error with the reason.
void read_export_file(const std::filesystem::path& path, const std::function<void(std::string_view)>& piece) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error(std::string{"cannot read: "} + std::strerror(errno));
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) throw std::runtime_error("is not a regular file");
  if (std::uintmax_t(st.st_size) > max_csv_file_bytes) throw std::runtime_error("larger than the limit of 1 GiB");
  const std::size_t size = std::size_t(st.st_size);
  std::string block(std::min<std::size_t>(size, 1 << 20), '\0');
  std::size_t done = 0;
  while (done < size) {
    ssize_t n = ::read(fd, block.data(), std::min(block.size(), size - done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::runtime_error(std::string{"cannot read: "} + std::strerror(errno));
    if (n == 0) break;  // the file shrank while being read: what was there is what is imported
    done += std::size_t(n);
    piece(std::string_view(block.data(), std::size_t(n)));
  }
}

// The tables some import file refers to (an account's parent, a service's contract...).
template <typename... T>
std::set<std::string> tables_referenced_by() {
  std::set<std::string> tables;
  (..., [&] {
    for (const Reference& ref : entity<T>().references) tables.insert(ref.table);
  }());
  return tables;
}

const std::set<std::string>& referenced_tables() {
  static const std::set<std::string> tables =
      tables_referenced_by<Account, Person, Contract, Service, FeeRevision, Incident, Outage, Intervention,
                           SupportTicket, RootAccessPeriod, Backup, MailUsageSample, PriceIndex, PriorInvoice, Payment,
                           ReversibilityRequest>();
  return tables;
}

class DirectoryImport {
 public:
  DirectoryImport(Database& db, std::filesystem::path dir) : db_(db), dir_(std::move(dir)) {}

  // Parses and checks one file, its references included (they point to files parsed before it);
  // each row that passes goes to `sink` when one is given (the writing pass, which is not reported
  // again as a file of the import).
  template <typename T>
  ParsedFile<T> parse(const RowSink<T>* sink = nullptr) {
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
    std::vector<std::string> header;
    for (const auto& c : e.columns) header.push_back(c.csv_name);
    const std::string expected_header = join(header, ",");
    std::vector<size_t> key_columns;
    for (const auto& k : e.key)
      for (size_t i = 0; i < e.columns.size(); ++i)
        if (e.columns[i].csv_name == k) key_columns.push_back(i);
    const bool id_keyed = e.key == std::vector<std::string>{"id"};
    std::unordered_set<std::string>& own_ids = imported_ids_[e.table];
    // Only the ids another file (or this one) refers to are kept: backups.csv's 830,000 ids at
    // 10,000 clients would cost ~50 MB for nothing.
    const bool referenced = referenced_tables().count(e.table) > 0;
    FirstSeenKeys first_seen;  // packed: backups.csv holds 830,000 keys at 10,000 clients
    bool header_seen = false, header_ok = false;
    std::size_t rows = 0;
    bool in_sink = false;

    auto on_record = [&](const CsvRecord& r) {
      if (!header_seen) {
        header_seen = true;
        header_ok = r.fields == header;
        if (!header_ok)
          add(r.line, "header is " + quote_value(join(r.fields, ",")) + " but must be " + quote_value(expected_header));
        return;
      }
      if (!header_ok) return;
      ++rows;
      if (r.fields.size() != e.columns.size()) {
        add(r.line,
            "expected " + std::to_string(e.columns.size()) + " fields, found " + std::to_string(r.fields.size()));
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
          reason =
              "at most " + std::to_string(max_id_bytes) + " bytes (found " + std::to_string(text_value.size()) + ")";
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
        if (const auto first = first_seen.seen(joined, r.line)) {
          std::vector<std::string> shown;
          for (const auto& v : key_values) shown.push_back(quote_value(v));
          std::string what = key_values.size() == 1 ? e.key.front() + " " + shown.front()
                                                    : "(" + join(e.key, ", ") + ") (" + join(shown, ", ") + ")";
          add(r.line,
              "column " + e.key.front() + ": duplicate " + what + ", first seen line " + std::to_string(*first));
          row_ok = false;
        }
        if (id_keyed && referenced) own_ids.insert(key_values.front());
      }
      if (!row_ok) return;
      for (const ColumnError& ce : e.row_check(record)) {
        add(r.line, "column " + ce.column + ": " + ce.reason);
        row_ok = false;
      }
      if (!row_ok) return;
      if (!references_known(e, record, r.line)) return;
      ++parsed.good_rows;
      if (sink != nullptr) {
        in_sink = true;  // the database's refusal is the writer's to report, not a read error
        (*sink)(record, r.line);
        in_sink = false;
      }
    };

    std::optional<CsvError> error;
    std::string opening;  // the first bytes, to tell a file holding only a byte order mark
    try {
      CsvFeed feed(on_record);
      bool reading = true;
      read_export_file(path, [&](std::string_view piece) {
        parsed.digest.add(piece);
        if (opening.size() < 4) opening.append(piece.substr(0, 4 - opening.size()));
        if (reading) reading = feed.feed(piece);
      });
      error = feed.finish();
    } catch (const std::exception& ex) {
      if (in_sink) throw;
      report_.errors.push_back(file_ + ": " + ex.what());
      return parsed;
    }
    if (opening.empty() || opening == "\xEF\xBB\xBF") {
      add(1, "empty file: expected the header " + quote_value(expected_header));
    } else if (error) {
      add(error->line, error->reason);
    } else if (!header_seen) {
      add(1, "empty file: expected the header " + quote_value(expected_header));
    }
    check_own_references();
    if (sink == nullptr) report_.files.push_back({file_, rows});
    std::stable_sort(messages_.begin(), messages_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [line, text_message] : messages_) report_.errors.push_back(std::move(text_message));
    return parsed;
  }

  // Upserts the rows of one file, read and parsed again, as they are parsed; false (with the
  // error reported) when the database refuses or the file is no longer the one checked.
  template <typename T>
  bool write(const ParsedFile<T>& checked) {
    if (checked.good_rows == 0) return true;
    const Entity<T>& e = entity<T>();
    std::optional<std::size_t> current;  // the line of the row being written
    try {
      auto upserter = make_upserter(db_, e.table, db_columns(e), e.key);
      const RowSink<T> sink = [&](const T& row, std::size_t line) {
        current = line;
        upserter->add(to_cells(e, row));
        current.reset();
      };
      const std::size_t errors = report_.errors.size();
      const ParsedFile<T> again = parse<T>(&sink);
      if (report_.errors.size() != errors || again.good_rows != checked.good_rows || again.digest != checked.digest) {
        report_.errors.push_back(e.file() + ": changed while it was being imported; nothing was imported");
        report_.database_failed = true;
        return false;
      }
      upserter->finish();
      return true;
    } catch (const std::exception& ex) {
      // SQLite refuses the row being written; PostgreSQL refuses the batch at its end.
      std::string where = current ? e.file() + ":" + std::to_string(*current) : e.file();
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
      unknown[name] = meant != known.end() ? name + ": unknown file: file names are case-sensitive, expected " + *meant
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

  // Whether every reference of a row that passed its own checks names a known record (imported
  // now or stored); reports each unknown one. A reference to the file's own table (an account's
  // parent) may name a row further down: it is checked once the whole file is read.
  template <typename T>
  bool references_known(const Entity<T>& e, const T& record, std::size_t line) {
    bool known = true;
    for (const Reference& ref : e.references) {
      size_t column = 0;
      while (e.columns[column].csv_name != ref.column) ++column;
      Cell value = e.columns[column].store(record);
      if (!value) continue;
      if (ref.table == e.table) {
        own_references_.push_back({line, &ref, *value});
        continue;
      }
      if (imported_ids_[ref.table].count(*value) || stored_ids(ref.table).count(*value)) continue;
      add(line, "column " + ref.column + ": unknown " + ref.noun + " " + quote_value(*value));
      known = false;
    }
    return known;
  }

  // The references to the file's own table, once all its ids are known.
  void check_own_references() {
    for (const auto& [line, ref, value] : own_references_) {
      if (imported_ids_[ref->table].count(value) || stored_ids(ref->table).count(value)) continue;
      add(line, "column " + ref->column + ": unknown " + ref->noun + " " + quote_value(value));
    }
    own_references_.clear();
  }

  Database& db_;
  std::filesystem::path dir_;
  ImportReport report_;
  std::string file_;
  std::vector<std::pair<std::size_t, std::string>> messages_;
  std::map<std::string, std::unordered_set<std::string>> imported_ids_;
  std::map<std::string, std::unordered_set<std::string>> stored_ids_;
  struct OwnReference {
    std::size_t line;
    const Reference* ref;
    std::string value;
  };
  std::vector<OwnReference> own_references_;  // of the file being parsed
};

}  // namespace

const std::vector<std::string>& import_file_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for_each_record_kind([&](auto member) { out.push_back(entity<RecordOf<decltype(member)>>().file()); });
    // The term notices (N2, N3, issue 12) are imported but are not records the statements read.
    out.push_back(entity<PriceChange>().file());
    out.push_back(entity<BreachNotice>().file());
    return out;
  }();
  return names;
}

ImportReport import_directory(Database& db, const std::filesystem::path& dir) {
  // Large imports touch index pages all over the file: a 32 MiB page cache keeps most of them in
  // memory (rendering runs keep the 8 MiB Database::open sets). 64 MiB took the 10,000-client import's
  // peak RSS to 157 MB for 2 % less CPU; 32 MiB keeps it at 117 MB (issue 16, docs/speed.md).
  db.set_page_cache_mib(32);
  DirectoryImport run(db, dir);
  if (!std::filesystem::is_directory(dir)) {
    run.report().errors.push_back(dir.string() + ": not a directory");
    return run.report();
  }
  // Load order = import_file_names(): every reference points to a file parsed before it.
  // Braced initialisation evaluates in order: the files are parsed in kRecordKinds order.
  const auto parsed =
      std::apply([&](auto... member) { return std::tuple{run.parse<RecordOf<decltype(member)>>()...}; }, kRecordKinds);
  const auto price_changes = run.parse<PriceChange>();    // issue 12: N2
  const auto breach_notices = run.parse<BreachNotice>();  // issue 12: N3
  run.check_unknown_files();
  if (!run.report().ok()) return run.report();

  soci::transaction tx(db.session());
  const bool written = std::apply([&](const auto&... file) { return (run.write(file) && ...); }, parsed) &&
                       run.write(price_changes) && run.write(breach_notices);
  if (!written) {
    tx.rollback();
    return run.report();
  }
  try {
    run.report().purged_people_kept_erased = keep_purged_people_erased(db);  // G5, same transaction
    tx.commit();                                                             // deferred foreign keys are checked here
  } catch (const std::exception& ex) {
    run.report().errors.push_back(std::string{"commit refused by the database: "} + ex.what());
    run.report().database_failed = true;
  }
  return run.report();
}

}  // namespace clause
