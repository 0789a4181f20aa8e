// The data of the invoice and credit-note templates (templates/<lang>/invoice.schema.json and
// credit_note.schema.json, which hold the same keys): the InvoiceDocument's fields in machine form
// for typed cells, plus the *_text forms (reports/format.h) the sentences need.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "reports/format.h"
#include "reports/invoice/invoice_document.h"

namespace clause {

// The template kind of a document: "invoice" or "credit_note".
std::string template_kind(InvoiceKind kind);

// The template data of `document` in `lang`. Copies only: amounts from document.totals,
// the amount due from amount_due().
nlohmann::json invoice_data(const InvoiceDocument& document, Language lang);

}  // namespace clause
