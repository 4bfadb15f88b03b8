// view_rules.cpp: the "rules" view.
#include "view_rules.h"

#include "app.h"

namespace web {

bool draw_rules(App& /*app*/, RulesView& /*view*/) { return false; }

}  // namespace web
