// timeline eval: placeholder until its issue fills it in.
#include <iostream>

#include "cli/cli.hpp"

namespace timeline::cli {

int cmd_eval(int, char**) {
  std::cerr << "timeline eval: not built yet\n";
  return kExitUsage;
}

}  // namespace timeline::cli
