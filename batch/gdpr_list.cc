#include "batch/gdpr_list.h"

#include <chrono>

#include "batch/layout_cells.h"
#include "batch/output_files.h"
#include "reports/format.h"
#include "reports/xlsx/xlsx_renderer.h"
#include "rules/calendar.h"

namespace clause {
namespace {

using namespace layout_cells;

std::string kind_text(AccountKind k, Language l) {
  switch (k) {
    case AccountKind::reseller:
      return pick(l, "revendeur", "reseller");
    case AccountKind::sub_account:
      return pick(l, "sous-compte", "sub-account");
    default:
      return "client";
  }
}

std::string hold_text(const Hold& h, Language l) {
  switch (h.reason) {
    case HoldReason::active_sub_account:
      return pick(l, "sous-compte actif ", "active sub-account ") + h.because_of;
    case HoldReason::running_contract:
      return pick(l, "contrat en cours ", "running contract ") + h.because_of;
    case HoldReason::unpaid_invoice:
      return pick(l, "facture impayée", "unpaid invoice");
    case HoldReason::open_reversibility:
      return pick(l, "réversibilité ouverte ", "open reversibility ") + h.because_of;
  }
  return {};
}

// G4: where the account's reminder stands (its e-mail goes out with `clause send`).
std::string reminder_text(const std::optional<ReminderRecord>& r, Language l) {
  if (!r) return pick(l, "rappel à envoyer", "reminder to send");
  if (r->status == "sent")
    return pick(l, "rappel envoyé le ", "reminder sent on ") + format_date_text(r->sent_on.value_or(r->reminded_on), l);
  if (r->status == "failed")
    return pick(l, "rappel non envoyé (voir clause send)", "reminder not sent (see clause send)");
  if (r->status == "cancelled") return pick(l, "rappel annulé", "reminder cancelled");
  return pick(l, "rappel à envoyer depuis le ", "reminder to send since ") + format_date_text(r->reminded_on, l);
}

std::string since_of(const GdprListAccount& a) {
  return format_date(a.account->last_activity.value_or(a.account->created));
}

}  // namespace

nlohmann::json gdpr_list_data(const GdprList& list, const ProviderIdentity& provider, Language l) {
  nlohmann::json inactive = nlohmann::json::array(), kept = nlohmann::json::array(), soon = nlohmann::json::array(),
                 expired = nlohmann::json::array();
  for (const GdprListAccount& a : list.accounts) {
    const std::string id = a.account->id, client = a.account->name, since = since_of(a),
                      on = format_date(a.status.inactive_on);
    if (a.status.status == DataStatus::purge)
      inactive.push_back({{"account", id},
                          {"client", client},
                          {"kind", kind_text(a.account->kind, l)},
                          {"last_activity", since},
                          {"inactive_on", on},
                          {"rules", "G1"},
                          {"done", a.purged ? pick(l, "purgé", "purged") : pick(l, "à purger", "to purge")}});
    if (a.status.status == DataStatus::kept)
      for (const Hold& h : a.status.holds)
        kept.push_back({{"account", id},
                        {"client", client},
                        {"last_activity", since},
                        {"inactive_on", on},
                        {"rule", h.reason == HoldReason::active_sub_account ? "G2" : "G3"},
                        {"reason", hold_text(h, l)}});
    if (a.status.status == DataStatus::soon_inactive)
      soon.push_back({{"account", id},
                      {"client", client},
                      {"last_activity", since},
                      {"inactive_on", on},
                      {"reminder", reminder_text(a.reminder, l)}});
  }
  for (const GdprListDocument& d : list.expired)
    expired.push_back(
        {{"kind", d.document.kind == "invoice" ? pick(l, "facture", "invoice") : pick(l, "avoir", "credit note")},
         {"number", d.document.number},
         {"contract", d.document.contract_id},
         {"issued_on", format_date(d.document.issued_on)},
         {"retention_ends", format_date(d.kept_until)},
         {"done", d.destroyed ? pick(l, "détruite", "destroyed") : pick(l, "à détruire", "to destroy")}});
  std::string address;  // one line in the footer
  for (char c : provider.address) address += c == '\n' ? std::string{", "} : std::string(1, c);
  return {{"provider",
           {{"name", provider.name},
            {"legal_form", provider.legal_form},
            {"address", address},
            {"siren", provider.siren},
            {"email", provider.email}}},
          {"run",
           {{"date", format_date(list.date)},
            {"date_text", format_date_text(list.date, l)},
            {"applied", list.applied},
            {"run_id", list.run_id}}},
          {"counts",
           {{"inactive", std::to_string(inactive.size())},
            {"kept", std::to_string(kept.size())},
            {"soon", std::to_string(soon.size())},
            {"expired", std::to_string(expired.size())}}},
          {"has_inactive", !inactive.empty()},
          {"inactive", inactive},
          {"has_kept", !kept.empty()},
          {"kept", kept},
          {"has_soon", !soon.empty()},
          {"soon", soon},
          {"has_expired", !expired.empty()},
          {"expired", expired}};
}

GdprListFiles write_gdpr_list(const GdprList& list, const DocumentEngine& engine, const std::filesystem::path& out) {
  const Language language = engine.language_of("");
  const layout::Document doc =
      engine.templates(language).render("gdpr_list", gdpr_list_data(list, engine.provider(), language));
  GdprListFiles files;
  const auto folder = out / "gdpr";
  std::filesystem::create_directories(folder);
  const std::string stem = "gdpr-" + format_date(list.date);
  files.pdf = folder / (stem + ".pdf");
  files.workbook = folder / (stem + ".xlsx");
  pdf::PdfOptions options;
  options.created = Instant{std::chrono::sys_days{list.date}};
  write_file_atomically(files.pdf, engine.pdf().render(doc, options));
  const auto tmp = temporary_name(files.workbook);
  xlsx::render_xlsx(doc, tmp, {std::chrono::system_clock::to_time_t(options.created), engine.provider().name, {}});
  commit_file(tmp, files.workbook);
  return files;
}

}  // namespace clause
