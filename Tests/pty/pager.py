#!/usr/bin/env python3
"""A stand-in for less in drive_repl.py: reads the text cie pipes to $PAGER and reports on the terminal whether it ran
in the terminal's foreground process group (a pager outside it is stopped by SIGTTOU/SIGTTIN) how many lines it got, and the widest (in terminal columns)."""
import os, re, sys, unicodedata

text = sys.stdin.buffer.read().decode("utf-8")
tty = os.open("/dev/tty", os.O_RDWR)
foreground = os.tcgetpgrp(tty) == os.getpgrp()
def width(line):
    line = re.sub(r"\x1b\[[0-9;]*m", "", line)  # colours take no columns
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
widest = max(map(width, text.split("\n")), default=0)
os.write(tty, f"PAGER foreground={int(foreground)} lines={text.count(chr(10))} widest={widest}\r\n".encode())
