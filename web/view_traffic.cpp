// view_traffic.cpp: the "traffic" view.
#include "view_traffic.h"

#include "app.h"

namespace web {

bool draw_traffic(App& /*app*/, TrafficView& /*view*/) { return false; }

}  // namespace web
