// Included by both TUs: its race is found in each and reported once.
#include <thread>
inline int shared_hits;
inline void shared_hit() { shared_hits++; }
inline void run_shared() {
  std::thread a(shared_hit), b(shared_hit);
  a.join();
  b.join();
}
