// Entity mentions of a sentence, with anaphora resolved (see mentions.hpp).
#include "events/mentions.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <numeric>

namespace timeline::events {

using namespace std::string_view_literals;

namespace {

std::string surface(std::string_view text, const std::vector<Token>& toks, std::size_t first,
                    std::size_t count) {
  if (count == 0) return "";
  const std::uint32_t b = toks[first].begin, e = toks[first + count - 1].end;
  return std::string(text.substr(b, e - b));
}

// A new mention at the end of *to, made in place (a Mention holds seven strings: moving one into
// the list costs as much as making it). The reference is good until *to grows again.
Mention& add(std::vector<Mention>* to, std::string_view text, const std::vector<Token>& toks,
             std::size_t first, std::size_t count, Role role, std::string_view name,
             std::string_view kind) {
  Mention& m = to->emplace_back();
  m.first = first;
  m.count = count;
  m.role = role;
  m.entity.name = name;
  m.entity.kind = kind;
  const std::uint32_t b = toks[first].begin, e = toks[first + count - 1].end;
  m.entity.mention = text.substr(b, e - b);
  m.entity.span = Span{b, e};
  return m;
}

// Fills the template "{g}" / "{^g}" from the named groups of a match.
std::string fill(const std::string& tmpl, const std::map<std::string, std::string>& groups) {
  std::string out;
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] != '{') {
      out += tmpl[i];
      continue;
    }
    const std::size_t e = tmpl.find('}', i);
    std::string g = tmpl.substr(i + 1, e - i - 1);
    const bool cap = !g.empty() && g[0] == '^';
    if (cap) g.erase(0, 1);
    auto it = groups.find(g);
    std::string v = it == groups.end() ? "" : it->second;
    if (cap && !v.empty() && v[0] >= 'a' && v[0] <= 'z') v[0] = static_cast<char>(v[0] - 32);
    out += v;
    i = e;
  }
  return out;
}

// The word lists of the mention finder. load_pack adds their words to the pack's vocabulary
// (add_word_classes), so that a token's list is read from its word id; the WordSets below answer
// for a token without one, and for strings that are not tokens.
constexpr std::string_view kDeterminers[] = {
    "the",  "a",   "an",   "this", "that", "its", "their", "his", "her", "our", "these", "those",
    "some", "many", "most", "all", "both", "no",  "in",    "on",  "at",  "but", "and",   "for",
    "of"};
// Words a capitalized run can begin a sentence with that are not names (with the determiners).
constexpr std::string_view kCommonCapitals[] = {
    "mobile",   "fixed",       "social",      "internet",  "users",   "officials",
    "critics",  "independent", "many",        "few",       "more",    "earlier",
    "later",    "last",        "since",       "after",     "before",  "when",
    "while",    "according",   "human",       "digital",   "rights",  "residents",
    "security", "business",    "economists",  "broadband", "he",      "she",
    "it",       "they",        "we",          "i",         "you",     "there",
    "kremlin",  "spokesman",   "spokeswoman", "minister",  "chief",   "president",
    "state",    "junior",      "senior",      "deputy",    "founder", "director",
    "head",     "prime",       "chairman",    "governor",  "lawyer",  "telecommunications",
    "telecom",  "telegram's",  "on",          "in",        "for",     "as",
    "if",       "during"};
// Words that make a capitalized run the name of an organization, not of a person.
constexpr std::string_view kOrgWords[] = {
    "media",         "technology",  "technologies", "service",      "services",  "ministry",
    "agency",        "commission",  "authority",    "court",        "council",   "foundation",
    "institute",     "group",       "news",         "times",        "post",      "press",
    "association",   "union",       "party",        "university",   "committee", "department",
    "office",        "bank",        "company",      "corporation",  "network",   "watch",
    "international", "federation",  "organisation", "organization", "center",    "centre",
    "project",       "society",     "forum",        "herald",       "tribune",   "journal",
    "daily",         "radio",       "television",   "tv",           "telecom",   "communications",
    "duma",          "parliament",  "assembly",     "senate",       "congress",  "government",
    "police",        "army",        "forces",       "state",        "republic",  "federal",
    "national",      "information", "digital",      "internet",     "cyber",     "security"};
