#include <mutex>
#include <thread>
int three_count;
std::mutex three_lock;
void three_work() {
  std::lock_guard<std::mutex> guard(three_lock);
  three_count++;
}
void three() {
  std::thread a(three_work), b(three_work);
  a.join();
  b.join();
}
