// Two settings of issue 12 read where they are used, from the files the loaders have already
// checked (settings/terms_loader.cc, settings/config.cc validate them at start-up), so that adding
// them did not change model/terms.h or settings/config.h, which most of the code includes:
//   - the article of each cure period of a terms profile ([term] breach_cure = [{ days, count,
//     article }], RULES N3: K Art. 9 and 15, D Art. 7);
//   - [nightly] corrections_months of the configuration (how many months before the night's are
//     watched for late changes, batch/correction_months.h).
#pragma once

#include <filesystem>
#include <vector>

#include "settings/config.h"

namespace clause {

// The article of each breach_cure row of the profile file, in its order (0 where none is given).
// Throws ConfigError when the file cannot be parsed (the profile loader has refused it already).
std::vector<int> load_breach_cure_articles(const std::filesystem::path& profile_file);

// [nightly] corrections_months of `config.file` (12 when absent).
int load_corrections_months(const Config& config);

}  // namespace clause
