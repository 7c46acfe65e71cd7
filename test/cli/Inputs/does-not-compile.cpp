// Used by compile-error.test: 'Balance' is never declared.
#include <thread>

static int Money = 100;

static void spend() { Money = Money - 1; }

int main() {
  return Balance + (std::thread(spend).join(), Money);
}
