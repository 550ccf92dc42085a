// RuleProgram (see rule_program.hpp): compiling a syntax tree, and the depth-first search.
#include "temporal/rule_program.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <utility>

namespace timeline::temporal_detail {

using Node = SyntaxNode;

namespace {

bool has(const std::array<std::uint64_t, 2>& set, unsigned c) {
  return c < 128 && ((set[c >> 6] >> (c & 63)) & 1);
}

std::array<std::uint64_t, 2> to_set(const std::bitset<128>& b) {
  static const std::bitset<128> kLow(~std::uint64_t{0});
  return {(b & kLow).to_ullong(), (b >> 64).to_ullong()};
}

// One byte of a literal run: the byte (lower-case for a folded letter) and its mask.
struct LitByte {
  char byte, mask;
};

// Whether a character node is one byte, or one letter in either case; *out says which.
bool literal_byte(const Node& n, LitByte* out) {
  if (n.kind != Node::kChar) return false;
  const std::size_t count = n.ascii.count();
  if (count == 0 || count > 2) return false;
  // The members, lowest first.
  const std::array<std::uint64_t, 2> set = to_set(n.ascii);
  unsigned members[2] = {0, 0}, k = 0;
  for (unsigned w = 0; w < 2; ++w)
    for (std::uint64_t bits = set[w]; bits != 0; bits &= bits - 1)
      members[k++] = w * 64 + static_cast<unsigned>(__builtin_ctzll(bits));
  if (count == 1) {
    *out = {static_cast<char>(members[0]), 0};
    return true;
  }
  // Two members: a letter's two cases (upper-case comes first in ASCII).
  if (members[0] >= 'A' && members[0] <= 'Z' && members[1] == members[0] + 0x20) {
    *out = {static_cast<char>(members[1]), 0x20};
    return true;
  }
  return false;
}

// The characters a node can start with, and whether it can match the empty string.
struct First {
  std::bitset<128> chars;
  bool nullable = false;
};

First first_of(const Node& n) {
  First f;
  switch (n.kind) {
    case Node::kChar:
      f.chars = n.ascii;
      return f;
    case Node::kSeq:
      for (const Node& k : n.kids) {
        const First kf = first_of(k);
        f.chars |= kf.chars;
        if (!kf.nullable) return f;
      }
      f.nullable = true;
      return f;
    case Node::kAlt:
      for (const Node& k : n.kids) {
        const First kf = first_of(k);
        f.chars |= kf.chars;
        f.nullable = f.nullable || kf.nullable;
      }
      return f;
    case Node::kRepeat: {
      if (n.max == 0) {
        f.nullable = true;
        return f;
      }
      f = first_of(n.kids[0]);
      f.nullable = f.nullable || n.min == 0;
      return f;
    }
    case Node::kCapture:
      return first_of(n.kids[0]);
    case Node::kAssert:
      f.nullable = true;
      return f;
  }
  return f;
}

}  // namespace

// Emits the instructions of a tree; each construct's code falls through to what follows it.
class ProgramCompiler {
 public:
  explicit ProgramCompiler(RuleProgram* p) : p_(p) {}

  bool emit(const Node& n) {
    if (p_->insts_.size() > static_cast<std::size_t>(RuleProgram::kMaxInsts)) return false;
    switch (n.kind) {
      case Node::kChar: {
        LitByte b;
        if (literal_byte(n, &b)) return emit_lit({b});
        RuleProgram::Inst in;
        in.op = RuleProgram::kSet;
        in.x = static_cast<std::int32_t>(p_->sets_.size());
        p_->sets_.push_back(to_set(n.ascii));
        return add(in);
      }
      case Node::kSeq: {
        // Runs of literal bytes become one instruction.
        std::vector<LitByte> run;
        for (const Node& k : n.kids) {
          LitByte b;
          if (literal_byte(k, &b)) {
            run.push_back(b);
            continue;
          }
          if (!run.empty() && !emit_lit(run)) return false;
          run.clear();
          if (!emit(k)) return false;
        }
        return run.empty() || emit_lit(run);
      }
      case Node::kAlt:
        return emit_alt(n);
      case Node::kRepeat:
        return emit_repeat(n);
      case Node::kCapture: {
        RuleProgram::Inst open, close;
        open.op = close.op = RuleProgram::kSave;
        open.x = 2 * n.group;
        close.x = 2 * n.group + 1;
        return add(open) && emit(n.kids[0]) && add(close);
      }
      case Node::kAssert: {
        RuleProgram::Inst in;
        in.op = RuleProgram::kAssert;
        in.assertion = static_cast<std::uint8_t>(n.assertion);
        return add(in);
      }
    }
    return false;
  }

