# CTest entries: name and Catch2 tag expression. A test case belongs to one group through its tag.
set(TIMELINE_TEST_GROUPS
  "io|[io]"
  "text|[text]"
  "temporal|[temporal]"
  "rules|[rules]"
  "tempeval|[tempeval]"
  "eval|[eval]"
  "events|[events]"
  "render|[render]"
  "compare|[compare]"
  "cli|[cli]"
  "robust|[robust]"
  "browser|[browser]"
)
foreach(group ${TIMELINE_TEST_GROUPS})
  string(REPLACE "|" ";" parts "${group}")
  list(GET parts 0 name)
  list(GET parts 1 tags)
  add_test(NAME ${name} COMMAND timeline_tests "${tags}")
  set_tests_properties(${name} PROPERTIES SKIP_RETURN_CODE 4)
endforeach()
