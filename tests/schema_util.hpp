// Validating outputs against the JSON Schemas in schemas/ with a real validator (Python's
// jsonschema, installed by .ci/install-deps), so that a schema and the code cannot drift apart.
#pragma once

#include <cstdio>
#include <string>

#include "test_util.hpp"

namespace timeline::test {

// Validates each file (.json, or .jsonl line by line) against schemas/<schema>. Returns "" when
// valid, otherwise the validator's report.
inline std::string schema_violations(const std::string& schema, const std::string& files) {
  const std::string cmd = "/usr/bin/python3 " + source_dir() + "/tests/validate_schema.py " +
                          source_dir() + "/schemas/" + schema + " " + files + " 2>&1";
  std::string out;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return "cannot run the schema validator";
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int rc = ::pclose(p);
  if (rc != 0 && out.empty()) out = "schema validator failed with status " + std::to_string(rc);
  return rc == 0 ? std::string() : out;
}

}  // namespace timeline::test
