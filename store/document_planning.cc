#include "store/document_planning.h"

#include <unistd.h>

namespace clause {
namespace {

DocumentPlanning* active = nullptr;

}  // namespace

DocumentPlanning* active_document_planning() { return active; }

DocumentPlanning::DocumentPlanning(Database& db) : db_(db) {
  db_.session().begin();
  active = this;
}

DocumentPlanning::~DocumentPlanning() {
  active = nullptr;
  try {
    db_.session().rollback();
  } catch (...) {
    // the connection is gone: the server rolled back
  }
}

std::string DocumentPlanning::placeholder_number(DocumentKind kind, int year) {
  // "FA-2026-P" sorts after "FA-2026-999999": outside every range a real sequence is read in.
  return format_document_number(kind, year, 0).substr(0, 8) + "P" + std::to_string(::getpid()) + "-" +
         std::to_string(++placeholders_);
}

void DocumentPlanning::note(const IssuedDocument& document) {
  planned_.push_back({document.kind, int(document.issued_on.year()), document.contract_id, document.period});
}

}  // namespace clause
