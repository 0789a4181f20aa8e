// Loads terms profiles (config/terms/NAME.toml) into TermsProfile: every parameter of RULES.md.
// A profile is strict: unknown keys, wrong types and missing required keys are errors with the file,
// the key and the line, so that a provider's copy of a profile cannot silently fall back to defaults.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "model/terms.h"

namespace clause {

// Reads one profile; its name is the file stem. Throws ConfigError listing every problem.
TermsProfile load_terms_profile(const std::filesystem::path& file);

// Reads every *.toml of a folder, keyed by profile name. Throws ConfigError listing every problem.
std::map<std::string, TermsProfile> load_terms_folder(const std::filesystem::path& folder);

}  // namespace clause
