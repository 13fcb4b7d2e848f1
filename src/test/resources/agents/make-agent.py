#!/usr/bin/env python3
"""A scripted backend engineer for the implementation gates: it writes subtraction into the
make-based calculator fixture of the workspace tests, in its working directory (the story's
workspace). The first time it gets it wrong; when the work order shows that the checks failed on
an earlier run, it reads the report and fixes the code, unless the story's title asks for a
stubborn agent. It leaves committing to Storyflow."""
import json
import pathlib
import sys

order = json.load(open(sys.argv[1], encoding="utf-8"))
failed = [r for r in order.get("earlierRuns", []) if r.get("outcome") == "CHECKS_FAILED"]
stubborn = "stubborn" in order["story"]["title"].lower()
fix = bool(failed) and not stubborn

calc = "add() { echo $(($1 + $2)); }\n"
calc += "sub() { echo $(($1 - $2)); }\n" if fix else "sub() { echo $(($1 + $2)); }\n"
tests = "test_add() { assert_eq \"$(add 2 3)\" 5; }\ntest_sub() { assert_eq \"$(sub 5 3)\" 2; }\n"
pathlib.Path("src/calc.sh").write_text(calc)
pathlib.Path("tests/test_calc.sh").write_text(tests)

summary = "Added subtraction with its test"
if failed:
    summary += "; fixed after the checks said: " + failed[-1].get("reason", "")[:300]
print(json.dumps({"status": "done", "summary": summary,
                  "changedFiles": ["src/calc.sh", "tests/test_calc.sh"]}))
