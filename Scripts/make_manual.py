#!/usr/bin/env python3
"""Write cie's man page with swift-argument-parser's generate-manual, from the command definitions.

    python3 Scripts/make_manual.py CIE GENERATE_MANUAL OUT.1

generate-manual drops every non-ASCII character (its escaping keeps only ASCII), which would cut the
Chinese out of cie's examples (`show 大通`, `--weights 人才引进=2`). So the generator is given a wrapper tool
whose help dump spells each non-ASCII character as an ASCII placeholder, and the placeholders are put
back as UTF-8 in the page (man-db and mandoc read UTF-8 man pages).
"""
import os
import re
import stat
import subprocess
import sys
import tempfile

PLACEHOLDER = "XUNICODE{:X}X"
PLACEHOLDER_RE = re.compile(r"XUNICODE([0-9A-F]+)X")


def ascii_dump(cie):
    dump = subprocess.run([cie, "--experimental-dump-help"], check=True, capture_output=True, text=True).stdout
    return "".join(c if ord(c) < 128 else PLACEHOLDER.format(ord(c)) for c in dump)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.strip().splitlines()[2].strip())
    cie, generator, out = sys.argv[1:]
    with tempfile.TemporaryDirectory() as tmp:
        dump = os.path.join(tmp, "dump.json")
        with open(dump, "w", encoding="ascii") as f:
            f.write(ascii_dump(cie))
        # The generator runs `TOOL --experimental-dump-help` and names the page after TOOL.
        tool = os.path.join(tmp, "cie")
        with open(tool, "w") as f:
            f.write(f"#!/bin/sh\nexec cat '{dump}'\n")
        os.chmod(tool, stat.S_IRWXU)
        pages = os.path.join(tmp, "pages")
        os.mkdir(pages)
        subprocess.run([generator, tool, "--output-directory", pages], check=True)
        with open(os.path.join(pages, "cie.1"), encoding="ascii") as f:
            page = f.read()
    page = PLACEHOLDER_RE.sub(lambda m: chr(int(m.group(1), 16)), page)
    with open(out, "w", encoding="utf-8") as f:
        f.write(page)


if __name__ == "__main__":
    main()
