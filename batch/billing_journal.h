// The accountant's view of an invoices run: one workbook per run date,
// out/invoices/YYYY/journal-YYYY-MM-DD.xlsx, with two sheets. "Journal": every invoice and credit
// note of the ledger issued on that date (issued by this run or found from an earlier one, so a
// rerun writes the same file), credit notes negative so that the SUM totals are the net sales.
// "Impayés": the invoices overdue on that date (B9) with their consequences (K Art. 8.3, D Art. 8).
// "Avoirs en attente", only when some wait: the months of credits the run could not issue as a
// credit note (B4: nothing to cite yet, refused, a data problem), with the amount and the reason.
// This file loads; the document is built by build_journal() (reports/journal/journal_document.h)
// and worded in the provider's language ([documents] default_language, templates/<lang>/billing.json).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "batch/billing_output.h"
#include "batch/credit_notes_job.h"
#include "model/terms.h"
#include "reports/journal/journal_document.h"
#include "store/database.h"

namespace clause {

// What the journal of `date` shows, read from the ledger, contracts, accounts and payments: the
// documents issued that day, the unpaid list on that day (only `contract_id`'s rows when given)
// and the credits `waiting` tonight.
JournalInputs journal_inputs(Database& db, const std::map<std::string, TermsProfile>& profiles, Date date,
                             const std::optional<std::string>& contract_id, const std::string& provider,
                             const std::vector<WaitingCredit>& waiting = {});

// Builds the journal of journal_inputs() and writes it atomically beside the year's documents;
// returns its path (journal-YYYY-MM-DD.xlsx, or journal-YYYY-MM-DD-<contract>.xlsx for one contract).
std::filesystem::path write_billing_journal(Database& db, const std::map<std::string, TermsProfile>& profiles,
                                            const BillingOutput& output, Date date,
                                            const std::optional<std::string>& contract_id,
                                            const std::vector<WaitingCredit>& waiting = {});

}  // namespace clause