constexpr std::string_view kTitleWords[] = {
    "spokesman", "spokeswoman",  "spokesperson", "minister", "president", "governor",
    "official",  "chairman",     "head",         "director", "founder",   "deputy",
    "secretary", "commissioner", "prosecutor",   "lawmaker", "adviser",   "advisor",
    "ceo",       "chief",        "officer"};

bool is_determiner(std::string_view lower) {
  static const WordSet kWords(std::begin(kDeterminers), std::end(kDeterminers));
  return kWords.has(lower);
}

bool common_capital(std::string_view lower) {
  static const WordSet kWords(std::begin(kCommonCapitals), std::end(kCommonCapitals));
  return is_determiner(lower) || kWords.has(lower);
}

bool org_word(std::string_view lower) {
  static const WordSet kWords(std::begin(kOrgWords), std::end(kOrgWords));
  return kWords.has(lower);
}

bool title_word(std::string_view lower) {
  static const WordSet kWords(std::begin(kTitleWords), std::end(kTitleWords));
  return kWords.has(lower);
}

// The same for a token of the sentence: by its word id when it has one of pack.vocab after
// add_word_classes (kNoWord: a word of no list), else by its lower case.
bool has_class(const Pack& pack, const Token& t, std::uint8_t bits,
               bool (*by_text)(std::string_view)) {
  if (pack.word_classes.empty() || t.word_id == kUnindexed) return by_text(t.lower);
  return t.word_id < pack.word_classes.size() && (pack.word_classes[t.word_id] & bits) != 0;
}
bool common_capital(const Pack& pack, const Token& t) {
  return has_class(pack, t, kWordDeterminer | kWordCommonCapital, common_capital);
}
bool org_word(const Pack& pack, const Token& t) {
  return has_class(pack, t, kWordOrg, org_word);
}
bool title_word(const Pack& pack, const Token& t) {
  return has_class(pack, t, kWordTitle, title_word);
}

const Mention* last_of_kind(const Discourse& d, const std::string& kind) {
  for (auto it = d.last_by_kind.rbegin(); it != d.last_by_kind.rend(); ++it) {
    if (kind == "*"sv || it->first == kind) return &it->second;
  }
  return nullptr;
}

// Whether a description ("the service", "the video platform") fits a service named before.
// `loose` drops the preference for networks after "service" and "network".
bool fits(const std::string& words, const Entity& e, bool loose) {
  auto has = [&](const char* w) { return words.find(w) != std::string::npos; };
  if (e.kind == "vpn"sv) return false;
  if (has("video")) return e.kind == "video"sv;
  if (has("messag")) return e.kind == "messaging"sv;
  if (has("platform") || has("app") || has("site") || has("company") || has("firm") ||
      has("social network"))
    return e.kind != "network"sv;
  if (has("service") || has("network")) return loose || e.kind == "network"sv;
  return true;
}

// *at becomes the entity `to` stands for, at its place and in its words (the anaphor's). `to`
// is not *at. Assigned in place: the strings of *at keep their room.
void rebind(const Mention& to, Mention* at) {
  const std::size_t first = at->first, count = at->count;
  const Span span = at->entity.span;
  std::string words = std::move(at->entity.mention);
  *at = to;
  at->first = first;
  at->count = count;
  at->entity.mention = std::move(words);
  at->entity.span = span;
  at->anaphor = true;
}

// Whether a token can begin a run of a person's name: a capitalized word, not "'s", that no
// other mention took.
inline bool opens_run(const Token& t, char taken) {
  return !taken && t.capital && t.word && t.lower != "'s"sv;
}

// The first token from i on that opens_run() (n when none). Most tokens begin no run, and a
// loop of its own passes over them with few instructions (inside find_mentions, with its many
// values live, each step reloaded them).
[[gnu::noinline]] std::size_t next_opening(const Token* toks, const char* taken, std::size_t i,
                                           std::size_t n) {
  while (i < n && !opens_run(toks[i], taken[i])) ++i;
  return i;
}

