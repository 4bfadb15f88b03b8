// app_data.h: the data the web build fetches after the first frame (docs/size.md).
//
// The instance catalog (1,391 types), the exercises and the labs are not in the first download:
// campus.wasm embeds only the catalog rows the landing step draws, and the loader fetches
// catalog.json and exercises.json (compressed, named by their content) when the learner
// acts, for a deep link or an embed after the first frame, and for a returning learner,
// whose saved progress names exercises. Until they arrive, later steps show their text and
// wait (platform::rest_state); nothing saves progress before it has been read.
#pragma once

#include <string>

namespace web {

struct App;

// Takes the fetched catalog, exercises and labs: the full catalog replaces the landing rows,
// the labs are read against it (a #lab= link waiting for them opens), the exercises and the
// saved progress are read, and the current step counts as seen.
void app_data_arrived(App& app, const std::string& catalog, const std::string& exercises,
                      const std::string& labs);

}  // namespace web
