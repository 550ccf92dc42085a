// The batch driver: documents flow from the loader to `jobs` worker threads and back out in
// input order.
//
// Shape: the calling thread reads documents (load_path streams them one at a time) and places
// each in a ring of `window` slots, tagged with its sequence number. Workers take the oldest
// untaken slot, run `work` on it outside the lock, and mark it done. The calling thread hands
// finished slots to `emit` strictly in sequence order, as soon as the next one in order is done.
// At most `window` documents are in flight, so memory stays flat however long the input is; a
// slow document at the head of the ring holds back emission (never the order), and the other
// workers keep going until the ring is full.
//
// Failures: a document that fails to load, or whose `work` returns false or throws, becomes one
// "file:line: message" line on `err` in its place in the order, and the batch goes on. If `emit`
// or the loader throws, the workers are stopped and joined before the exception leaves.
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <ostream>
#include <thread>
#include <utility>
#include <vector>

#include "cli/cli.hpp"

namespace timeline::cli {
namespace {

struct Slot {
  std::optional<Document> document;
  std::optional<Error> error;
  std::string result;
  bool done = false;
};

// Runs `work` on the slot's document (unless loading failed) and records a failure as an Error
// that names the document's place. An exception from `work` fails that document only.
void run_one(const WorkFn& work, Slot* slot) {
  if (slot->error) return;
  Error e;
  bool ok = false;
  try {
    ok = work(*slot->document, &slot->result, &e);
  } catch (const std::exception& ex) {
    e = Error{};
    e.message = std::string("internal error: ") + ex.what();
  } catch (...) {
    e = Error{};
    e.message = "internal error: unknown exception";
  }
  if (ok) return;
  if (e.file.empty()) e.file = slot->document->source;
  if (e.line == 0) e.line = slot->document->source_line;
  if (e.message.empty()) e.message = "processing failed";
  slot->error = std::move(e);
  slot->result.clear();
}

// The ordered worker pool. push() and drain() are called from one thread only (the caller of
// run_batch); workers touch a slot only between taking it and marking it done, and the caller
// touches it only before pushing and after it is done, so slot contents need no lock.
class OrderedPool {
 public:
  using Finish = std::function<void(Slot&&)>;

  OrderedPool(int jobs, const WorkFn& work, Finish finish)
      : work_(work), finish_(std::move(finish)),
        ring_(static_cast<std::size_t>(jobs) * 4 < 16 ? 16 : static_cast<std::size_t>(jobs) * 4) {
    workers_.reserve(static_cast<std::size_t>(jobs));
    try {
      for (int i = 0; i < jobs; ++i) workers_.emplace_back([this] { worker(); });
    } catch (...) {
      stop();
      throw;
    }
  }
  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;
  ~OrderedPool() { stop(); }

  // Queues one document; first emits what is ready. When the ring is full it waits until half
  // of it is done and emitted (not for one slot at a time: each wait is a sleep and a wake-up,
  // and the workers have the other half to go on with meanwhile).
  void push(Slot&& slot) {
    std::unique_lock<std::mutex> lock(mu_);
    const bool full = next_seq_ - next_emit_ >= ring_.size() - 1;
    emit_ready(lock, full ? ring_.size() / 2 : ring_.size() - 1);
    Slot& s = ring_[next_seq_ % ring_.size()];
    s = std::move(slot);
    s.done = false;
    ++next_seq_;
    const bool wake = idle_workers_ > 0;
    lock.unlock();
    if (wake) work_cv_.notify_one();  // a busy worker takes it when it is done
  }

  // Emits everything, waiting for the workers to finish it.
  void drain() {
    std::unique_lock<std::mutex> lock(mu_);
    emit_ready(lock, 0);
  }

 private:
  // Emits finished slots in order; returns once at most `limit` documents are in flight.
  void emit_ready(std::unique_lock<std::mutex>& lock, std::size_t limit) {
    for (;;) {
      while (next_emit_ < ready_end_) {
        Slot& head = ring_[next_emit_ % ring_.size()];
        Slot out = std::move(head);
        head = Slot{};
        ++next_emit_;
        lock.unlock();
        finish_(std::move(out));
        lock.lock();
      }
      if (next_seq_ - next_emit_ <= limit) return;
      wait_for_ = next_seq_ - limit;  // woken once the documents before this one are all done
      emitter_waiting_ = true;
      done_cv_.wait(lock, [&] { return ready_end_ >= wait_for_; });
      emitter_waiting_ = false;
    }
  }

  void worker() {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      if (!stopping_ && next_take_ >= next_seq_) {
        ++idle_workers_;
        work_cv_.wait(lock, [this] { return stopping_ || next_take_ < next_seq_; });
        --idle_workers_;
      }
      if (stopping_) return;
      Slot& slot = ring_[next_take_ % ring_.size()];
      const std::size_t seq = next_take_++;
      lock.unlock();
      run_one(work_, &slot);
      lock.lock();
      slot.done = true;
      if (seq == ready_end_)
        while (ready_end_ < next_take_ && ring_[ready_end_ % ring_.size()].done) ++ready_end_;
      if (emitter_waiting_ && ready_end_ >= wait_for_) done_cv_.notify_one();
    }
  }

  void stop() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    work_cv_.notify_all();
    for (std::thread& t : workers_)
      if (t.joinable()) t.join();
  }

  const WorkFn& work_;
  Finish finish_;
  std::vector<Slot> ring_;
  std::vector<std::thread> workers_;
  std::mutex mu_;
  std::condition_variable work_cv_, done_cv_;
  std::size_t next_seq_ = 0;   // sequence number of the next pushed document
  std::size_t next_take_ = 0;  // the next one a worker takes
  std::size_t next_emit_ = 0;  // the next one handed to `finish`
  std::size_t ready_end_ = 0;  // the first one not done (all before it are done)
  std::size_t wait_for_ = 0;   // the emitter waits until ready_end_ reaches this
  bool stopping_ = false;
  // Waking a thread costs a system call: only the ones that sleep are woken.
  int idle_workers_ = 0;          // workers waiting for a document
  bool emitter_waiting_ = false;  // the caller waits for the head of the ring
};

}  // namespace

int run_batch(const Options& opt, const LoadOptions& load, const WorkFn& work, const EmitFn& emit,
              std::ostream& err) {
  int failures = 0;
  auto finish = [&](Slot&& slot) {
    if (slot.error) {
      err << slot.error->str() << "\n";
      ++failures;
      return;
    }
    emit(BatchItem{std::move(*slot.document), std::move(slot.result)});
  };
  auto to_slot = [](LoadItem&& item) {
    Slot slot;
    slot.document = std::move(item.document);
    slot.error = std::move(item.error);
    if (!slot.document && !slot.error) slot.error = Error{"", 0, 0, "loader produced nothing"};
    return slot;
  };

  if (opt.jobs <= 1) {
    for (const std::string& path : opt.inputs) {
      load_path(path, load, [&](LoadItem&& item) {
        Slot slot = to_slot(std::move(item));
        run_one(work, &slot);
        finish(std::move(slot));
      });
    }
    return failures;
  }

  OrderedPool pool(opt.jobs, work, finish);
  for (const std::string& path : opt.inputs)
    load_path(path, load, [&](LoadItem&& item) { pool.push(to_slot(std::move(item))); });
  pool.drain();
  return failures;
}

}  // namespace timeline::cli
