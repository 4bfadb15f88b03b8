// view_overlay.cpp: the "overlay-vs-vpc" view.
#include "view_overlay.h"

#include "app.h"

namespace web {

bool draw_overlay(App& /*app*/, OverlayView& /*view*/) { return false; }

}  // namespace web
