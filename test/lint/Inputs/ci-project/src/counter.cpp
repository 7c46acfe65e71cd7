#include <thread>
int counter;
void work() { counter++; }
void report();
int main() {
  std::thread a(work), b(work);
  a.join();
  b.join();
  report();
}
