// The single run's per-contract processing, one contract at a time, for the workers of issue 16
// (batch/worker.h): the same StatementsRun and InvoicesRun as `clause statements` and `clause
// invoices` (defined in statements_job.cc and invoices_job.cc), so that a contract processed by a
// worker gives the documents, bytes and numbers of a single run. Also the two ends of a run a
// coordinator keeps: the contracts in the single run's order, and what the run writes once
// (manifest, billing journal) from everything its items collected.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "batch/billing_output.h"
#include "batch/document_engine.h"
#include "batch/invoices_job.h"
#include "batch/run_context.h"
#include "batch/statements_job.h"

namespace clause {

// One statements run's contracts, processed one by one in any process; `run_id` and `now` are the
// coordinator's run's (the ledger records the documents under it; `now` dates a corrective).
class StatementsItems {
 public:
  StatementsItems(RunContext& context, const DocumentEngine& engine, const StatementsRequest& request, long long run_id,
                  Instant now);
  ~StatementsItems();
  // What run_statements does for `contract_id`, adding to `outcome` and `documents` (manifest).
  void process(const std::string& contract_id, StatementsOutcome& outcome, nlohmann::ordered_json& documents);
  // Contracts left out quietly so far (no statement due, N4, R4).
  int left_out() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The contracts of a statements run, in its order.
std::vector<std::string> statements_contracts(RunContext& context, const StatementsRequest& request);
// The start of a statements run (single or coordinated): its run record with the parameters an
// operator typed, the runs found interrupted, the output folder's recovery.
void start_statements_run(Database& db, const StatementsRequest& request, Instant now, StatementsOutcome& outcome);
// The end of a statements run: its manifest from what the items collected, the run finished.
void finish_statements_run(RunContext& context, const StatementsRequest& request, StatementsOutcome& outcome,
                           const nlohmann::ordered_json& documents, int contracts, int left_out, Instant now);

class InvoicesItems {
 public:
  InvoicesItems(RunContext& context, const DocumentEngine& engine, const InvoicesRequest& request, long long run_id);
  ~InvoicesItems();
  // What run_invoices does for `contract_id` (a contract's failure is listed in outcome.skipped).
  void process(const std::string& contract_id, InvoicesOutcome& outcome, nlohmann::ordered_json& documents);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The contracts of an invoices run, in its order.
std::vector<std::string> invoices_contracts(RunContext& context, const InvoicesRequest& request);
// The start of an invoices run (single or coordinated), as start_statements_run.
void start_invoices_run(Database& db, const InvoicesRequest& request, Instant now, InvoicesOutcome& outcome);
// The end of an invoices run: its manifest from what the items collected (the journal, written
// before, in outcome.journal), the run finished.
void finish_invoices_run(RunContext& context, const BillingOutput& output, const InvoicesRequest& request,
                         InvoicesOutcome& outcome, const nlohmann::ordered_json& documents, int contracts, Instant now);

}  // namespace clause
