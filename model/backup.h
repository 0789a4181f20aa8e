// Backups taken of a server (K1, K2) and kept as restore points; listed in reversibility (R3).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/enum_text.h"
#include "model/time.h"

namespace clause {

enum class BackupScope { system, files, databases, full };
template <>
struct EnumWords<BackupScope> {
  static constexpr std::array words{std::pair{BackupScope::system, std::string_view{"system"}},
                                    std::pair{BackupScope::files, std::string_view{"files"}},
                                    std::pair{BackupScope::databases, std::string_view{"databases"}},
                                    std::pair{BackupScope::full, std::string_view{"full"}}};
};

enum class BackupKind { full, incremental, weekly };
template <>
struct EnumWords<BackupKind> {
  static constexpr std::array words{std::pair{BackupKind::full, std::string_view{"full"}},
                                    std::pair{BackupKind::incremental, std::string_view{"incremental"}},
                                    std::pair{BackupKind::weekly, std::string_view{"weekly"}}};
};

enum class BackupStatus { success, partial, failed };
template <>
struct EnumWords<BackupStatus> {
  static constexpr std::array words{std::pair{BackupStatus::success, std::string_view{"success"}},
                                    std::pair{BackupStatus::partial, std::string_view{"partial"}},
                                    std::pair{BackupStatus::failed, std::string_view{"failed"}}};
};

struct Backup {
  std::string id;
  std::string service_id;
  BackupScope scope = BackupScope::full;
  BackupKind kind = BackupKind::full;
  Instant start{};
  std::optional<Instant> end;
  BackupStatus status = BackupStatus::success;
  std::int64_t size_bytes = 0;
  std::string checksum;  // "sha256:..." as reported by the backup tool
  std::string location;  // e.g. "offsite:gra3"; off-site when it starts "offsite"
  std::optional<Date> expires;
  friend bool operator==(const Backup&, const Backup&) = default;
};

}  // namespace clause
