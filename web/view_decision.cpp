// view_decision.cpp: the "decision-guide" view.
#include "view_decision.h"

#include "app.h"

namespace web {

bool draw_decision(App& /*app*/, DecisionView& /*view*/) { return false; }

}  // namespace web
