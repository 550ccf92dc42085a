// timeline compare: placeholder until its issue fills it in.
#include <iostream>

#include "cli/cli.hpp"

namespace timeline::cli {

int cmd_compare(int, char**) {
  std::cerr << "timeline compare: not built yet\n";
  return kExitUsage;
}

}  // namespace timeline::cli
