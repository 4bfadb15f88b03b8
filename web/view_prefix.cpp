// view_prefix.cpp: the "prefix-delegation" view.
#include "view_prefix.h"

#include "app.h"

namespace web {

bool draw_prefix(App& /*app*/, PrefixView& /*view*/) { return false; }

}  // namespace web
