#include <mutex>
#include <thread>
int counter;
std::mutex counter_lock;
void work() {
  std::lock_guard<std::mutex> guard(counter_lock);
  counter++;
}
int main() { std::thread a(work), b(work); a.join(); b.join(); }
