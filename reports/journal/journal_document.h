// The billing journal as a typed document (the accountant's view of an invoices run, RULES B4, B9):
// every invoice and credit note issued on the date, credit notes negative so that the totals are
// the net sales; the invoices overdue on the date with their consequences (K Art. 8.3, D Art. 8);
// the months of credits that wait for a credit note (B4). build_journal() signs and sums once, in
// integer cents; journal_layout() only words it (templates/<lang>/billing.json) as the workbook's
// layout, one sheet per part. The job (batch/billing_journal) loads, builds, renders, writes.
#pragma once

#include <string>
#include <vector>

#include "model/money.h"
#include "model/time.h"
#include "reports/invoice/billing_wording.h"
#include "reports/layout/layout.h"
#include "rules/unpaid.h"

namespace clause {

// What an invoice bills, for its reference (the ledger key's kind), or a credit note.
enum class JournalKind { periodic_invoice, final_invoice, continuity_invoice, credit_note };

// One issued document of the date, its amounts as issued (positive).
struct JournalEntry {
  std::string number;  // "FA-2026-000001"
  Date issued_on{};
  std::string client;  // the account's name
  std::string contract_id;
  JournalKind kind = JournalKind::periodic_invoice;
  std::string period;    // the billed period's first day, month ("2026-11"), as keyed
  std::string corrects;  // credit notes: the invoice corrected (BT-25)
  Money ht, vat, ttc;
  friend bool operator==(const JournalEntry&, const JournalEntry&) = default;
};

// An invoice overdue on the date (B9), what is left to pay and what follows.
struct UnpaidEntry {
  std::string number;
  std::string client, contract_id;
  Date issued{}, due{};
  Money remaining;  // TTC less deductions (B4) less payments by the date
  UnpaidConsequences consequences;
  friend bool operator==(const UnpaidEntry&, const UnpaidEntry&) = default;
};

// A month of credits with no credit note yet (B4), and why.
struct WaitingEntry {
  std::string contract_id, client;
  YearMonth month{};
  Money amount;  // HT
  std::string reason;
  friend bool operator==(const WaitingEntry&, const WaitingEntry&) = default;
};

struct JournalInputs {
  Date date{};
  std::string provider;              // the workbook's author
  std::vector<JournalEntry> issued;  // invoices then credit notes, as issued
  std::vector<UnpaidEntry> unpaid;
  std::vector<WaitingEntry> waiting;
};

struct JournalDocument {
  Date date{};
  std::string provider;
  std::vector<JournalEntry> entries;  // credit notes with negative amounts (net sales)
  Money total_ht, total_vat, total_ttc;
  std::vector<UnpaidEntry> unpaid;
  Money unpaid_total;
  std::vector<WaitingEntry> waiting;  // its sheet only when some wait
  Money waiting_total;
};

// B4, B9: the journal of `inputs.date`: credit notes negated, every column summed once.
JournalDocument build_journal(const JournalInputs& inputs);

// The workbook's layout of `journal`, worded by `wording`: "Journal", "Impayés" and, only when
// some wait, "Avoirs en attente".
layout::Document journal_layout(const JournalDocument& journal, const BillingWording& wording);

}  // namespace clause
