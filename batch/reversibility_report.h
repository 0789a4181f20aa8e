// The data of a reversibility dossier's report and minutes (issue 15, RULES R1-R5), exactly the
// keys of templates/<lang>/reversibility.schema.json (both kinds receive it): the schedule with its
// worded rule traces, the state of the services (each issued statement's figures computed as the
// statement computes them, its credits as the ledger recorded them), the documents, the data per
// server, what is destroyed and what is kept (G6). Built from one contract's records only.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "batch/prepared_contract.h"
#include "model/provider.h"
#include "reports/trace_text.h"
#include "rules/reversibility.h"
#include "store/reversibility_milestones.h"

namespace clause {

// One file of an issued document, checked against the ledger, and where its copy goes.
struct DossierFile {
  ContractDocumentFile file;
  std::string copy;  // path inside the dossier ("documents/factures/FA-...pdf"), "" if none
};

struct ReversibilityReportInput {
  const ProviderIdentity& provider;
  const ContractRecords& records;
  const TermsProfile& terms;
  const ContractClock& clock;
  const TraceWording& wording;
  Language language = Language::fr;
  const ContractPreparer& preparer;       // prepares each statement's month as the statements job does
  const ReversibilityRequest& request;    // the latest request
  const ReversibilitySchedule& schedule;  // R1-R4 of that request
  const DossierContents& contents;        // R3, R5
  const std::vector<DossierFile>& files;
  Date date{};                    // the dossier's date
  std::optional<Date> pv_signed;  // R5
  std::optional<Date> destroyed;  // R5
};

// The report's data.
nlohmann::json reversibility_report_data(const ReversibilityReportInput& input);

// The dossier's folder of a document kind: "releves", "factures", "avoirs".
const char* dossier_kind_folder(DocumentKind kind);

}  // namespace clause