  bool finish() {
    RuleProgram::Inst in;
    in.op = RuleProgram::kAccept;
    return add(in);
  }

 private:
  std::int32_t pc() const { return static_cast<std::int32_t>(p_->insts_.size()); }

  bool add(const RuleProgram::Inst& in) {
    p_->insts_.push_back(in);
    return true;
  }

  bool emit_lit(const std::vector<LitByte>& run) {
    for (std::size_t i = 0; i < run.size(); i += 0xFFFF) {
      RuleProgram::Inst in;
      in.op = RuleProgram::kLit;
      in.x = static_cast<std::int32_t>(p_->lit_.size());
      const std::size_t n = std::min<std::size_t>(0xFFFF, run.size() - i);
      in.n = static_cast<std::uint16_t>(n);
      for (std::size_t k = i; k < i + n; ++k) {
        p_->lit_ += run[k].byte;
        p_->mask_ += run[k].mask;
      }
      add(in);
    }
    return true;
  }

  // kAlt, then each alternative followed by a jump past the last.
  bool emit_alt(const Node& n) {
    const std::int32_t alt_at = pc();
    RuleProgram::Inst alt;
    alt.op = RuleProgram::kAlt;
    alt.y = -1;
    alt.x = static_cast<std::int32_t>(p_->alts_.size());
    alt.n = static_cast<std::uint16_t>(n.kids.size());
    if (n.kids.size() > 0xFFFF) return false;
    add(alt);
    for (const Node& k : n.kids) {
      const First f = first_of(k);
      p_->alts_.push_back({0, to_set(f.chars), f.nullable});
    }
    std::vector<std::int32_t> jumps;
    for (std::size_t i = 0; i < n.kids.size(); ++i) {
      p_->alts_[static_cast<std::size_t>(alt.x) + i].pc = pc();
      if (!emit(n.kids[i])) return false;
      if (i + 1 < n.kids.size()) {
        jumps.push_back(pc());
        RuleProgram::Inst j;
        j.op = RuleProgram::kJmp;
        add(j);
      }
    }
    for (std::int32_t j : jumps) p_->insts_[static_cast<std::size_t>(j)].x = pc();
    if (n.kids.size() >= RuleProgram::kDispatchFrom) {
      RuleProgram::Inst& in = p_->insts_[static_cast<std::size_t>(alt_at)];
      in.y = static_cast<std::int32_t>(p_->dispatch_.size());
      // Each alternative into the lists of the characters it can start with, in order: the
      // lists' sizes first, then their places, then their entries.
      const auto each_start = [&](const RuleProgram::Alt& a, auto&& f) {
        if (a.nullable) {
          for (unsigned c = 0; c <= 128; ++c) f(c);
          return;
        }
        for (unsigned w = 0; w < 2; ++w)
          for (std::uint64_t bits = a.first[w]; bits != 0; bits &= bits - 1)
            f(w * 64 + static_cast<unsigned>(__builtin_ctzll(bits)));
      };
      const auto alternatives = [&](std::size_t i) -> const RuleProgram::Alt& {
        return p_->alts_[static_cast<std::size_t>(in.x) + i];
      };
      std::array<std::uint32_t, 129> place{};
      for (std::size_t i = 0; i < n.kids.size(); ++i)
        each_start(alternatives(i), [&](unsigned c) { ++place[c]; });
      std::uint32_t at = static_cast<std::uint32_t>(p_->starts_.size());
      for (std::uint32_t& c : place) {
        p_->dispatch_.push_back(at);
        at += c;
        c = p_->dispatch_.back();
      }
      p_->starts_.resize(at);
      for (std::size_t i = 0; i < n.kids.size(); ++i)
        each_start(alternatives(i), [&](unsigned c) { p_->starts_[place[c]++] = alternatives(i).pc; });
      p_->dispatch_.push_back(static_cast<std::uint32_t>(p_->starts_.size()));
    }
    return true;
  }

