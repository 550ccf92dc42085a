// The evaluation report as text (for people) and JSON (for scripts and CI).
#include <cstdio>

#include <timeline/eval.hpp>

namespace timeline {
namespace {

std::string pct(double x) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%6.2f", 100.0 * x);
  return buf;
}

std::string describe(const EvalIssue& i) {
  if (i.kind == "missed")
    return "missed   \"" + i.gold_text + "\" " + i.gold_type + " " + i.gold_value;
  if (i.kind == "spurious")
    return "spurious \"" + i.system_text + "\" " + i.system_type + " " + i.system_value;
  if (i.kind == "extent")
    return "extent   gold \"" + i.gold_text + "\", system \"" + i.system_text + "\"";
  if (i.kind == "value")
    return "value    \"" + i.gold_text + "\" gold " + i.gold_value + ", system " + i.system_value;
  return "type     \"" + i.gold_text + "\" gold " + i.gold_type + ", system " + i.system_type;
}

double ratio(int a, int b) { return b > 0 ? static_cast<double>(a) / b : 0.0; }

nlohmann::json figures(const EvalCounts& c) {
  EvalScores s = scores_of(c);
  nlohmann::json by_type = nlohmann::json::object();
  for (const auto& [type, t] : c.by_type)
    by_type[type] = {{"gold", t.gold},
                     {"relaxed_gold", t.relaxed_gold},
                     {"strict_gold", t.strict_gold},
                     {"value_correct", t.value_correct},
                     {"system", t.system},
                     {"relaxed_system", t.relaxed_system},
                     {"relaxed_recall", ratio(t.relaxed_gold, t.gold)},
                     {"relaxed_precision", ratio(t.relaxed_system, t.system)},
                     {"value_accuracy", ratio(t.value_correct, t.relaxed_gold)}};
  return {{"by_type", std::move(by_type)},
          {"gold", c.gold},
          {"system", c.system},
          {"strict_matches", {{"gold", c.strict_gold}, {"system", c.strict_system}}},
          {"relaxed_matches", {{"gold", c.relaxed_gold}, {"system", c.relaxed_system}}},
          {"value_correct", c.value_correct},
          {"type_correct", c.type_correct},
          {"strict", {{"p", s.strict_p}, {"r", s.strict_r}, {"f1", s.strict_f1}}},
          {"relaxed", {{"p", s.relaxed_p}, {"r", s.relaxed_r}, {"f1", s.relaxed_f1}}},
          {"value_accuracy", s.value_accuracy},
          {"type_accuracy", s.type_accuracy},
          {"value_f1", s.value_f1},
          {"type_f1", s.type_f1}};
}

}  // namespace

std::string eval_text(const EvalReport& report, bool details) {
  const EvalCounts& c = report.total;
  EvalScores s = scores_of(c);
  std::string out = "TempEval-3 timex evaluation (DCT excluded): " +
                    std::to_string(report.documents.size()) + " documents, " +
                    std::to_string(c.gold) + " gold timexes, " + std::to_string(c.system) +
                    " system timexes\n";
  out += "            P       R       F1\n";
  out += "strict   " + pct(s.strict_p) + "  " + pct(s.strict_r) + "  " + pct(s.strict_f1) + "\n";
  out += "relaxed  " + pct(s.relaxed_p) + "  " + pct(s.relaxed_r) + "  " + pct(s.relaxed_f1) + "\n";
  out += "value F1 " + pct(s.value_f1) + "   (value right in " + std::to_string(c.value_correct) +
         " of " + std::to_string(c.relaxed_gold) + " relaxed matches)\n";
  out += "type F1  " + pct(s.type_f1) + "   (type right in " + std::to_string(c.type_correct) +
         " of " + std::to_string(c.relaxed_gold) + " relaxed matches)\n\n";

  out += "by type    gold  recall  strict-R  value-acc |  sys  precision\n";
  for (const auto& [type, t] : c.by_type) {
    char line[160];
    std::snprintf(line, sizeof line, "%-9s %5d  %s    %s     %s | %4d     %s\n",
                  type.empty() ? "(none)" : type.c_str(), t.gold,
                  pct(ratio(t.relaxed_gold, t.gold)).c_str(),
                  pct(ratio(t.strict_gold, t.gold)).c_str(),
                  pct(ratio(t.value_correct, t.relaxed_gold)).c_str(), t.system,
                  pct(ratio(t.relaxed_system, t.system)).c_str());
    out += line;
  }
  out += "\n";

  std::size_t width = 8;
  for (const DocumentEval& d : report.documents) width = std::max(width, d.name.size());
  char line[256];
  std::snprintf(line, sizeof line, "%-*s %5s %5s %8s %8s %8s %8s\n", static_cast<int>(width),
                "document", "gold", "sys", "strict", "relaxed", "value", "type");
  out += line;
  for (const DocumentEval& d : report.documents) {
    EvalScores ds = scores_of(d.counts);
    std::snprintf(line, sizeof line, "%-*s %5d %5d %8s %8s %8s %8s", static_cast<int>(width),
                  d.name.c_str(), d.counts.gold, d.counts.system, pct(ds.strict_f1).c_str(),
                  pct(ds.relaxed_f1).c_str(), pct(ds.value_f1).c_str(), pct(ds.type_f1).c_str());
    out += line;
    if (!d.note.empty()) out += "  (" + d.note + ")";
    out += "\n";
  }
  if (!details) return out;
  out += "\n";
  for (const DocumentEval& d : report.documents)
    for (const EvalIssue& i : d.issues)
      out += d.name + ", byte " + std::to_string(i.begin) + ": " + describe(i) + "\n    " + i.context +
             "\n";
  return out;
}

nlohmann::json eval_json(const EvalReport& report) {
  nlohmann::json docs = nlohmann::json::array();
  for (const DocumentEval& d : report.documents) {
    nlohmann::json issues = nlohmann::json::array();
    for (const EvalIssue& i : d.issues)
      issues.push_back({{"kind", i.kind},
                        {"begin", i.begin},
                        {"end", i.end},
                        {"gold", {{"text", i.gold_text}, {"type", i.gold_type}, {"value", i.gold_value}}},
                        {"system", {{"text", i.system_text}, {"type", i.system_type}, {"value", i.system_value}}},
                        {"context", i.context}});
    nlohmann::json j = figures(d.counts);
    j["name"] = d.name;
    j["note"] = d.note;
    j["issues"] = std::move(issues);
    docs.push_back(std::move(j));
  }
  return {{"overall", figures(report.total)}, {"documents", std::move(docs)}};
}

}  // namespace timeline
