#include <thread>
int counter;
void work() { counter++; }
int main() { std::thread a(work), b(work); a.join(); b.join(); }
