// view_secondary.cpp: the "secondary-cidrs" view.
#include "view_secondary.h"

#include "app.h"

namespace web {

bool draw_secondary(App& /*app*/, SecondaryCidrView& /*view*/) { return false; }

}  // namespace web
