#!/usr/bin/env python3
"""Validates policy packages' policy.yaml against Docs/policy.schema.json (what an editor would flag), and makes
sure the schema is not vacuous: a mistake in a built-in package must be flagged.

    python3 Scripts/check_schema.py Samples/*/policy.yaml Tests/CIEEndToEndTests/Fixtures/*/policy.yaml

Needs jsonschema and PyYAML (installed from PyPI when missing). Exit 1 on any problem.
"""
import copy
import json
import subprocess
import sys
from pathlib import Path

try:
    import jsonschema
    import yaml
except ImportError:
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "jsonschema", "pyyaml"], check=True)
    import jsonschema
    import yaml

ROOT = Path(__file__).resolve().parent.parent
schema = json.loads((ROOT / "Docs" / "policy.schema.json").read_text(encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

failed = False
packages = []
for path in sys.argv[1:]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    packages.append(data)
    for error in validator.iter_errors(data):
        where = "/".join(str(p) for p in error.absolute_path)
        print(f"{path}: {where}: {error.message[:300]}")
        failed = True

# The schema must reject what cie rejects: an unknown key, an unknown condition kind, a bad strength.
if packages:
    for mutate in (lambda p: p.update({"targts": []}),
                   lambda p: p["targets"][0].update({"condition": {"at_lest": "gdp", "value": 1}}),
                   lambda p: p["targets"][0].update({"strength": "must"})):
        broken = copy.deepcopy(packages[0])
        mutate(broken)
        if not list(validator.iter_errors(broken)):
            print("Docs/policy.schema.json accepts a broken package: tighten it")
            failed = True

print(f"check_schema: {len(sys.argv) - 1} packages {'have problems' if failed else 'match Docs/policy.schema.json'}")
sys.exit(1 if failed else 0)
