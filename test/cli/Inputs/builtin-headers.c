// Used by install.test: both headers are Clang's builtin ones, found only
// through the resource folder.
#include <stddef.h>
#include <stdatomic.h>

struct Account {
  int Owner;
  atomic_int Balance;
};

size_t BalanceOffset = offsetof(struct Account, Balance);