// find_mentions()'s working lists, one set per thread, reused from one sentence to the next.
struct MentionScratch {
  std::vector<Hit> actors, targets, regions;
  std::vector<Start> entity_starts;
  std::vector<Mention> cand;
  std::vector<std::size_t> order, kept;
  std::vector<char> used;
  std::vector<EntityPatterns::Run> runs;
  std::vector<re2::StringPiece> groups;
};

void remember(Discourse* d, const Mention& m) {
  d->last_by_kind.erase(std::remove_if(d->last_by_kind.begin(), d->last_by_kind.end(),
                                       [&](const auto& p) { return p.first == m.entity.kind; }),
                        d->last_by_kind.end());
  d->last_by_kind.emplace_back(m.entity.kind, m);
}

}  // namespace

bool actor_kind(const std::string& k) {
  return one_of(k, {"regulator", "ministry", "government", "court", "police", "official",
                    "person", "country", "company", "group"});
}
bool target_kind(const std::string& k) {
  return one_of(k, {"messaging", "social", "video", "vpn", "network", "platform", "service",
                    "company"});
}
bool authority_kind(const std::string& k) {
  return one_of(k, {"regulator", "ministry", "government", "court", "police", "official",
                    "country"});
}

void add_word_classes(Pack* pack) {
  const std::pair<const std::string_view*, const std::string_view*> lists[] = {
      {std::begin(kDeterminers), std::end(kDeterminers)},
      {std::begin(kCommonCapitals), std::end(kCommonCapitals)},
      {std::begin(kOrgWords), std::end(kOrgWords)},
      {std::begin(kTitleWords), std::end(kTitleWords)}};
  const std::uint8_t bits[] = {kWordDeterminer, kWordCommonCapital, kWordOrg, kWordTitle};
  std::vector<std::pair<std::uint32_t, std::uint8_t>> ids;
  for (std::size_t k = 0; k < std::size(lists); ++k)
    for (const std::string_view* w = lists[k].first; w != lists[k].second; ++w)
      ids.emplace_back(pack->vocab.add(std::string(*w)), bits[k]);
  pack->word_classes.assign(pack->vocab.size(), 0);
  for (const auto& [id, bit] : ids)
    pack->word_classes[id] = static_cast<std::uint8_t>(pack->word_classes[id] | bit);
}

std::vector<CueHit> find_cues(const Pack& pack, const std::vector<Token>& toks) {
  std::vector<Start> starts;
  find_starts(pack, toks, &starts);
  std::vector<CueHit> out;
  find_cues(pack, toks, starts, &out);
  return out;
}

void find_cues(const Pack& pack, const std::vector<Token>& toks, const std::vector<Start>& starts,
               std::vector<CueHit>* out) {
  out->clear();
  std::size_t covered_until[std::size(kCueNames) + 1] = {};  // per cue kind: first free token
  // Per cue the longest hit at token i (earlier rule on ties): its rule and length.
  struct Best {
    std::size_t rule = 0, count = 0;
  };
  Best best[std::size(kCueNames) + 1];
  std::size_t bests = 0;
  for (const Start& s : starts) {
    if ((s.tables & kStartCue) == 0) continue;
    const std::size_t i = s.token;
    const std::vector<std::size_t>* cand = pack.cue_index.at(toks[i]);
    if (cand == nullptr || !pack.cue_index.any_may_match(toks, i)) continue;
    bests = 0;
    for (const std::size_t ri : *cand) {
      if (!pack.cue_index.may_match(ri, toks, i)) continue;
      const CueRule& r = pack.cues[ri];
      const std::size_t n = r.phrase.match(toks, i);
      if (n == 0) continue;
      // One entry per cue name (load_pack admits only the names of kCueNames).
      Best* b = std::find_if(best, best + bests, [&](const Best& h) {
        const CueRule& o = pack.cues[h.rule];
        return o.kind == r.kind && o.cue == r.cue;  // the kind tells most names apart at once
      });
      if (b == best + bests) {
        if (bests < std::size(best)) best[bests++] = Best{ri, n};
      } else if (n > b->count) {
        *b = Best{ri, n};
      }
    }
    if (bests > 1)
      std::sort(best, best + bests, [&](const Best& a, const Best& b) {
        return pack.cues[a.rule].cue < pack.cues[b.rule].cue;
      });
    for (std::size_t k = 0; k < bests; ++k) {
      const CueRule& r = pack.cues[best[k].rule];
      std::size_t& until =
          covered_until[r.kind < 0 ? std::size(kCueNames) : static_cast<std::size_t>(r.kind)];
      if (until > i) continue;
      until = i + best[k].count;
      out->push_back(CueHit{r.cue, r.value, i, best[k].count, r.kind});
    }
  }
}

