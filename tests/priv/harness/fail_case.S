/* A user-level test whose case 7 fails: the bare machine must exit with status 7 (the harness
 * test checks it, so a broken exit path cannot pass every test silently). */
#include "test_macros.h"

TEST_BEGIN
    TEST_CASE(1)
    li a0, 1
    CHECK_EQ(a0, 1)
    TEST_CASE(7)
    CHECK_EQ(a0, 2)
TEST_END
