// Runs the real `clause` binary on a private SQLite file and output folder, as cron would.
#pragma once

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/store/test_database.h"
#include "tests/support/shell.h"

namespace clause::testing {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

inline CommandResult run_command(const std::string& command) {
  CommandResult r;
  r.output = run(command, &r.exit_code);
  return r;
}

inline std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

// A workspace: its own database and output folder under the build tree, emptied at start.
class Workspace {
 public:
  explicit Workspace(const std::string& name)
      : root_(std::filesystem::path(CLAUSE_BINARY_DIR) / "test-workspaces" / name) {
    std::filesystem::remove_all(root_);
    std::filesystem::create_directories(root_);
  }
  std::filesystem::path root() const { return root_; }
  std::filesystem::path out() const { return root_ / "out"; }
  std::string db_url() const { return "sqlite:" + (root_ / "clause.db").string(); }

  // `clause --db <this workspace> ARGS`, from the source tree (config/clause.toml).
  CommandResult clause(const std::string& args) const {
    return run_command("cd " + std::string(CLAUSE_SOURCE_DIR) + " && " + std::string(CLAUSE_BINARY_DIR) +
                       "/batch/clause --db " + db_url() + " " + args);
  }
  // `clause` with --out pointing into the workspace.
  CommandResult statements(const std::string& month, const std::string& extra = "") const {
    return clause("statements --month " + month + " --out " + out().string() + " " + extra);
  }
  // Rows of an SQL query on the workspace's database (sqlite3), "|"-separated, one per line.
  std::string sql(const std::string& query) const {
    return run_command("sqlite3 " + (root_ / "clause.db").string() + " \"" + query + "\"").output;
  }
  // The file of the issued document matching an SQL condition ("number = 'FA-2026-000001'"), or "".
  std::string document_path(const std::string& where) const {
    std::string p = sql("select path from issued_documents where " + where);
    return p.empty() ? p : p.substr(0, p.find('\n'));
  }
  nlohmann::json manifest(const std::string& month) const {
    return nlohmann::json::parse(read_text(out() / month / "manifest.json"));
  }

 private:
  std::filesystem::path root_;
};

// A database of its own on the PostgreSQL server of CLAUSE_TEST_PG (tests/store/test_database.h),
// created empty for one test and dropped after it, and `clause` run against it.
class PostgresWorkspace {
 public:
  explicit PostgresWorkspace(const std::string& name) : name_(name) {
    psql_on("postgres", "DROP DATABASE IF EXISTS " + name_);
    created_ = psql_on("postgres", "CREATE DATABASE " + name_).empty();
  }
  ~PostgresWorkspace() { psql_on("postgres", "DROP DATABASE IF EXISTS " + name_); }
  bool created() const { return created_; }
  std::string url() const { return with_database(pg_server(), name_); }
  // Rows of a query on this database (psql -qAt), one per line.
  std::string psql(const std::string& query) const { return psql_on(name_, query); }
  // `clause --db <this database> ARGS`, from the source tree.
  std::string clause_command(const std::string& args) const {
    return "cd " + std::string(CLAUSE_SOURCE_DIR) + " && " + std::string(CLAUSE_BINARY_DIR) + "/batch/clause --db '" +
           url() + "' " + args;
  }
  CommandResult clause(const std::string& args) const { return run_command(clause_command(args)); }

 private:
  static std::string psql_on(const std::string& db, const std::string& query) {
    return run_command("psql \"" + with_database(pg_server(), db) + "\" -qAt -c \"" + query + "\"").output;
  }
  std::string name_;
  bool created_ = false;
};

// The text of a PDF as pdftotext reads it (layout kept).
inline std::string pdf_text(const std::filesystem::path& pdf) {
  return run_command("pdftotext -layout '" + pdf.string() + "' -").output;
}

// pdftotext with blank runs collapsed, so that a phrase split by the layout reads whole.
inline std::string collapsed_pdf_text(const std::filesystem::path& pdf) {
  std::string raw = pdf_text(pdf), out;
  for (char c : raw) {
    const bool blank = c == ' ' || c == '\n';
    if (blank && !out.empty() && out.back() == ' ') continue;
    out += blank ? ' ' : c;
  }
  return out;
}

// The factur-x.xml embedded in `pdf`, saved as `xml`, through ../shared/validation/validate-cii.sh.
inline CommandResult validate_embedded_cii(const std::filesystem::path& pdf, const std::filesystem::path& xml) {
  auto saved = run_command("pdfdetach -save 1 -o '" + xml.string() + "' '" + pdf.string() + "'");
  if (saved.exit_code != 0) return saved;
  return run_command(std::string(CLAUSE_SOURCE_DIR) + "/../shared/validation/validate-cii.sh '" + xml.string() + "'");
}

}  // namespace clause::testing
