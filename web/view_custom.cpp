// view_custom.cpp: the "custom-networking" view.
#include "view_custom.h"

#include "app.h"

namespace web {

bool draw_custom(App& /*app*/, CustomNetworkingView& /*view*/) { return false; }

}  // namespace web
