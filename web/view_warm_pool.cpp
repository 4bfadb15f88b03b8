// view_warm_pool.cpp: the "warm-pool" view.
#include "view_warm_pool.h"

#include "app.h"

namespace web {

bool draw_warm_pool(App& /*app*/, WarmPoolView& /*view*/) { return false; }

}  // namespace web
