// timeline/eval.hpp: scoring temporal expressions the way the TempEval-3 toolkit does.
//
// A system's TimeML annotation of a document is compared with the gold annotation of the same
// document (same TEXT content; the alignment is by byte offsets into it). Only TIMEX3 elements
// inside TEXT count: the document creation time (DCT) is excluded.
//
//   relaxed match   a system and a gold timex share a token. Tokens are runs of letters and
//                   digits (any non-ASCII byte counts as a letter) and single punctuation
//                   characters, so "1997" and "1998" in "1997-1998" do not match.
//   strict match    identical extents.
//   precision       system timexes with a match / system timexes;  recall: gold timexes with a
//                   match / gold timexes (each side counted independently, as the toolkit does,
//                   so one system timex over "July 18 to July 23" matches both gold halves).
//   value accuracy  among gold timexes with a relaxed match, the share whose partner has the same
//                   value. The partner is the strictly matching system timex, else the one that
//                   overlaps most (the first on a tie).
//   value F1        value accuracy × relaxed F1; type F1 likewise.
// Counts are summed over documents before the figures are computed (micro average).
//
// Example:
//   timeline::DocumentEval d;
//   if (!timeline::score_document("wsj_0006.tml", gold, system, &d, &err)) report(err);
//   report.add(std::move(d));
//   std::cout << timeline::eval_text(report, true);
//
// tag_and_score() runs a Tagger on a gold file in memory (the gold annotation is not shown to
// it: it sees the TEXT content and the DCT as publication date), writes its output as TimeML with
// write_timeml() and scores that, so that the figures are those of `timeline tag --format timeml`
// files.
//
// Thread safety: plain functions; an EvalReport is an ordinary value.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <timeline/error.hpp>
#include <timeline/tagger.hpp>
#include <timeline/timeml.hpp>

namespace timeline {

// Counts for one TIMEX3 type: gold timexes of that type and how they fared, system timexes of
// that type and how many matched.
struct EvalTypeCounts {
  int gold = 0, relaxed_gold = 0, strict_gold = 0, value_correct = 0;
  int system = 0, relaxed_system = 0;
};

struct EvalCounts {
  int gold = 0, system = 0;                // timexes in TEXT
  int strict_gold = 0, strict_system = 0;  // gold (system) timexes with a strict match
  int relaxed_gold = 0, relaxed_system = 0;
  int value_correct = 0, type_correct = 0; // among the relaxed_gold pairs
  // The same by type ("DATE", "TIME", "DURATION", "SET"; as written in the files): gold-side
  // counts under the gold type, system-side counts under the system type.
  std::map<std::string, EvalTypeCounts> by_type;
  EvalCounts& operator+=(const EvalCounts& o);
};

struct EvalScores {
  double strict_p = 0, strict_r = 0, strict_f1 = 0;
  double relaxed_p = 0, relaxed_r = 0, relaxed_f1 = 0;
  double value_accuracy = 0, type_accuracy = 0;
  double value_f1 = 0, type_f1 = 0;
};
// Figures in [0, 1]; a ratio with a zero denominator is 0.
EvalScores scores_of(const EvalCounts& c);

// One disagreement between the system and the gold annotation.
struct EvalIssue {
  std::string kind;      // "missed", "spurious", "extent", "value", "type"
  std::uint32_t begin = 0, end = 0;  // the gold timex (the system one for "spurious")
  std::string gold_text, system_text;
  std::string gold_type, system_type, gold_value, system_value;
  std::string context;   // a few words around, the timex in [brackets], on one line
};

struct DocumentEval {
  std::string name;      // the file name that pairs gold and system
  std::string note;      // "no system file: every gold timex counts as missed", or ""
  EvalCounts counts;
  std::vector<EvalIssue> issues;  // in text order
};

struct EvalReport {
  std::vector<DocumentEval> documents;
  EvalCounts total;
  void add(DocumentEval d);  // appends and adds the counts to `total`
};

// Scores `system` against `gold`. Returns false and fills *error when the two TEXT contents
// differ ("name: system text differs from gold text at byte N").
bool score_document(const std::string& name, const TimemlFile& gold, const TimemlFile& system,
                    DocumentEval* out, Error* error);

// The evaluation of a document whose system file is missing: every gold timex is missed.
DocumentEval score_missing(const std::string& name, const TimemlFile& gold);

// Reads `gold_bytes` as TimeML, tags its TEXT with `tagger` anchored at the DCT, and scores the
// result. Returns false and fills *error when the gold file cannot be read.
bool tag_and_score(const Tagger& tagger, std::string_view gold_bytes, const std::string& name,
                   DocumentEval* out, Error* error);

// Human-readable report: the overall table, a table by type (recall and value accuracy of the
// gold timexes of each type, precision of the system's), one line per document, and (when
// `details`) every issue with its context.
std::string eval_text(const EvalReport& report, bool details);

// {"overall": {counts..., "strict": {"p","r","f1"}, "relaxed": {...}, "value_f1", "type_f1", ...},
//  "documents": [{"name", "note", same figures, "issues": [...]}]}
nlohmann::json eval_json(const EvalReport& report);

}  // namespace timeline
