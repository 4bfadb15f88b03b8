// view_comparison.cpp: the "cni-comparison" view.
#include "view_comparison.h"

#include "app.h"

namespace web {

bool draw_comparison(App& /*app*/, ComparisonView& /*view*/) { return false; }

}  // namespace web