  // A split whose targets are set later: `body` (the kid's code that follows it) and `out`.
  std::int32_t split() {
    RuleProgram::Inst s;
    s.op = RuleProgram::kSplit;
    add(s);
    return pc() - 1;
  }

  void set_split(std::int32_t at, std::int32_t body, std::int32_t out, bool greedy) {
    RuleProgram::Inst& s = p_->insts_[static_cast<std::size_t>(at)];
    s.x = greedy ? body : out;
    s.y = greedy ? out : body;
  }

  // x{min,max} as RE2 spells it out: min copies, then (x(x(x)?)?)? up to max, or a loop.
  bool emit_repeat(const Node& n) {
    const Node& kid = n.kids[0];
    for (int i = 0; i < n.min; ++i)
      if (!emit(kid)) return false;
    if (n.max == Node::kUnbounded) {
      if (first_of(kid).nullable) return false;  // an empty turn of a loop: not run here
      const std::int32_t loop = split();
      if (!emit(kid)) return false;
      RuleProgram::Inst j;
      j.op = RuleProgram::kJmp;
      j.x = loop;
      add(j);
      set_split(loop, loop + 1, pc(), n.greedy);
      return true;
    }
    std::vector<std::int32_t> splits;
    for (int i = n.min; i < n.max; ++i) {
      splits.push_back(split());
      if (!emit(kid)) return false;
    }
    for (std::int32_t s : splits) set_split(s, s + 1, pc(), n.greedy);
    return true;
  }

