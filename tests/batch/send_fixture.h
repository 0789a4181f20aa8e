// The nights every e-mail test sends (issue 13): `clause demo` (the samples, nights 2026-11-01 to
// 2026-12-01, its outbox) run ONCE per test executable into a prepared workspace; each test copies
// its database with the delivery ledger emptied (the documents' files stay where the ledger says,
// read only) and sends from its own copy, so a test costs its sends, not the nights.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>

#include <gtest/gtest.h>
#include <unistd.h>

#include "tests/batch/cli_harness.h"
#include "tests/batch/smtp_test_server.h"

namespace clause::testing {

// The prepared nights, made on first use; the demo's outbox is under its out/outbox. One per test
// process: ctest runs each test in its own process, two at a time, and a workspace shared by name
// would be wiped by one while the other reads it.
inline const Workspace& prepared_night() {
  static const Workspace* ws = [] {
    auto* w = new Workspace("send-prepared-night-" + std::to_string(::getpid()));
    const auto config = mail_config(w->root(), "mode = \"off\"\n");
    auto demo = w->clause("--config " + config.string() + " demo");
    if (demo.exit_code != 0) ADD_FAILURE() << demo.output;
    return w;
  }();
  return *ws;
}

// A workspace holding a copy of the prepared night's database.
inline Workspace night_copy(const std::string& name) {
  const Workspace& night = prepared_night();
  Workspace ws(name);
  std::filesystem::copy_file(night.root() / "clause.db", ws.root() / "clause.db");
  ws.sql("delete from delivery_documents; delete from deliveries;");
  return ws;
}

// `clause --config FILE ARGS` on `ws`.
inline CommandResult clause_with(const Workspace& ws, const std::filesystem::path& config, const std::string& args) {
  return ws.clause("--config " + config.string() + " " + args);
}

// account id -> its documents' file SHA-256s, from the ledger: those issued on `night`, or all.
inline std::map<std::string, std::set<std::string>> files_by_account(const Workspace& ws,
                                                                     const std::string& night = "") {
  std::map<std::string, std::set<std::string>> out;
  std::string rows = ws.sql(
      "select c.account_id || '|' || f.sha256 from document_files f join issued_documents d on "
      "d.id = f.document_id join contracts c on c.id = d.contract_id" +
      (night.empty() ? std::string() : " where d.issued_on = '" + night + "'"));
  std::size_t at = 0;
  while (at < rows.size()) {
    std::size_t end = rows.find('\n', at);
    std::string line = rows.substr(at, end - at);
    at = end == std::string::npos ? rows.size() : end + 1;
    if (auto bar = line.find('|'); bar != std::string::npos) out[line.substr(0, bar)].insert(line.substr(bar + 1));
  }
  return out;
}

}  // namespace clause::testing
