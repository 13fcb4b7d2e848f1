#!/usr/bin/env python3
"""A stand-in for an agent's feasibility review in Storyflow's tests; it judges nothing.

Arguments: WORK_ORDER_FILE FAILING_STORY_ID
Reads the work order and reports one ATOMIC warning when the means (or, without one, the title)
joins words with " and " or " or ", quoting it; for FAILING_STORY_ID it prints text that is not a
result.
"""
import json
import sys

order = json.load(open(sys.argv[1]))
story = order["story"]
if story.get("storyId") == sys.argv[2]:
    print("I could not decide.")
    sys.exit(0)
field = "iWant" if story.get("iWant") else "title"
means = story.get(field, "")
findings = []
if " and " in means or " or " in means:
    findings.append({"criterion": "ATOMIC", "severity": "WARNING", "message": "Two features joined in the means.",
                     "evidence": {"field": field, "text": means[:500]}})
if order.get("step") != "feasibility" or "findings" not in order["resultSchema"]["properties"]:
    print("unexpected work order", file=sys.stderr)
    sys.exit(2)
print(json.dumps({"status": "done", "summary": "Read the story.", "changedFiles": [], "findings": findings}))
