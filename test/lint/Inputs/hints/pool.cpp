#include <functional>
struct Pool {
  void submit(std::function<void()> fn);
};
struct Spin {
  int flag;
};
void spin_acquire(Spin *s);
void spin_release(Spin *s);
Spin spin;
int jobs_done;
int guarded;
int setup;
void init_once() { setup++; }
void job() {
  jobs_done++;
  spin_acquire(&spin);
  guarded++;
  spin_release(&spin);
  init_once();
}
int main() {
  Pool pool;
  pool.submit(job);
  pool.submit(job);
}
