#include "store/number_reservation.h"

#include <chrono>
#include <thread>

#include "store/table_rows.h"
#include "store/work_items.h"

namespace clause {
namespace {

NumberReservations* installed = nullptr;

// The sequence of "FA-2026-000042": 42.
long long sequence_of(const std::string& number) { return std::stoll(number.substr(number.rfind('-') + 1)); }

}  // namespace

void install_number_reservations(NumberReservations* reservations) { installed = reservations; }
NumberReservations* installed_number_reservations() { return installed; }

std::optional<std::string> NumberReservations::reserved(const std::string& kind, const std::string& contract_id,
                                                        const std::string& period) {
  auto rows = select_cells(db_, db_.query("number_reservations.find"), 1,
                           {{"kind", kind}, {"contract", contract_id}, {"period", period}});
  if (rows.empty()) return std::nullopt;
  return rows.front()[0].value_or("");
}

void NumberReservations::wait_for_turn() {
  // B7: the single run's order. Polled: the turn comes when the earlier items have planned (SQL
  // reads, no render); every ~0.25 s, whether an earlier item lost its worker.
  for (int polls = 1; !earlier_items_numbered(db_, run_id_, seq_); ++polls) {
    if (polls % 100 == 0 && earlier_item_unclaimed(db_, run_id_, seq_))
      throw TurnHandedBack{"an earlier item of run " + std::to_string(run_id_) + " has no worker: item " +
                           std::to_string(seq_) + " handed back"};
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

std::string NumberReservations::take(DocumentKind kind, int year, const std::string& contract_id,
                                     const std::string& period) {
  const std::string k{to_word(kind)};
  long long sequence = 0;
  db_.session() << db_.query("number_sequences.next"), soci::use(k, "kind"), soci::use(year, "year"),
      soci::into(sequence);
  std::string number = format_document_number(kind, year, sequence);
  db_.session() << db_.query("number_reservations.insert"), soci::use(k, "kind"), soci::use(contract_id, "contract"),
      soci::use(period, "period"), soci::use(number, "number"), soci::use(run_id_, "run");
  return number;
}

void NumberReservations::reserve(const std::vector<PlannedNumber>& plan) {
  wait_for_turn();
  soci::transaction tx(db_.session());
  for (const PlannedNumber& p : plan)
    if (!reserved(std::string{to_word(p.kind)}, p.contract_id, p.period)) take(p.kind, p.year, p.contract_id, p.period);
  mark_item_numbered(db_, run_id_, seq_);
  tx.commit();
}

std::string NumberReservations::number_for(DocumentKind kind, int year, const std::string& contract_id,
                                           const std::string& period) {
  const std::string k{to_word(kind)};
  if (auto found = reserved(k, contract_id, period)) return *found;
  wait_for_turn();
  soci::transaction tx(db_.session());
  std::string number = take(kind, year, contract_id, period);
  tx.commit();
  problems_.push_back("the " + k + " of contract " + contract_id + " for " + period + " was not planned: numbered " +
                      number + " after the numbers reserved meanwhile, not where a single run would have");
  return number;
}

bool NumberReservations::give_back(DocumentKind kind, int year, const std::string& contract_id,
                                   const std::string& period, const std::string& number) {
  const std::string k{to_word(kind)};
  soci::transaction tx(db_.session());
  long long sequence = sequence_of(number);
  soci::statement st = (db_.session().prepare << db_.query("number_sequences.give_back"), soci::use(k, "kind"),
                        soci::use(year, "year"), soci::use(sequence, "sequence"));
  st.execute(true);
  if (st.get_affected_rows() != 1) {
    tx.rollback();
    problems_.push_back("number " + number + " was reserved for the " + k + " of contract " + contract_id + " for " +
                        period +
                        ", which was not issued, and is no longer the last of its sequence: it stays "
                        "reserved (B7: a gap to explain)");
    return false;
  }
  db_.session() << db_.query("number_reservations.delete"), soci::use(k, "kind"), soci::use(contract_id, "contract"),
      soci::use(period, "period");
  tx.commit();
  return true;
}

}  // namespace clause
