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
    const std::string notice = exercises_init(app.exercises, app.lessons, exercises);
    if (!notice.empty()) app.error = notice;
    if (app.step >= 0 && app.step < static_cast<int>(app.lessons.steps.size()))
        exercises_step_seen(app.exercises, app.lessons.steps[static_cast<size_t>(app.step)].id);
    // A step's model made from the landing rows is made again from the full catalog.
    app.model_step = -1;
    platform::request_frame();
}

}  // namespace web