  RuleProgram* p_;
};

std::unique_ptr<RuleProgram> RuleProgram::compile(const Syntax& syntax) {
  if (!syntax.exact) return nullptr;
  auto p = std::unique_ptr<RuleProgram>(new RuleProgram());
  p->groups_ = syntax.groups;
  ProgramCompiler c(p.get());
  if (!c.emit(syntax.root) || !c.finish() ||
      p->insts_.size() > static_cast<std::size_t>(kMaxInsts))
    return nullptr;
  p->thread_jumps();
  p->fuse_byte_splits();
  return p;
}

void RuleProgram::fuse_byte_splits() {
  for (std::size_t i = 0; i < insts_.size(); ++i) {
    Inst& in = insts_[i];
    // Greedy: the preferred way is the body, emitted right after the split.
    if (in.op != kSplit || in.x != static_cast<std::int32_t>(i) + 1) continue;
    const Inst& body = insts_[i + 1];
    if (body.op != kSet && !(body.op == kLit && body.n == 1)) continue;
    if (body.y == static_cast<std::int32_t>(i)) in.op = kStar;
    else if (body.y == in.y) in.op = kOpt;
  }
}

bool RuleProgram::takes(const Inst& in, unsigned char c) const {
  if (in.op == kSet) return has(sets_[static_cast<std::size_t>(in.x)], c);
  const auto at = static_cast<std::size_t>(in.x);
  return static_cast<char>(c | static_cast<unsigned char>(mask_[at])) == lit_[at];
}

// Every place control goes to names the first instruction there that is not a jump: the next
// instruction of a kLit, kSet, kSave or kAssert (y), a split's two ways, a jump's target, the
// alternatives' first instructions. A jump only ever goes forward, or back to a loop's split, so
// following jumps ends.
void RuleProgram::thread_jumps() {
  const auto past_jumps = [&](std::int32_t pc) {
    while (insts_[static_cast<std::size_t>(pc)].op == kJmp)
      pc = insts_[static_cast<std::size_t>(pc)].x;
    return pc;
  };
  for (std::size_t i = 0; i < insts_.size(); ++i) {
    Inst& in = insts_[i];
    switch (in.op) {
      case kLit:
      case kSet:
      case kSave:
      case kAssert:
        in.y = past_jumps(static_cast<std::int32_t>(i) + 1);
        break;
      case kSplit:
        in.x = past_jumps(in.x);
        in.y = past_jumps(in.y);
        break;
      case kJmp:
        in.x = past_jumps(in.x);
        break;
      case kAlt:
      case kAccept:
      case kStar:  // made after this
      case kOpt:
        break;
    }
  }
  for (Alt& a : alts_) a.pc = past_jumps(a.pc);
  for (std::int32_t& st : starts_) st = past_jumps(st);
}

namespace {

bool word_byte(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '_';
}

}  // namespace

// Room for at least `more` jobs above `top` (the stack's memory may move).
void RuleProgram::grow(Scratch* scratch, Scratch::Job** top, Scratch::Job** cap,
                       std::size_t more) {
  std::vector<Scratch::Job>& stack = scratch->stack;
  const std::size_t used = static_cast<std::size_t>(*top - stack.data());
  stack.resize(std::max<std::size_t>(2 * stack.size(), used + more + 64));
  *top = stack.data() + used;
  *cap = stack.data() + stack.size();
}

// The search keeps its groups in *spans itself (the way it is on), and a copy in scratch->caps
// of the groups of the longest match so far only when that match falls short of `longest`.
// Jobs wait on a stack the scratch owns, used through pointers (room checked once per
// instruction that pushes). Steps are not counted; pushes that branch are, which bounds the work
// as well: between two of them the program runs forward (a jump back goes to a loop's split,
// which pushes), so at most size() steps.
RuleProgram::Result RuleProgram::match(std::string_view text, std::size_t p, std::size_t end,
                                       Scratch* scratch, std::vector<std::int32_t>* spans,
                                       std::size_t limit) const {
  using Job = Scratch::Job;
  const auto* b = reinterpret_cast<const unsigned char*>(text.data());
  const auto e = static_cast<std::int32_t>(end);
  const auto longest = static_cast<std::int32_t>(limit < end ? limit : end);
  const std::size_t slots = 2 * static_cast<std::size_t>(groups_ + 1);
  if (spans->size() != slots) spans->resize(slots);
  std::int32_t* const caps = spans->data();
  for (std::size_t k = 0; k < slots; ++k) caps[k] = -1;
  caps[0] = static_cast<std::int32_t>(p);
  std::int32_t best = -1;
  if (scratch->stack.size() < 64) scratch->stack.resize(64);
  Job* bottom = scratch->stack.data();  // moves with the stack's memory
  Job* top = bottom;
  Job* cap = bottom + scratch->stack.size();
  const auto room = [&](std::size_t more) {
    if (static_cast<std::size_t>(cap - top) < more) {
      grow(scratch, &top, &cap, more);
      bottom = scratch->stack.data();
    }
  };
  int budget = kBudget;
  const Inst* const insts = insts_.data();
  const char* const lit = lit_.data();
  const char* const mask = mask_.data();
  std::int32_t pc = 0, pos = static_cast<std::int32_t>(p);
  for (;;) {
    const Inst& in = insts[pc];
    switch (in.op) {
      case kLit: {
        const int n = in.n;
        if (e - pos < n) goto fail;
        const unsigned char* t = b + pos;
        const char* l = lit + in.x;
        const char* m = mask + in.x;
        int k = 0;
        for (; k + 4 <= n; k += 4) {
          std::uint32_t tw, lw, mw;
          std::memcpy(&tw, t + k, 4);
          std::memcpy(&lw, l + k, 4);
          std::memcpy(&mw, m + k, 4);
          if ((tw | mw) != lw) goto fail;
        }
        for (; k < n; ++k)
          if (static_cast<char>(t[k] | static_cast<unsigned char>(m[k])) != l[k]) goto fail;
        pos += n;
        pc = in.y;
        continue;
      }
      case kSet:
        if (pos >= e || !has(sets_[static_cast<std::size_t>(in.x)], b[pos])) goto fail;
        ++pos;
        pc = in.y;
        continue;
      case kAlt: {
        // Go on with the first alternative that can start here; the others that can wait on
        // the stack in order of preference.
        const unsigned c = pos < e && b[pos] < 128 ? b[pos] : 128;
        if (in.y >= 0) {
          const std::uint32_t* d = dispatch_.data() + in.y + c;
          const std::uint32_t first = d[0], last = d[1];
          if (first == last) goto fail;
          const std::uint32_t waiting = last - first - 1;
          if (waiting > 0) {
            if ((budget -= static_cast<int>(waiting)) < 0) return kGaveUp;
            room(waiting);
            for (std::uint32_t k = last - 1; k > first; --k) *top++ = {starts_[k], pos};
          }
          pc = starts_[first];
          continue;
        }
        room(in.n);
        std::int32_t next = -1;
        for (int i = in.n - 1; i >= 0; --i) {
          const Alt& a = alts_[static_cast<std::size_t>(in.x + i)];
          if (!a.nullable && !has(a.first, c)) continue;
          if (next >= 0) {
            *top++ = {next, pos};
            --budget;
          }
          next = a.pc;
        }
        if (budget < 0) return kGaveUp;
        if (next < 0) goto fail;
        pc = next;
        continue;
      }
      case kSplit:
        if (--budget < 0) return kGaveUp;
        room(1);
        *top++ = {in.y, pos};
        pc = in.x;
        continue;
      case kStar: {
        // The loop's turns at once: a way out waits at each byte taken (as the split pushed
        // at each turn), the longest run goes on.
        const Inst& body = insts[in.x];
        std::int32_t q = pos;
        while (q < e && takes(body, b[q])) ++q;
        const auto turns = static_cast<std::size_t>(q - pos);
        if (turns > 0) {
          if ((budget -= static_cast<int>(turns)) < 0) return kGaveUp;
          room(turns);
          for (std::int32_t k = pos; k < q; ++k) *top++ = {in.y, k};
        }
        pos = q;
        pc = in.y;
        continue;
      }
      case kOpt:
        // The byte if it is there (then the way without it waits), else straight on.
        if (pos < e && takes(insts[in.x], b[pos])) {
          if (--budget < 0) return kGaveUp;
          room(1);
          *top++ = {in.y, pos};
          ++pos;
        }
        pc = in.y;
        continue;
      case kJmp:
        pc = in.x;
        continue;
      case kSave:
        room(1);
        *top++ = {-in.x - 1, caps[in.x]};
        caps[in.x] = pos;
        pc = in.y;
        continue;
      case kAssert: {
        bool holds = false;
        switch (in.assertion) {
          case Node::kWordBoundary:
          case Node::kNotWordBoundary: {
            const bool before = pos > 0 && word_byte(b[pos - 1]);
            const bool after = pos < e && word_byte(b[pos]);
            holds = (before != after) == (in.assertion == Node::kWordBoundary);
            break;
          }
          case Node::kBeginText:
            holds = pos == 0;
            break;
          case Node::kEndText:
            holds = pos == e;
            break;
        }
        if (!holds) goto fail;
        pc = in.y;
        continue;
      }
      case kAccept:
        if (pos > best) {  // the first way to reach a longer end is the preferred one
          best = pos;
          caps[1] = pos;
          if (pos == longest) return kMatch;  // nothing longer is possible
          scratch->caps.assign(caps, caps + slots);
        }
        goto fail;
      default:
        __builtin_unreachable();
    }
  fail:
    for (;;) {
      if (top == bottom) {
        if (best < 0) return kNoMatch;
        std::copy(scratch->caps.begin(), scratch->caps.end(), caps);
        return kMatch;
      }
      const Job job = *--top;
      if (job.pc >= 0) {
        pc = job.pc;
        pos = job.pos;
        break;
      }
      caps[-job.pc - 1] = job.pos;
    }
  }
}

}  // namespace timeline::temporal_detail
