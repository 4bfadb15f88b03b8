// view_security_groups.cpp: the "security-groups" view.
#include "view_security_groups.h"

#include "app.h"

namespace web {

bool draw_security_groups(App& /*app*/, SecurityGroupsView& /*view*/) { return false; }

}  // namespace web
