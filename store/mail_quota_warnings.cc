#include "store/mail_quota_warnings.h"

#include <soci/soci.h>

#include "store/table_rows.h"

namespace clause {

bool queue_mail_quota_warning(Database& db, const MailQuotaWarning& w) {
  const std::string day = format_date(w.exceeded_on), night = format_date(w.night);
  long long megabytes = w.megabytes, quota = w.quota_gb, grace = w.grace_days, step = w.step_gb,
            step_cents = w.step_price.cents;
  soci::statement st =
      (db.session().prepare << db.query("mail_quota_warnings.insert"), soci::use(w.contract_id, "contract"),
       soci::use(day, "exceeded_on"), soci::use(megabytes, "megabytes"), soci::use(quota, "quota_gb"),
       soci::use(grace, "grace_days"), soci::use(step, "step_gb"), soci::use(step_cents, "step_cents"),
       soci::use(night, "night"), soci::use(w.message_id, "message_id"));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

std::vector<MailQuotaWarning> load_mail_quota_warnings(Database& db) {
  std::vector<MailQuotaWarning> out;
  for (const auto& c : select_cells(db, db.query("mail_quota_warnings.all"), 13)) {
    MailQuotaWarning w;
    w.contract_id = c[0].value_or("");
    w.account_id = c[1].value_or("");
    const auto day = parse_date(c[2].value_or("")), night = parse_date(c[5].value_or(""));
    const auto status = from_word<DeliveryStatus>(c[7].value_or(""));
    if (!day || !night || !status)
      throw std::runtime_error("mail_quota_warnings: stored row of contract " + w.contract_id + " is not valid");
    w.exceeded_on = *day;
    w.megabytes = std::stoll(c[3].value_or("0"));
    w.quota_gb = std::stoi(c[4].value_or("0"));
    w.night = *night;
    w.message_id = c[6].value_or("");
    w.status = *status;
    w.attempts = std::stoi(c[8].value_or("0"));
    w.reply = c[9].value_or("");
    w.grace_days = std::stoi(c[10].value_or("0"));
    w.step_gb = std::stoi(c[11].value_or("0"));
    w.step_price = Money::from_cents(std::stoll(c[12].value_or("0")));
    out.push_back(std::move(w));
  }
  return out;
}

void record_mail_quota_warning_outcome(Database& db, const MailQuotaWarning& w) {
  const std::string status{to_word(w.status)}, day = format_date(w.exceeded_on);
  long long attempts = w.attempts;
  db.session() << db.query("mail_quota_warnings.update_outcome"), soci::use(status, "status"),
      soci::use(attempts, "attempts"), soci::use(w.reply, "reply"), soci::use(w.contract_id, "contract"),
      soci::use(day, "exceeded_on");
}

}  // namespace clause
