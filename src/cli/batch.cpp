// The batch driver: documents flow from the loader to `jobs` worker threads and back out in
// input order. At most a small window of documents is in flight, so memory stays flat however
// long the input is.
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <ostream>
#include <thread>

#include "cli/cli.hpp"

namespace timeline::cli {
namespace {

struct Slot {
  std::optional<Document> document;
  std::optional<Error> error;
  std::string result;
  bool ok = false;
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
  auto run_one = [&](Slot* slot) {
    Error e;
    slot->ok = work(*slot->document, &slot->result, &e);
    if (!slot->ok) {
      if (e.file.empty()) e.file = slot->document->source;
      if (e.line == 0) e.line = slot->document->source_line;
      slot->error = std::move(e);
    }
  };

  if (opt.jobs <= 1) {
    for (const std::string& path : opt.inputs) {
      load_path(path, load, [&](LoadItem&& item) {
        Slot slot;
        slot.document = std::move(item.document);
        slot.error = std::move(item.error);
        if (!slot.error) run_one(&slot);
        finish(std::move(slot));
      });
    }
    return failures;
  }

  // Parallel: a queue of (sequence, slot) for the workers, a map of finished slots by sequence.
  std::mutex mu;
  std::condition_variable work_cv, done_cv;
  std::deque<std::pair<std::size_t, Slot>> queue;
  std::map<std::size_t, Slot> done;
  bool closed = false;
  const std::size_t window = static_cast<std::size_t>(opt.jobs) * 4;
  std::size_t next_seq = 0, next_emit = 0;

  std::vector<std::thread> workers;
  for (int i = 0; i < opt.jobs; ++i) {
    workers.emplace_back([&] {
      for (;;) {
        std::pair<std::size_t, Slot> job;
        {
          std::unique_lock<std::mutex> lock(mu);
          work_cv.wait(lock, [&] { return closed || !queue.empty(); });
          if (queue.empty()) return;
          job = std::move(queue.front());
          queue.pop_front();
        }
        if (!job.second.error) run_one(&job.second);
        {
          std::lock_guard<std::mutex> lock(mu);
          done.emplace(job.first, std::move(job.second));
        }
        done_cv.notify_one();
      }
    });
  }

  // Emits every finished slot that is next in order; waits while more than `limit` are in flight.
  auto drain = [&](std::size_t limit) {
    std::unique_lock<std::mutex> lock(mu);
    for (;;) {
      auto it = done.find(next_emit);
      if (it != done.end()) {
        Slot slot = std::move(it->second);
        done.erase(it);
        ++next_emit;
        lock.unlock();
        finish(std::move(slot));
        lock.lock();
        continue;
      }
      if (next_seq - next_emit <= limit) return;
      done_cv.wait(lock);
    }
  };

  for (const std::string& path : opt.inputs) {
    load_path(path, load, [&](LoadItem&& item) {
      Slot slot;
      slot.document = std::move(item.document);
      slot.error = std::move(item.error);
      {
        std::lock_guard<std::mutex> lock(mu);
        queue.emplace_back(next_seq++, std::move(slot));
      }
      work_cv.notify_one();
      drain(window);
    });
  }
  drain(0);
  {
    std::lock_guard<std::mutex> lock(mu);
    closed = true;
  }
  work_cv.notify_all();
  for (std::thread& t : workers) t.join();
  return failures;
}

}  // namespace timeline::cli
