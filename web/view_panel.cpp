// view_panel.cpp: the "panel" view.
#include "view_panel.h"

#include "app.h"

namespace web {

bool draw_panel(App& /*app*/, PanelView& /*view*/) { return false; }

}  // namespace web
