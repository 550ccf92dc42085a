// Loading the domain pack (see pack.hpp and rules/domains/censorship/README.md).
#include "events/pack.hpp"

#include <sstream>

#include "events/mentions.hpp"

namespace timeline::events {
namespace {

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::size_t a = 0;
  while (true) {
    const std::size_t b = line.find('\t', a);
    out.push_back(line.substr(a, b == std::string::npos ? std::string::npos : b - a));
    if (b == std::string::npos) break;
    a = b + 1;
  }
  return out;
}

std::vector<std::string> split_bars(const std::string& s) {
  std::vector<std::string> out;
  std::size_t a = 0;
  while (a <= s.size()) {
    std::size_t b = s.find('|', a);
    if (b == std::string::npos) b = s.size();
    if (b > a) out.push_back(s.substr(a, b - a));
    a = b + 1;
  }
  return out;
}

bool has_upper(const std::string& s) {
  for (char c : s)
    if (c >= 'A' && c <= 'Z') return true;
  return false;
}

// Calls `row(fields, line_number, &why)` for every non-blank, non-comment line of `path`.
template <typename Fn>
bool each_row(const DataFiles& data, const std::string& path, bool required, Error* error,
              Fn row) {
  const std::string* content = data.find(path);
  if (!content) {
    if (required) *error = Error{path, 0, 0, "missing file of the domain pack"};
    return !required;
  }
  std::istringstream in(*content);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::string why;
    if (!row(split_tabs(line), &why)) {
      *error = Error{path, n, 0, why};
      return false;
    }
  }
  return true;
}

bool add_entities(const std::vector<std::string>& f, std::size_t alias_col,
                  std::vector<EntityRule>* out, std::string* why) {
  if (f.size() < alias_col || f[0].empty() || f[1].empty()) {
    *why = "expected NAME, KIND" + std::string(alias_col > 2 ? ", COUNTRY" : "") +
           " and ALIASES separated by tabs";
    return false;
  }
  std::vector<std::string> forms{f[0]};
  if (f.size() > alias_col) {
    for (const std::string& a : split_bars(f[alias_col])) forms.push_back(a);
  }
  for (const std::string& form : forms) {
    EntityRule r;
    r.name = f[0];
    r.kind = f[1];
    r.country = alias_col > 2 ? f[2] : "";
    if (r.country == "-") r.country.clear();
    if (!r.phrase.compile(form, has_upper(form), why)) return false;
    out->push_back(std::move(r));
  }
  return true;
}

}  // namespace

