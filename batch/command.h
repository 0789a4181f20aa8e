// A subcommand of `clause`: it registers its options on the CLI11 app and, when chosen, runs with
// the process's RunContext and returns an ExitCode. One file per command under batch/commands/.
#pragma once

#include <functional>
#include <memory>

#include <CLI/CLI.hpp>

#include "batch/invoices_job.h"
#include "batch/run_context.h"
#include "batch/send_job.h"
#include "batch/statements_job.h"

namespace clause {

using CommandAction = std::function<int(RunContext&)>;

// Each add_*_command registers a subcommand on `app` and returns where its action will be stored.
void add_init_command(CLI::App& app, CommandAction& action);
void add_import_command(CLI::App& app, CommandAction& action);
void add_check_command(CLI::App& app, CommandAction& action);
void add_generate_command(CLI::App& app, CommandAction& action);
void add_statements_command(CLI::App& app, CommandAction& action);
void add_invoices_command(CLI::App& app, CommandAction& action);
void add_explain_command(CLI::App& app, CommandAction& action);
void add_demo_command(CLI::App& app, CommandAction& action, GlobalOptions& options);
void add_nightly_command(CLI::App& app, CommandAction& action, GlobalOptions& options);
void add_schedule_command(CLI::App& app, CommandAction& action);
void add_reversibility_command(CLI::App& app, CommandAction& action);  // issue 15
void add_gdpr_command(CLI::App& app, CommandAction& action);           // issue 14
void add_worker_command(CLI::App& app, CommandAction& action);         // issue 16

// Runs the statements job and logs its outcome (kept in `kept` when given); the exit code.
int run_statements_command(RunContext& context, const DocumentEngine& engine, const StatementsRequest& request,
                           StatementsOutcome* kept = nullptr);
// Runs the invoices job (credit notes, invoices, journal) and logs its outcome (kept in `kept`
// when given); the exit code.
int run_invoices_command(RunContext& context, const DocumentEngine& engine, const InvoicesRequest& request,
                         InvoicesOutcome* kept = nullptr);
// The one-line account of a job's outcome, as logged and in the nightly report.
std::string statements_summary(const StatementsRequest& request, const StatementsOutcome& outcome);
std::string invoices_summary(const InvoicesRequest& request, const InvoicesOutcome& outcome);
// Issue 13: `clause send` (batch/commands/send_command.cc).
void add_send_command(CLI::App& app, CommandAction& action);
// Issue 13: runs the delivery of `request` (batch/send_job.h) as a `send` run; the exit code.
int run_send_command(RunContext& context, const SendRequest& request, Instant now);

}  // namespace clause
