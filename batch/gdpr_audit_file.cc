#include "batch/gdpr_audit_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "model/whole_file.h"

namespace clause {
namespace {

nlohmann::ordered_json to_json(const GdprAuditEntry& entry) {
  if (const auto* p = std::get_if<PurgeRecord>(&entry))
    return {{"kind", "purge"},
            {"id", p->id},
            {"run", p->run_id},
            {"account", p->account_id},
            {"purged_on", format_date(p->purged_on)},
            {"last_activity", format_date(p->last_activity)},
            {"rules", p->rules},
            {"people_erased", p->people_erased},
            {"texts_scrubbed", p->texts_scrubbed},
            {"files_removed", p->files_removed},
            {"reminders_removed", p->reminders_removed},
            {"people", p->person_ids}};
  const auto& d = std::get<DestroyedDocument>(entry);
  return {{"kind", "destroyed"},
          {"document", d.document_id},
          {"document_kind", d.kind},
          {"number", d.number},
          {"issued_on", format_date(d.issued_on)},
          {"destroyed_on", format_date(d.destroyed_on)},
          {"run", d.run_id}};
}

Date date_field(const nlohmann::json& j, const char* key) {
  auto d = parse_date(j.at(key).get<std::string>());
  if (!d) throw std::runtime_error(std::string{key} + " is not a date");
  return *d;
}

GdprAuditEntry from_json(const nlohmann::json& j) {
  const std::string kind = j.at("kind").get<std::string>();
  if (kind == "purge")
    return PurgeRecord{j.at("id").get<std::string>(),
                       j.at("run").get<std::string>(),
                       j.at("account").get<std::string>(),
                       date_field(j, "purged_on"),
                       date_field(j, "last_activity"),
                       j.at("rules").get<std::string>(),
                       j.at("people_erased").get<int>(),
                       j.at("texts_scrubbed").get<int>(),
                       j.at("files_removed").get<int>(),
                       j.at("reminders_removed").get<int>(),
                       j.at("people").get<std::vector<std::string>>()};
  if (kind == "destroyed")
    return DestroyedDocument{j.at("document").get<long long>(), j.at("document_kind").get<std::string>(),
                             j.at("number").get<std::string>(), date_field(j, "issued_on"),
                             date_field(j, "destroyed_on"),     j.at("run").get<std::string>()};
  throw std::runtime_error("unknown kind \"" + kind + "\"");
}

}  // namespace

void append_audit_entry(const std::filesystem::path& file, const GdprAuditEntry& entry) {
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
  const std::string line = to_json(entry).dump() + "\n";
  const int fd = ::open(file.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
  if (fd < 0) throw std::runtime_error(file.string() + ": cannot open the GDPR audit file: " + std::strerror(errno));
  std::size_t done = 0;
  while (done < line.size()) {
    ssize_t n = ::write(fd, line.data() + done, line.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const std::string why = std::strerror(errno);
      ::close(fd);
      throw std::runtime_error(file.string() + ": cannot write the GDPR audit file: " + why);
    }
    done += std::size_t(n);
  }
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!synced) throw std::runtime_error(file.string() + ": cannot flush the GDPR audit file to disk");
}

std::vector<GdprAuditEntry> read_audit_file(const std::filesystem::path& file) {
  std::vector<GdprAuditEntry> out;
  const auto read = read_whole_file(file);
  if (!read) return out;
  const std::string& text = *read;
  std::size_t start = 0, line = 0;
  while (start < text.size()) {
    ++line;
    const std::size_t end = text.find('\n', start);
    if (end == std::string::npos) break;  // no newline: a write a crash cut short, never fsync'ed whole
    const std::string one = text.substr(start, end - start);
    start = end + 1;
    if (one.empty()) continue;
    try {
      out.push_back(from_json(nlohmann::json::parse(one)));
    } catch (const std::exception& e) {
      throw std::runtime_error(file.string() + ":" + std::to_string(line) + ": " + e.what());
    }
  }
  return out;
}

}  // namespace clause