bool load_pack(const DataFiles& data, const std::string& domain, Pack* pack, Error* error) {
  const std::string dir = "rules/domains/" + domain + "/";
  bool ok = each_row(data, dir + "triggers.tsv", true, error,
                     [&](const std::vector<std::string>& f, std::string* why) {
    if (f.size() != 3) {
      *why = "expected ACTION, FORM and PATTERN separated by tabs";
      return false;
    }
    TriggerRule r;
    r.stop = f[0] == "-";
    if (!r.stop && !parse_action(f[0], &r.action)) {
      *why = "unknown action '" + f[0] + "'";
      return false;
    }
    if (f[1] == "verb") {
      r.form = Form::kVerb;
    } else if (f[1] == "noun") {
      r.form = Form::kNoun;
    } else {
      *why = "unknown form '" + f[1] + "' (verb or noun)";
      return false;
    }
    r.pattern = f[2];
    if (!r.phrase.compile(f[2], false, why)) return false;
    pack->triggers.push_back(std::move(r));
    return true;
  });
  ok = ok && each_row(data, dir + "actors.tsv", false, error,
                      [&](const std::vector<std::string>& f, std::string* why) {
    return add_entities(f, 3, &pack->actors, why);
  });
  ok = ok && each_row(data, dir + "targets.tsv", false, error,
                      [&](const std::vector<std::string>& f, std::string* why) {
    return add_entities(f, 2, &pack->targets, why);
  });
  ok = ok && each_row(data, dir + "regions.tsv", false, error,
                      [&](const std::vector<std::string>& f, std::string* why) {
    return add_entities(f, 2, &pack->regions, why);
  });
  ok = ok && each_row(data, dir + "cues.tsv", false, error,
                      [&](const std::vector<std::string>& f, std::string* why) {
    const bool valued = f.size() == 3;
    if (f.size() != 2 && !valued) {
      *why = "expected CUE and PATTERN (or CUE, KIND and PATTERN) separated by tabs";
      return false;
    }
    if (cue_kind(f[0]) < 0) {
      *why = "unknown cue '" + f[0] + "'";
      return false;
    }
    for (const std::string& alt : split_bars(f.back())) {
      CueRule r;
      r.cue = f[0];
      r.kind = cue_kind(r.cue);
      r.value = valued ? f[1] : "";
      if (!r.phrase.compile(alt, false, why)) return false;
      pack->cues.push_back(std::move(r));
    }
    return true;
  });
  ok = ok && each_row(data, dir + "patterns.tsv", false, error,
                      [&](const std::vector<std::string>& f, std::string* why) {
    if (f.size() != 4 || (f[0] != "actor" && f[0] != "target")) {
      *why = "expected ROLE (actor or target), KIND, NAME TEMPLATE and REGEX separated by tabs";
      return false;
    }
    EntityPattern p;
    p.actor = f[0] == "actor";
    p.kind = f[1];
    p.name_template = f[2];
    const int id = pack->pattern_set->add(f[3], why);
    if (id < 0) return false;
    // Every {group} of the template must be a named group of the pattern.
    const auto& groups = pack->pattern_set->groups(id);
    for (std::size_t a = p.name_template.find('{'); a != std::string::npos;
         a = p.name_template.find('{', a + 1)) {
      const std::size_t b = p.name_template.find('}', a);
      std::string g = p.name_template.substr(a + 1, b == std::string::npos ? 0 : b - a - 1);
      if (!g.empty() && g[0] == '^') g.erase(0, 1);
      if (b == std::string::npos || groups.find(g) == groups.end()) {
        *why = "template '" + p.name_template + "' names no group of the pattern";
        return false;
      }
    }
    pack->patterns.push_back(std::move(p));
    return true;
  });
  if (ok) {
    pack->pattern_set->compile();
    for (TriggerRule& r : pack->triggers) r.phrase.bind(&pack->vocab);
    for (auto* table : {&pack->actors, &pack->targets, &pack->regions})
      for (EntityRule& r : *table) r.phrase.bind(&pack->vocab);
    for (CueRule& r : pack->cues) r.phrase.bind(&pack->vocab);
    pack->trigger_index.build(pack->triggers, &pack->vocab);
    pack->actor_index.build(pack->actors, &pack->vocab);
    pack->target_index.build(pack->targets, &pack->vocab);
    pack->region_index.build(pack->regions, &pack->vocab);
    pack->cue_index.build(pack->cues, &pack->vocab);
    pack->trigger_prefilter.build(pack->triggers);
    pack->starts.assign(pack->vocab.size(), 0);
    for (std::uint32_t id = 0; id < pack->vocab.size(); ++id) {
      const std::pair<const PhraseIndex*, std::uint8_t> tables[] = {
          {&pack->trigger_index, kStartTrigger}, {&pack->actor_index, kStartActor},
          {&pack->target_index, kStartTarget},   {&pack->region_index, kStartRegion},
          {&pack->cue_index, kStartCue}};
      for (const auto& [index, bit] : tables)
        if (index->starts_with(id)) pack->starts[id] = static_cast<std::uint8_t>(pack->starts[id] | bit);
    }
    pack->triggers_by_id = true;
    for (const TriggerRule& r : pack->triggers)
      pack->triggers_by_id = pack->triggers_by_id && r.phrase.by_id();
    add_word_classes(pack);
  }
  return ok;
}

void find_starts(const Pack& pack, const std::vector<Token>& toks, std::vector<Start>* out) {
  out->clear();
  // Sizes and tables read once: a store into *out may alias them for the compiler.
  const std::size_t known = pack.starts.size(), n = toks.size();
  const std::uint8_t* const starts = pack.starts.data();
  const Token* const t = toks.data();
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t id = t[i].word_id;
    if (id < known && starts[id] != 0)
      out->push_back(Start{static_cast<std::uint32_t>(i), starts[id]});
    else if (id == kUnindexed)
      out->push_back(Start{static_cast<std::uint32_t>(i), 0xFFu});
  }
}

}  // namespace timeline::events