void find_mentions(const Pack& pack, std::string_view text, const std::vector<Token>& toks,
                   const std::vector<Start>& starts, const std::vector<CueHit>& cues,
                   Discourse* d, std::vector<Mention>* outp) {
  outp->clear();
  // The working lists of this thread, kept from one sentence to the next.
  thread_local MentionScratch sc;
  const std::vector<Hit>& actors = sc.actors;
  const std::vector<Hit>& targets = sc.targets;
  const std::vector<Hit>& regions = sc.regions;
  // The places where an entity can begin, taken from `starts` once (most are of triggers and
  // cues) for the three searches, each of which passes over the places of other tables.
  std::vector<Start>& at = sc.entity_starts;
  at.clear();
  for (const Start& s : starts)
    if ((s.tables & (kStartActor | kStartTarget | kStartRegion)) != 0) at.push_back(s);
  find_all(pack.actors, pack.actor_index, toks, at, kStartActor, &sc.actors);
  find_all(pack.targets, pack.target_index, toks, at, kStartTarget, &sc.targets);
  find_all(pack.regions, pack.region_index, toks, at, kStartRegion, &sc.regions);
  // Every candidate, then the people found in the words they leave (see below).
  std::vector<Mention>& cand = sc.cand;
  cand.clear();
  for (const Hit& h : actors) {
    const EntityRule& r = pack.actors[h.rule];
    Mention& m = add(&cand, text, toks, h.first, h.count, Role::kActor, r.name, r.kind);
    m.country = r.country;
    m.official = authority_kind(r.kind);
    if (r.kind == "outlet"sv || r.kind == "monitor"sv || r.kind == "group"sv)
      m.role = Role::kSpeaker;
  }
  for (const Hit& h : targets) {
    const EntityRule& r = pack.targets[h.rule];
    add(&cand, text, toks, h.first, h.count, Role::kTarget, r.name, r.kind);
  }
  for (const Hit& h : regions) {
    const EntityRule& r = pack.regions[h.rule];
    add(&cand, text, toks, h.first, h.count, Role::kRegion, r.name, r.kind);
  }
  // A capitalized name glued to an unknown capitalized word before it is part of a longer
  // name ("the Eastern Signal" is not the messenger Signal).
  auto glued = [&](const Mention& m) {
    if (m.first < 2 || !toks[m.first].capital) return false;
    const Token& p = toks[m.first - 1];
    if (!p.word || !p.capital || p.lower == "'s"sv) return false;
    for (const Mention& o : cand)
      if (o.first <= m.first - 1 && m.first - 1 < o.last()) return false;
    return !common_capital(pack, p);
  };
  cand.erase(std::remove_if(cand.begin(), cand.end(), glued), cand.end());
  // Generic patterns on the sentence text.
  if (!toks.empty()) {
    const std::uint32_t sb = toks.front().begin, se = toks.back().end;
    pack.pattern_set->candidates(text.substr(sb, se - sb), &sc.runs);
    for (const EntityPatterns::Run& run : sc.runs) {
      const EntityPattern& p = pack.patterns[static_cast<std::size_t>(run.index)];
      const RE2* re = run.re;
      const int ng = re->NumberOfCapturingGroups();
      std::vector<re2::StringPiece>& g = sc.groups;
      g.assign(static_cast<std::size_t>(ng) + 1, re2::StringPiece());
      // The part of the sentence the pattern's matches can lie in (candidates()).
      std::size_t pos = sb + run.begin;
      const std::size_t end = sb + run.end;
      while (pos < end && re->Match(text, pos, end, RE2::UNANCHORED, g.data(), ng + 1)) {
        const std::uint32_t mb = static_cast<std::uint32_t>(g[0].data() - text.data());
        const std::uint32_t me = mb + static_cast<std::uint32_t>(g[0].size());
        pos = me > mb ? me : mb + 1;
        std::size_t first = toks.size(), last = 0;
        for (std::size_t i = 0; i < toks.size(); ++i) {
          if (toks[i].begin >= mb && toks[i].end <= me) {
            first = std::min(first, i);
            last = i + 1;
          }
        }
        if (first >= last) continue;
        std::map<std::string, std::string> groups;
        bool bad = false;
        for (const auto& [name, idx] : re->NamedCapturingGroups()) {
          groups[name] = std::string(g[idx].data() ? g[idx] : re2::StringPiece());
          if (is_determiner(lower(groups[name]))) bad = true;
        }
        if (bad) continue;
        Mention& m = add(&cand, text, toks, first, last - first,
                         p.actor ? Role::kActor : Role::kTarget, fill(p.name_template, groups),
                         p.kind);
        m.official = authority_kind(p.kind);
        if (p.kind == "official"sv) m.role = Role::kPerson;
      }
    }
  }
  // Generic authorities, role nouns and anaphors from the cue lists.
  for (const CueHit& c : cues) {
    if (c.cue == "authority"sv) {
      const std::string head = lower(surface(text, toks, c.first, c.count));
      const std::string kind = one_of(head, {"court", "courts", "judge"}) ? "court"
                               : one_of(head, {"police", "security forces", "army", "military"})
                                   ? "police"
                                   : "government";
      Mention& m = add(&cand, text, toks, c.first, c.count, Role::kActor, head, kind);
      m.official = true;
      m.generic = true;
    } else if (c.cue == "speaker"sv) {
      Mention& m = add(&cand, text, toks, c.first, c.count, Role::kSpeaker,
                       lower(surface(text, toks, c.first, c.count)), "people");
      m.generic = true;
    } else if (c.cue == "anaphor-actor"sv || c.cue == "anaphor-target"sv) {
      Mention& m = add(&cand, text, toks, c.first, c.count,
                       c.cue == "anaphor-actor"sv ? Role::kActor : Role::kTarget, "", c.value);
      m.anaphor = true;
    }
  }
  // Keep the longest of overlapping candidates (earlier first on ties); known entities beat
  // patterns and cues of the same length because they were added first. Their indices are
  // sorted, not the mentions, which are large: by length, longest first, in a stable insertion
  // sort (a sentence has a few candidates).
  std::vector<std::size_t>& order = sc.order;
  order.resize(cand.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  for (std::size_t a = 1; a < order.size(); ++a) {
    const std::size_t k = order[a];
    std::size_t b = a;
    for (; b > 0 && cand[order[b - 1]].count < cand[k].count; --b) order[b] = order[b - 1];
    order[b] = k;
  }
  // The kept candidates and people, by index into cand.
  std::vector<std::size_t>& kept = sc.kept;
  kept.clear();
  std::vector<char>& used = sc.used;
  used.assign(toks.size(), 0);
  for (const std::size_t k : order) {
    const Mention& m = cand[k];
    bool free = true;
    for (std::size_t i = m.first; i < m.last(); ++i) free = free && !used[i];
    if (!free) continue;
    for (std::size_t i = m.first; i < m.last(); ++i) used[i] = 1;
    kept.push_back(k);
  }
  // Person names: runs of two or more capitalized words that nothing else claimed, or a single
  // capitalized word that is the surname of a person named before.
  const std::size_t ntoks = toks.size();
  const char* const taken = used.data();  // read once: `used` is the thread's (sc)
  for (std::size_t i = next_opening(toks.data(), taken, 0, ntoks); i < ntoks;
       i = next_opening(toks.data(), taken, i, ntoks)) {
    auto opens = [&](std::size_t k) { return opens_run(toks[k], taken[k]); };
    std::size_t j = i;
    while (j < ntoks && (opens(j) || (!taken[j] && toks[j].text == "."sv && j > i &&
                                      toks[j - 1].text.size() == 1)))
      ++j;
    std::size_t b = i;
    while (b < j && common_capital(pack, toks[b])) ++b;
    std::size_t words = 0;
    for (std::size_t k = b; k < j; ++k) words += toks[k].word ? 1 : 0;
    bool org = false;
    for (std::size_t k = b; k < j; ++k) org = org || org_word(pack, toks[k]);
    if (words >= 2 && (words <= 4 || org)) {
      // Named as written.
      const std::uint32_t nb = toks[b].begin, ne = toks[j - 1].end;
      Mention& m = add(&cand, text, toks, b, j - b, org ? Role::kSpeaker : Role::kPerson,
                       text.substr(nb, ne - nb), org ? "organization" : "person");
      // "Junaid Ahmed Palak, the junior minister for ...": an official by apposition.
      if (!org && j < toks.size() && toks[j].text == ","sv) {
        for (std::size_t k = j + 1; k < toks.size() && k <= j + 5 && toks[k].text != ","sv; ++k)
          if (title_word(pack, toks[k]) && toks[k].lower != "founder"sv) m.official = true;
      }
      kept.push_back(cand.size() - 1);
    } else if (words == 1 && j == b + 1) {
      // A name that ends in " " and the word (the space looked at first: one byte, and most
      // names fail there).
      const std::string_view w = toks[b].text;
      for (const Mention& p : d->people) {
        const std::string_view n = p.entity.name;
        if (n.size() > w.size() && n[n.size() - w.size() - 1] == ' ' &&
            n.substr(n.size() - w.size()) == w) {
          cand.push_back(p);  // p is one of d->people, not of cand
          Mention& m = cand.back();
          m.first = b;
          m.count = 1;
          m.entity.mention = toks[b].text;
          m.entity.span = Span{toks[b].begin, toks[b].end};
          kept.push_back(cand.size() - 1);
          break;
        }
      }
    }
    i = j;  // past the run (toks[i] opened it, so j > i); the loop looks for the next one
  }
  // In reading order (kept mentions cover disjoint tokens: no two begin at the same one).
  std::sort(kept.begin(), kept.end(),
            [&](std::size_t a, std::size_t b) { return cand[a].first < cand[b].first; });
  // A generic service followed by its name ("the social media platform X", "messaging apps
  // Telegram and WhatsApp") is that name.
  for (std::size_t k = 0; k + 1 < kept.size(); ++k) {
    const Mention& g = cand[kept[k]];
    const Mention& n = cand[kept[k + 1]];
    if (g.role == Role::kTarget && n.role == Role::kTarget && g.entity.kind != "network"sv &&
        g.entity.name == lower(g.entity.name) && n.first >= g.last() && n.first - g.last() <= 2 &&
        (n.first == g.last() || (toks[g.last()].word && !one_of(toks[g.last()].lower,
                                                                {"and", "or", "nor"})))) {
      kept.erase(kept.begin() + static_cast<long>(k));
      --k;
    }
  }

  // Resolve in reading order: countries before "authorities", people's affiliations, anaphors.
  std::vector<Mention>& out = *outp;
  std::size_t last_person_at = SIZE_MAX;  // in out: the sentence's last person named
  for (std::size_t k = 0; k < kept.size(); ++k) {
    Mention& m = cand[kept[k]];
    bool named_person = false;  // m is a person named (not an anaphor)
    if (m.role == Role::kActor && !m.anaphor && m.entity.kind != "person"sv && !out.empty() &&
        out.back().role == Role::kRegion && out.back().last() + 1 >= m.first &&
        m.entity.name == lower(m.entity.mention)) {
      // "Russian authorities", "Pakistan's government", "the Manipur government".
      Mention region = std::move(out.back());
      out.pop_back();
      const std::string own_name = m.entity.name;
      m.country = region.entity.name;
      m.count = m.last() - region.first;
      m.first = region.first;
      m.entity.mention = surface(text, toks, m.first, m.count);
      m.entity.span = Span{toks[m.first].begin, toks[m.last() - 1].end};
      m.entity.name = region.entity.mention + " " + m.entity.name;
      if (m.entity.name.find("'s ") != std::string::npos ||
          m.entity.name.find("’s ") != std::string::npos)
        m.entity.name = region.entity.name + " " + own_name;
    }
    if (m.role == Role::kPerson && m.affiliation.empty()) {
      // "Kremlin spokesman Dmitry Peskov", "Telegram's founder Pavel Durov".
      std::size_t t = m.first;
      bool titled = false;
      while (t > 0 && title_word(pack, toks[t - 1]) && m.first - t < 3) {
        --t;
        titled = true;
      }
      if (t > 0 && toks[t - 1].lower == "'s"sv) --t;
      if (titled && !out.empty() && out.back().last() == t &&
          (out.back().role == Role::kActor || out.back().role == Role::kTarget)) {
        m.affiliation = out.back().entity.name;
        m.affiliation_kind = out.back().entity.kind;
        m.official = authority_kind(m.affiliation_kind);
      }
      m.official = m.official || (m.first > 0 && title_word(pack, toks[m.first - 1]) &&
                                  toks[m.first - 1].lower != "founder"sv);
      if (m.entity.kind == "official"sv) m.official = true;
      m.entity.kind = "person";
      bool known = false;
      for (Mention& p : d->people) {
        if (p.entity.name == m.entity.name) {
          known = true;
          if (m.affiliation.empty()) {
            m.affiliation = p.affiliation;
            m.affiliation_kind = p.affiliation_kind;
          }
          m.official = m.official || p.official;
          p.official = m.official;
          if (p.affiliation.empty()) p.affiliation = m.affiliation;
        }
      }
      if (!known) d->people.push_back(m);
      // d->last_person is set once, at the end, from m's place in out. Until then a person
      // before in the sentence is found in out, before d's.
      named_person = true;
    }
    if (m.anaphor) {
      const std::string_view w = toks[m.first].lower;
      const bool pronoun = m.count == 1 && one_of(w, {"it", "its", "he", "she", "his", "her"});
      if (m.role == Role::kTarget) {
        // The most recent service the description fits, in this sentence or before it.
        std::vector<Entity> seen = d->recent_targets;
        for (const Mention& o : out)
          if (o.role == Role::kTarget && !o.anaphor) seen.push_back(o.entity);
        const Entity* pick = nullptr;
        // Among the services that fit, the most recent; for "the service" or "the network" a
        // network of the article's lead (its topic) first; a looser fit only when nothing fits.
        for (int pass = 0; pass < 2 && !pick; ++pass) {
          const std::string words = lower(m.entity.mention);
          const bool network_words =
              (words == "the service"sv || words == "the network"sv || words == "the services"sv);
          for (const Entity& e : d->lead_targets)
            if (!pick && pass == 0 && network_words && fits(words, e, false)) pick = &e;
          for (auto it = seen.rbegin(); it != seen.rend() && !pick; ++it)
            if (fits(lower(m.entity.mention), *it, pass == 1)) pick = &*it;
        }
        if (!pick) continue;
        m.entity.name = pick->name;
        m.entity.kind = pick->kind;
      } else if (m.entity.kind == "person"sv) {
        const Mention* near = nullptr;
        for (const Mention& o : out)
          if (o.role == Role::kPerson) near = &o;
        if (!near && d->has_person) near = &d->last_person;
        if (!near) continue;
        rebind(*near, &m);
      } else {
        // "it": the nearest earlier organization in the sentence, else the last subject;
        // "the regulator": the last actor of that kind, else a generic name.
        const Mention* near = nullptr;
        if (pronoun) {
          for (const Mention& o : out)
            if ((o.role == Role::kActor || o.role == Role::kTarget || o.role == Role::kSpeaker) &&
                o.entity.kind != "person"sv && !o.generic)
              near = &o;
          if (!near && d->has_subject) near = &d->last_subject;
        } else {
          near = last_of_kind(*d, m.entity.kind);
        }
        if (near) {
          rebind(*near, &m);
        } else if (pronoun) {
          continue;
        } else {
          m.entity.name = m.entity.kind;  // "the regulator" with nothing before it
          m.official = true;
          m.anaphor = false;
        }
      }
    }
    if ((m.role == Role::kActor || (m.role == Role::kSpeaker && !m.generic)) && !m.anaphor)
      remember(d, m);
    out.push_back(std::move(m));
    if (named_person) last_person_at = out.size() - 1;
  }
  if (last_person_at != SIZE_MAX) {
    d->last_person = out[last_person_at];
    d->has_person = true;
  }
}

}  // namespace timeline::events
