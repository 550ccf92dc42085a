// RuleProgram::write and read (see rule_program.hpp): a program as bytes, for the table of
// programs made at build time.
//
// Layout: groups (i32); then each table as a u32 count and its elements: instructions (op u8,
// assertion u8, n u16, x i32, y i32), literal bytes, mask bytes, sets (two u64), alternatives
// (pc i32, first two u64, nullable u8), dispatch (u32), starts (i32). Fields are written one by
// one, so the bytes do not depend on padding.
#include <cstddef>
#include <cstring>
#include <type_traits>

#include "temporal/rule_program.hpp"

namespace timeline::temporal_detail {
namespace {

template <typename T>
void put(std::string* out, T v) {
  char b[sizeof v];
  std::memcpy(b, &v, sizeof v);
  out->append(b, sizeof v);
}

// Reads fields in order from a view; any read past its end sets `bad`.
struct Reader {
  std::string_view in;
  bool bad = false;

  template <typename T>
  T get() {
    T v{};
    if (in.size() < sizeof v) {
      bad = true;
      return v;
    }
    std::memcpy(&v, in.data(), sizeof v);
    in.remove_prefix(sizeof v);
    return v;
  }
  // A count of elements of at least `each` bytes that the rest can hold.
  std::size_t count(std::size_t each) {
    const std::size_t n = get<std::uint32_t>();
    if (n > in.size() / each) bad = true;
    return bad ? 0 : n;
  }
  // A table of plain numbers (or bytes) as they lie in the input, in one copy: its count, then
  // its elements.
  template <typename T>
  void table(std::vector<T>* out) {
    out->resize(count(sizeof(T)));
    if (out->empty()) return;  // data() may be null then, which memcpy must not be given
    std::memcpy(out->data(), in.data(), out->size() * sizeof(T));
    in.remove_prefix(out->size() * sizeof(T));
  }
  void table(std::string* out) {
    // The count first: it moves `in` past itself (as an argument beside in.data(), the order
    // of the two is the compiler's: clang read the count's bytes as text).
    const std::size_t n = count(1);
    out->assign(in.data(), n);
    in.remove_prefix(n);
  }
};

}  // namespace

void RuleProgram::write(std::string* out) const {
  put<std::int32_t>(out, groups_);
  put<std::uint32_t>(out, static_cast<std::uint32_t>(insts_.size()));
  for (const Inst& i : insts_) {
    put<std::uint8_t>(out, i.op);
    put<std::uint8_t>(out, i.assertion);
    put<std::uint16_t>(out, i.n);
    put<std::int32_t>(out, i.x);
    put<std::int32_t>(out, i.y);
  }
  put<std::uint32_t>(out, static_cast<std::uint32_t>(lit_.size()));
  out->append(lit_);
  put<std::uint32_t>(out, static_cast<std::uint32_t>(mask_.size()));
  out->append(mask_);
  put<std::uint32_t>(out, static_cast<std::uint32_t>(sets_.size()));
  for (const Set& set : sets_)
    for (std::uint64_t w : set) put<std::uint64_t>(out, w);
  put<std::uint32_t>(out, static_cast<std::uint32_t>(alts_.size()));
  for (const Alt& a : alts_) {
    put<std::int32_t>(out, a.pc);
    for (std::uint64_t w : a.first) put<std::uint64_t>(out, w);
    put<std::uint8_t>(out, a.nullable ? 1 : 0);
  }
  put<std::uint32_t>(out, static_cast<std::uint32_t>(dispatch_.size()));
  for (std::uint32_t d : dispatch_) put<std::uint32_t>(out, d);
  put<std::uint32_t>(out, static_cast<std::uint32_t>(starts_.size()));
  for (std::int32_t st : starts_) put<std::int32_t>(out, st);
}

std::unique_ptr<RuleProgram> RuleProgram::read(std::string_view bytes) {
  auto p = std::unique_ptr<RuleProgram>(new RuleProgram());
  Reader r{bytes};
  p->groups_ = r.get<std::int32_t>();
  // An instruction lies in memory as it is written (op, assertion, n, x, y; no padding): the
  // table in one copy. An op out of range is refused below.
  static_assert(sizeof(Inst) == 12 && offsetof(Inst, n) == 2 && offsetof(Inst, x) == 4 &&
                    offsetof(Inst, y) == 8 && std::is_trivially_copyable_v<Inst>,
                "RuleProgram::Inst is laid out as its bytes are written");
  r.table(&p->insts_);
  r.table(&p->lit_);
  r.table(&p->mask_);
  p->sets_.resize(r.count(16));
  for (Set& set : p->sets_)
    for (std::uint64_t& w : set) w = r.get<std::uint64_t>();
  p->alts_.resize(r.count(21));
  for (Alt& a : p->alts_) {
    a.pc = r.get<std::int32_t>();
    for (std::uint64_t& w : a.first) w = r.get<std::uint64_t>();
    a.nullable = r.get<std::uint8_t>() != 0;
  }
  r.table(&p->dispatch_);
  r.table(&p->starts_);
  if (r.bad || !r.in.empty() || p->groups_ < 0 || p->insts_.empty() ||
      p->insts_.size() > static_cast<std::size_t>(kMaxInsts) || p->mask_.size() != p->lit_.size())
    return nullptr;
  // Every index an instruction holds stays inside its table.
  const auto insts = static_cast<std::int64_t>(p->insts_.size());
  const auto in = [](std::int64_t v, std::int64_t lo, std::int64_t hi) { return v >= lo && v < hi; };
  for (const Inst& i : p->insts_) {
    bool ok = true;
    switch (i.op) {
      case kLit:
        ok = i.x >= 0 && std::size_t{i.n} + static_cast<std::size_t>(i.x) <= p->lit_.size() &&
             in(i.y, 0, insts);
        break;
      case kSet:
        ok = in(i.x, 0, static_cast<std::int64_t>(p->sets_.size())) && in(i.y, 0, insts);
        break;
      case kAlt:
        ok = i.x >= 0 && std::size_t{i.n} + static_cast<std::size_t>(i.x) <= p->alts_.size() &&
             (i.y == -1 || (i.y >= 0 && static_cast<std::size_t>(i.y) + 130 <= p->dispatch_.size()));
        break;
      case kSplit:
        ok = in(i.x, 0, insts) && in(i.y, 0, insts);
        break;
      case kJmp:
        ok = in(i.x, 0, insts);
        break;
      case kStar:
      case kOpt: {  // the way in: one instruction that takes one byte
        ok = in(i.x, 0, insts) && in(i.y, 0, insts);
        const Inst* body = ok ? &p->insts_[static_cast<std::size_t>(i.x)] : nullptr;
        ok = ok && (body->op == kSet || (body->op == kLit && body->n == 1));
        break;
      }
      case kSave:
        ok = in(i.x, 0, 2 * (static_cast<std::int64_t>(p->groups_) + 1)) && in(i.y, 0, insts);
        break;
      case kAssert:
        ok = in(i.y, 0, insts);
        break;
      case kAccept:
        break;
      default:
        ok = false;
    }
    if (!ok) return nullptr;
  }
  for (const Alt& a : p->alts_)
    if (!in(a.pc, 0, insts)) return nullptr;
  for (std::uint32_t d : p->dispatch_)
    if (d > p->starts_.size()) return nullptr;
  for (std::int32_t st : p->starts_)
    if (!in(st, 0, insts)) return nullptr;
  return p;
}

}  // namespace timeline::temporal_detail
