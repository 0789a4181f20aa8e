// Everything a run needs to render documents, loaded once per run (never per document): the
// template sets and trace wordings of each language, and the PDF renderer with its fonts.
// Loading validates every template, so a broken one stops the run before anything is issued.
#pragma once

#include <map>
#include <string>

#include "reports/format.h"
#include "reports/invoice/billing_wording.h"
#include "reports/pdf/pdf_renderer.h"
#include "reports/templates/template_set.h"
#include "reports/trace_text.h"
#include "settings/config.h"

namespace clause {

class DocumentEngine {
 public:
  explicit DocumentEngine(const Config& config);

  // The language of an account's documents ("fr" or "en"); anything else falls back to the default.
  Language language_of(const std::string& account_language) const;
  const templates::TemplateSet& templates(Language language) const;
  const TraceWording& wording(Language language) const;
  // The billing documents' wording of `language` (templates/<lang>/billing.json).
  const BillingWording& billing_wording(Language language) const;
  // The language of documents for the provider itself (the billing journal): [documents] default_language.
  Language default_language() const { return default_language_; }
  const pdf::PdfRenderer& pdf() const { return pdf_; }
  const ProviderIdentity& provider() const { return provider_; }
  const std::string& logo() const { return logo_; }

 private:
  ProviderIdentity provider_;
  Language default_language_;
  std::string logo_;
  std::map<Language, templates::TemplateSet> templates_;
  std::map<Language, TraceWording> wordings_;
  std::map<Language, BillingWording> billing_wordings_;
  pdf::PdfRenderer pdf_;
};

}  // namespace clause
