#include <thread>
int counter;
void work() { undeclared++; }
int main() { std::thread a(work), b(work); a.join(); b.join(); }
