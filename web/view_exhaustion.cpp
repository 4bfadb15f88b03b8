// view_exhaustion.cpp: the "subnet-exhaustion" view.
#include "view_exhaustion.h"

#include "app.h"

namespace web {

bool draw_exhaustion(App& /*app*/, ExhaustionView& /*view*/) { return false; }

}  // namespace web
