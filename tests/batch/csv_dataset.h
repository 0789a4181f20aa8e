// A small import directory written by a test: one CSV file per record type, with the headers of
// docs/import.md, and only the rows the test adds. Keeps each end-to-end case's data beside the
// figures it checks, apart from samples/ (whose figures other tests pin).
#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

namespace clause::testing {

class CsvDataSet {
 public:
  // Adds one row (fields already joined by commas, quoted where needed) to `file` ("incidents").
  CsvDataSet& row(const std::string& file, const std::string& fields) {
    rows_[file] += fields + "\n";
    return *this;
  }
  // Writes every file that has rows into `dir` (created), header first.
  void write(const std::filesystem::path& dir) const {
    std::filesystem::create_directories(dir);
    for (const auto& [file, rows] : rows_) std::ofstream(dir / (file + ".csv")) << header(file) << "\n" << rows;
  }

  static std::string header(const std::string& file) {
    static const std::map<std::string, std::string> headers{
        {"accounts", "id,kind,parent_id,name,address,siren,vat_number,language,last_activity,created"},
        {"contracts",
         "id,account_id,terms_profile,start,end,term_months,tacit_renewal,billing,backup_option,"
         "high_availability,gtr_hours,holiday_zone,time_zone"},
        {"services", "id,contract_id,kind,hostname,label,managed"},
        {"fee_revisions", "service_id,effective,period_price,index_value"},
        {"incidents",
         "id,contract_id,service_id,contacted,intervention_start,restored,blocking,cause,data_loss,"
         "backup_restore_minutes,summary"},
        {"interventions", "id,contract_id,service_id,incident_id,kind,start,end,quote_reference"},
        {"backups", "id,service_id,scope,kind,start,end,status,size_bytes,checksum,location,expires"},
        {"mail_usage", "contract_id,day,megabytes"},
        {"price_indices", "name,month,value,published"},
        {"prior_invoices", "number,contract_id,issued,period_from,period_to,total_ht,vat_rate,total_vat"},
        {"reversibility_requests", "id,contract_id,requested,end_of_service,takeover,completed"}};
    return headers.at(file);
  }

 private:
  std::map<std::string, std::string> rows_;
};

}  // namespace clause::testing
