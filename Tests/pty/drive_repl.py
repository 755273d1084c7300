#!/usr/bin/env python3
"""Drives the interactive cie REPL through a pseudo-terminal, as a user at a terminal would.

Usage: drive_repl.py CIE_BINARY SAMPLE_CSV HISTORY_FILE
Prints one line per check, "ok NAME" or "FAIL NAME: why", then the raw transcript on failure; exits 1 on any failure.
Run by Tests/CIEEndToEndTests/InteractiveTests.swift (CI has python3).
"""
import fcntl, os, pty, re, select, signal, struct, sys, termios, time

cie, sample, history = sys.argv[1:4]
env = dict(os.environ, CIE_HISTORY=history, TERM="xterm", LANG="C.UTF-8", LC_ALL="C.UTF-8", COLUMNS="120")
env.pop("NO_COLOR", None)
# Long output goes through $PAGER: a stand-in that reports what it got (Tests/pty/pager.py).
env["PAGER"] = sys.executable + " " + os.path.join(os.path.dirname(os.path.abspath(__file__)), "pager.py")
env.pop("EDITRC", None)
env["HOME"] = os.path.dirname(history)  # no ~/.editrc of the developer's

pid, fd = pty.fork()
if pid == 0:
    os.execve(cie, [cie, "--data", sample, "--policy", "qinghai"], env)
# A terminal of 24 rows and 100 columns.
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))

buffer = b""
failures = []

def read_until(needle, timeout=10.0):
    """Reads output until `needle` (bytes) appears after the mark; returns the text read."""
    global buffer
    deadline = time.time() + timeout
    while needle not in buffer:
        left = deadline - time.time()
        if left <= 0:
            return None
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return None
            if not chunk:
                return None
            buffer += chunk
    at = buffer.index(needle) + len(needle)
    text, buffer = buffer[:at], buffer[at:]
    return text

def settle(seconds=0.4):
    """Reads whatever arrives within `seconds`."""
    global buffer
    end = time.time() + seconds
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], max(0, end - time.time()))
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            buffer += chunk
    text, buffer = buffer, b""
    return text

def check(name, ok, detail=""):
    if ok:
        print("ok", name)
    else:
        print("FAIL", name + ":", detail)
        failures.append(name)

def send(s):
    os.write(fd, s.encode("utf-8"))

prompt = "cie[qinghai]> ".encode()
out = read_until(prompt)
check("prompt shows the current policy", out is not None, repr(settle()))

# Completion of a policy id: `use qing<Tab>` becomes `use qinghai `.
send("use qing\t")
echoed = settle()
# libedit redraws only what changed: the rest of the word appears after the cursor.
check("Tab completes a policy id", b"hai " in echoed, repr(echoed))
send("\r")
out = read_until(prompt)
check("use runs", out is not None and "当前政策".encode() in out, repr(out))

# Completion of a Chinese region name: `check 大通<Tab>` becomes the full name.
send("check 大通\t")
echoed = settle()
check("Tab completes a Chinese region name", "回族土族自治县".encode() in echoed, repr(echoed.decode("utf-8", "replace")))
send(" --target QH-06\r")
out = read_until(prompt)
check("check answers for the completed region", out is not None and b"QH-06" in out and "达标".encode() in out,
      repr(out and out.decode("utf-8", "replace")))

# Several candidates are listed.
send("ran\t")
echoed = settle()
check("a unique command word completes", b"k " in echoed, repr(echoed))
send("\x15")  # Ctrl-U clears the line
settle()

# History recall with Up (ESC [ A).
send("\x1b[A")
echoed = settle()
check("Up recalls the last command", b"--target QH-06" in echoed, repr(echoed.decode("utf-8", "replace")))
send("\x15")
settle()

# Ctrl-C on a half-typed line abandons it and the REPL stays.
send("check 城东")
settle()
os.kill(pid, 0)
send("\x03")
out = read_until(prompt, timeout=5)
check("Ctrl-C abandons the line and prompts again", out is not None, repr(settle()))
send("explain QH-06\r")
out = read_until(prompt)
check("the REPL still runs after Ctrl-C", out is not None and "具备基本科学素质".encode() in out, repr(out))

# Ctrl-C while a command runs stops it: a long load is abandoned, nothing is loaded, and the REPL stays.
big = os.path.join(os.path.dirname(history), "big.csv")
with open(big, "w") as f:
    f.write("region,year,indicator,value\n")
    for year in range(1950, 2100):
        for k in range(1500):
            f.write(f"630102,{year},custom_{k},{k}\n")
send(f"load {big}\r")
settle(0.3)
send("\x03")  # Ctrl-C: the terminal sends SIGINT to the running cie
out = read_until(prompt, timeout=30)
check("Ctrl-C interrupts a running load", out is not None and "载入已中断".encode() in out,
      repr(out and out.decode("utf-8", "replace")))
send("show 630102 custom_1\r")
out = read_until(prompt)
check("the interrupted load loaded nothing", out is not None and "未知的指标".encode() in out,
      repr(out and out.decode("utf-8", "replace")))

# A long result (the whole check, 400-odd rows) goes through the pager, which runs in the terminal's foreground group
# (else less is stopped and the REPL hangs), and every line fits the 100 columns.
send("check\r")
out = read_until(prompt)
paged = re.search(rb"PAGER foreground=(\d) lines=(\d+) widest=(\d+)", out or b"")
check("long output goes through the pager, in the foreground",
      paged is not None and paged.group(1) == b"1" and int(paged.group(2)) > 300, repr(out and out[-300:]))
check("tables fit the terminal width", paged is not None and int(paged.group(3)) < 100, repr(paged and paged.group(0)))
send("explain QH-06\r")
out = read_until(prompt)
check("short output is printed, not paged", out is not None and b"PAGER" not in out and "强度".encode() in out, repr(out))


# Chinese text aligns: rank prints a table.
send("rank science_literacy_rate --top 5\r")
out = read_until(prompt)
check("rank answers", out is not None and "名次".encode() in out, repr(out))

# Ctrl-D on an empty line leaves. Give libedit a moment to put the terminal in raw mode after the prompt: a ^D that
# reaches the terminal still in cooked mode is the line discipline's end-of-file, not a key (no person types that fast).
settle(0.3)
send("\x04")
status = None
deadline = time.time() + 10
while time.time() < deadline:
    done, st = os.waitpid(pid, os.WNOHANG)
    if done:
        status = st
        break
    settle(0.1)
# Two commands failed in this session (the interrupted load, the unknown indicator): the exit code says so.
check("Ctrl-D leaves, exit 1", status is not None and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 1, repr(status))
if status is None:
    os.kill(pid, signal.SIGKILL)

# History was saved after each command.
try:
    # libedit's history file encodes spaces as \040 (strvis).
    saved = open(history, encoding="utf-8", errors="replace").read().replace("\\040", " ")
except OSError as e:
    saved = str(e)
check("history was saved, with the completed words",
      "explain QH-06" in saved and "use qinghai" in saved and "check 大通回族土族自治县" in saved, repr(saved[:300]))

# A new session starts with the saved history: Up recalls the last command of the previous one.
pid, fd = pty.fork()
if pid == 0:
    os.execve(cie, [cie], env)
out = read_until(b"cie> ")
send("\x1b[A")
echoed = settle()
check("history survives a restart", b"rank science_literacy_rate" in echoed, repr(echoed))
send("\x15quit\r")
deadline = time.time() + 10
while time.time() < deadline and os.waitpid(pid, os.WNOHANG)[0] == 0:
    settle(0.1)

sys.exit(1 if failures else 0)
