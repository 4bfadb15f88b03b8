// app_data.cpp: see app_data.h.
#include "app_data.h"

#include "app.h"
#include "catalog.h"
#include "exercise_panel.h"
#include "labs.h"
#include "platform.h"

namespace web {

void app_data_arrived(App& app, const std::string& catalog, const std::string& exercises,
                      const std::string& labs) {
    // Views copy the instance type they show (a node keeps its own), so replacing the
    // landing rows leaves nothing pointing into the old catalog.
    core::Result<core::Catalog> full = core::load_catalog(catalog);
    if (full) {
        app.catalog = std::move(full).value();
    } else {
        app.error = "The instance catalog could not be loaded: " + full.error().message;
    }
    // The labs run on the full catalog (their campuses use many room sizes).
    core::Result<core::Labs> loaded = core::load_labs(labs, app.catalog, &app.lessons);
    if (loaded) {
        app.labs = std::move(loaded).value();
    } else {
        app.error = "The incident labs could not be loaded: " + loaded.error().message;
    }
    app.data_arrived = true;
    const std::string notice =
        exercises_init(app.exercises, app.lessons, exercises, core::lab_ids(app.labs));
    if (!notice.empty()) app.error = notice;
    if (app.step >= 0 && app.step < static_cast<int>(app.lessons.steps.size()))
        exercises_step_seen(app.exercises, app.lessons.steps[static_cast<size_t>(app.step)].id);
    // A step's model made from the landing rows is made again from the full catalog.
    app.model_step = -1;
    if (!app.pending_lab.empty()) {
        const std::string id = std::move(app.pending_lab);
        app.pending_lab.clear();
        if (!app_open_lab(app, id)) {
            std::string known;
            for (const std::string& k : core::lab_ids(app.labs))
                known += (known.empty() ? "" : ", ") + k;
            app.error = "There is no lab called '" + id + "' (the labs: " + known +
                        "); nothing was changed.";
        }
    }
    platform::request_frame();
}

}  // namespace web
