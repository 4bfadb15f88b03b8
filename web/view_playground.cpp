// view_playground.cpp: the "playground" view.
#include "view_playground.h"

#include "app.h"

namespace web {

bool draw_playground(App& /*app*/, PlaygroundView& /*view*/) { return false; }

}  // namespace web
