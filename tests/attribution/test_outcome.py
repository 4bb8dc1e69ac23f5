"""How the attribution tests end: ctest reads 77 as skipped."""
import sys

SKIP = 77


def skip(reason):
    print(f"SKIP: {reason}")
    sys.exit(SKIP)


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)
