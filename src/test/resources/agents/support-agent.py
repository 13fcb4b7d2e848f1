#!/usr/bin/env python3
"""A scripted backend engineer helping QA: QA reports that the calculator cannot multiply, the
agent reproduces it by reading the work order, adds multiplication with its test in the story's
workspace (its working directory) and leaves committing to Storyflow, whose gates then check it."""
import json
import pathlib
import sys

order = json.load(open(sys.argv[1], encoding="utf-8"))
calc = pathlib.Path("src/calc.sh")
tests = pathlib.Path("tests/test_calc.sh")
calc.write_text(calc.read_text() + "mul() { echo $(($1 * $2)); }\n")
tests.write_text(tests.read_text() + "test_mul() { assert_eq \"$(mul 4 3)\" 12; }\n")
print(json.dumps({"status": "done",
                  "summary": "QA's call to mul failed: the function was missing. Added mul with a test.",
                  "changedFiles": ["src/calc.sh", "tests/test_calc.sh"],
                  "notes": "step=" + order.get("step", "")}))
