// Helpers of the claim tests: the real pipeline (loader, tagger, extractor), the hand-written
// expectations of tests/data/events/, and matching claims to them.
#pragma once

#include <cctype>
#include <cstdlib>
#include <stdexcept>
#include <unistd.h>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <timeline/document.hpp>
#include <timeline/extractor.hpp>
#include <timeline/tagger.hpp>

#include "events/pack.hpp"
#include "test_util.hpp"

namespace timeline::test {

// The built-in censorship pack, loaded once.
inline const events::Pack& builtin_pack() {
  static const events::Pack* pack = [] {
    auto* p = new events::Pack;
    Error err;
    if (!events::load_pack(DataFiles::builtin(), "censorship", p, &err))
      throw std::runtime_error(err.str());
    return p;
  }();
  return *pack;
}

inline nlohmann::json read_json(const std::string& path) {
  return nlohmann::json::parse(read_file(path));
}

inline std::string temp_path(const std::string& name) {
  const char* dir = std::getenv("TMPDIR");
  return std::string(dir && *dir ? dir : "/tmp") + "/timeline_test_" +
         std::to_string(::getpid()) + "_" + name;
}

// The loader, the tagger and the extractor with the built-in data.
class ClaimPipeline {
 public:
  ClaimPipeline() : data_(DataFiles::builtin()) {
    Error err;
    tagger_ = Tagger::create(data_, "en", &err);
    if (!tagger_) throw std::runtime_error(err.str());
    extractor_ = Extractor::create(data_, "censorship", &err);
    if (!extractor_) throw std::runtime_error(err.str());
  }
  // The claims of the first document of `path`; `published` overrides its date when given.
  DocumentClaims run(const std::string& path, const std::string& published = "") const {
    LoadOptions opt;
    opt.published = published;
    Document doc;
    bool have = false;
    load_path(path, opt, [&](LoadItem&& item) {
      if (item.document && !have) {
        doc = std::move(*item.document);
        have = true;
      }
    });
    if (!have) throw std::runtime_error("cannot load " + path);
    return extractor_->extract(doc, tagger_->tag(doc));
  }
  DocumentClaims run_text(const std::string& text, const std::string& published) const {
    Document doc;
    doc.id = "t";
    doc.text = text;
    doc.published = published;
    return extractor_->extract(doc, tagger_->tag(doc));
  }

 private:
  DataFiles data_;
  std::unique_ptr<Tagger> tagger_;
  std::unique_ptr<Extractor> extractor_;
};

struct Expected {
  std::string action, status, certainty, actor, when, claimed_by, reported_by, hard_case;
  std::vector<std::string> targets;
  bool open_end = false;
  std::string describe() const {
    std::string t;
    for (const std::string& x : targets) t += (t.empty() ? "" : "+") + x;
    return action + "(" + t + ")@" + when;
  }
};

inline std::vector<Expected> read_expected(const std::string& path) {
  std::vector<Expected> out;
  const nlohmann::json doc = read_json(path);
  for (const nlohmann::json& j : doc.at("claims")) {
    Expected e;
    e.action = j.at("action").get<std::string>();
    e.status = j.at("status").get<std::string>();
    e.certainty = j.at("certainty").get<std::string>();
    e.actor = j.at("actor").get<std::string>();
    e.targets = j.at("targets").get<std::vector<std::string>>();
    e.when = j.at("when").get<std::string>();
    e.open_end = j.value("open_end", false);
    e.claimed_by = j.at("claimed_by").get<std::string>();
    e.reported_by = j.value("reported_by", "");
    e.hard_case = j.value("case", "");
    out.push_back(std::move(e));
  }
  return out;
}

inline std::string lower_copy(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Loose name agreement: equal ignoring case, or one contains the other ("court" and
// "Moscow court"), or the expected name is the entity's kind ("government").
inline bool same_name(const std::string& want, const Entity& e) {
  const std::string w = lower_copy(want);
  if (w.empty()) return e.name.empty();
  for (const std::string& g : {lower_copy(e.name), lower_copy(e.mention), lower_copy(e.kind)}) {
    if (g.empty()) continue;
    if (g == w || g.find(w) != std::string::npos || w.find(g) != std::string::npos) return true;
  }
  return false;
}

inline bool same_text(const std::string& want, const std::string& got) {
  const std::string w = lower_copy(want), g = lower_copy(got);
  if (w.empty() || g.empty()) return w == g;
  return w == g || g.find(w) != std::string::npos || w.find(g) != std::string::npos;
}

inline bool targets_overlap(const Expected& w, const Claim& c) {
  if (w.targets.empty()) return c.targets.empty();
  for (const std::string& t : w.targets)
    for (const Entity& e : c.targets)
      if (lower_copy(t) == lower_copy(e.name)) return true;
  return false;
}

inline bool time_agrees(const Expected& w, const Claim& c) {
  const std::string& v = c.when.timex3;
  return !v.empty() && v.compare(0, w.when.size(), w.when) == 0;
}

inline std::string describe(const Claim& c) {
  std::string t;
  for (const Entity& e : c.targets) t += (t.empty() ? "" : "+") + e.name;
  return std::string(action_name(c.action)) + "(" + t + ")@" + c.when.timex3 + " " +
         status_name(c.status) + " actor=" + c.actor.name + " by=" + c.claimed_by;
}

// For each expected claim, the index of the extracted claim it matches (action equal, targets
// overlapping, time agreeing), or -1. Each extracted claim matches at most one expectation.
inline std::vector<int> match_claims(const std::vector<Expected>& want,
                                     const std::vector<Claim>& got) {
  std::vector<int> out(want.size(), -1);
  std::vector<bool> used(got.size(), false);
  // Two passes: first with the status agreeing too, then without, so that "blocked" and
  // "threatened to block" pair up with their own expectations.
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t i = 0; i < want.size(); ++i) {
      if (out[i] >= 0) continue;
      for (std::size_t k = 0; k < got.size(); ++k) {
        if (used[k] || want[i].action != action_name(got[k].action)) continue;
        if (!targets_overlap(want[i], got[k]) || !time_agrees(want[i], got[k])) continue;
        if (pass == 0 && want[i].status != status_name(got[k].status)) continue;
        out[i] = static_cast<int>(k);
        used[k] = true;
        break;
      }
    }
  }
  return out;
}

inline std::vector<std::pair<std::string, bool>> field_agreement(const Expected& w,
                                                                 const Claim& c) {
  bool targets_equal = w.targets.size() == c.targets.size();
  for (const std::string& t : w.targets) {
    bool found = false;
    for (const Entity& e : c.targets) found = found || lower_copy(t) == lower_copy(e.name);
    targets_equal = targets_equal && found;
  }
  return {{"status", w.status == status_name(c.status)},
          {"certainty", w.certainty == certainty_name(c.certainty)},
          {"actor", same_name(w.actor, c.actor)},
          {"targets", targets_equal},
          {"when_open", w.open_end == (c.when.end.empty() && !c.when.start.empty())},
          {"claimed_by", same_text(w.claimed_by, c.claimed_by)},
          {"reported_by", same_text(w.reported_by, c.reported_by)}};
}

}  // namespace timeline::test
