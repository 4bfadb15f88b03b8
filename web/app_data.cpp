// app_data.cpp: see app_data.h.
#include "app_data.h"

#include "app.h"
#include "catalog.h"
#include "exercise_panel.h"
#include "platform.h"

namespace web {

void app_data_arrived(App& app, const std::string& catalog, const std::string& exercises) {
    // Views copy the instance type they show (a node keeps its own), so replacing the
    // landing rows leaves nothing pointing into the old catalog.
    core::Result<core::Catalog> full = core::load_catalog(catalog);
    if (full) {
        app.catalog = std::move(full).value();
    } else {
        app.error = "The instance catalog could not be loaded: " + full.error().message;
    }
    exercises_init(app, exercises);
    exercises_step_seen(app, app.step);
    platform::request_frame();
}

}  // namespace web
