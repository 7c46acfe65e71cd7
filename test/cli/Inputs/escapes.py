"""Says whether standard input holds ANSI colour escapes: 'colour' or 'plain'."""
import sys

print("colour" if b"\x1b[" in sys.stdin.buffer.read() else "plain")
