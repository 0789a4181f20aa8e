// Facts billing needs besides contracts: price indices (B3), mail usage (B5), payments (B9),
// invoices issued before Clause (B4) and reversibility requests (R1-R5).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/decimal.h"
#include "model/money.h"
#include "model/time.h"

namespace clause {

// One published value of an index, e.g. SYNTEC of 2026-08 = 296.1 published 2026-09-30.
struct PriceIndex {
  std::string name;  // "SYNTEC"
  YearMonth month;
  Milli value;
  Date published{};
  friend bool operator==(const PriceIndex&, const PriceIndex&) = default;
};

// Daily mail storage of a contract, in decimal megabytes (1 GB = 1000 MB).
struct MailUsageSample {
  std::string contract_id;
  Date day{};
  std::int64_t megabytes = 0;
  friend bool operator==(const MailUsageSample&, const MailUsageSample&) = default;
};

// A payment received against an issued invoice (by its number).
struct Payment {
  std::string id;
  std::string invoice_number;
  Date paid{};
  Money amount;
  friend bool operator==(const Payment&, const Payment&) = default;
};

// An invoice issued before Clause, in the provider's former numbering series, with one VAT rate.
// Imported so that the service credits of a period it billed become a credit note that cites it
// (B4) and credits no more than it bears (B6), instead of waiting for an invoice that never comes.
struct PriorInvoice {
  std::string number;  // "F2026-0981"; never a Clause number (FA-/AV-YYYY-NNNNNN)
  std::string contract_id;
  Date issued{};
  Date period_from{};  // the days it billed in advance, both included
  Date period_to{};
  Money total_ht;
  Milli vat_rate;  // percent: 20 -> 20000 thousandths
  Money total_vat;
  friend bool operator==(const PriorInvoice&, const PriorInvoice&) = default;
};

// A client's request for reversibility (K Art. 16).
struct ReversibilityRequest {
  std::string id;
  std::string contract_id;
  Date requested{};  // R1: compared with end_of_service - 3 months
  Date end_of_service{};
  std::optional<Date> takeover;   // notified take-over date (R4)
  std::optional<Date> completed;  // minutes signed (R5)
  friend bool operator==(const ReversibilityRequest&, const ReversibilityRequest&) = default;
};

}  // namespace clause
