#!/usr/bin/env python3
"""A stand-in for an agent CLI in Storyflow's tests.

Arguments: STATE_DIR STORY_ID STEP WORK_ORDER_FILE SYSTEM_PROMPT_FILE WORKSPACE MAX_TURNS BUDGET_USD
It plays the behaviour named in STATE_DIR/STORY_ID.json ({"modes": [...], "cost": 0.5}): the n-th
call of a story plays modes[n-1] (the last one repeats). Every call is recorded under
STATE_DIR/STORY_ID/: its arguments, working directory, environment names, stdin and work order file.
"""
import json
import os
import subprocess
import sys
import time

state, story_id, step, work_order_file = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
record_dir = os.path.join(state, story_id)
os.makedirs(record_dir, exist_ok=True)

script_file = os.path.join(state, story_id + ".json")
script = json.load(open(script_file)) if os.path.exists(script_file) else {}
modes = script.get("modes", ["valid"])
cost = script.get("cost", 0.25)

calls_file = os.path.join(record_dir, "calls.jsonl")
call = 1 + (sum(1 for _ in open(calls_file)) if os.path.exists(calls_file) else 0)
mode = modes[min(call, len(modes)) - 1]

stdin = sys.stdin.read()
with open(os.path.join(record_dir, "stdin-%d.json" % call), "w") as f:
    f.write(stdin)
with open(os.path.join(record_dir, "file-%d.json" % call), "w") as f:
    f.write(open(work_order_file).read())
with open(calls_file, "a") as f:
    f.write(json.dumps({"call": call, "mode": mode, "argv": sys.argv[1:], "cwd": os.getcwd(),
                        "pid": os.getpid(), "env": sorted(os.environ.keys())}) + "\n")

result = {"status": "done", "summary": "Feasible: one endpoint and a token table.",
          "changedFiles": [], "notes": "Call %d of %s" % (call, step)}


def envelope(**fields):
    base = {"type": "result", "subtype": "success", "is_error": False, "duration_ms": 1200,
            "num_turns": 7, "result": "", "session_id": "session-" + story_id,
            "total_cost_usd": cost}
    base.update(fields)
    return json.dumps(base)


if mode == "valid":
    print(json.dumps(result))
elif mode == "envelope":
    text = "I looked at the story.\n```json\n" + json.dumps(result) + "\n```\n"
    print(envelope(result=text))
elif mode == "structured":
    print(envelope(result="Done.", structured_output=result))
elif mode == "needs-human":
    print(json.dumps({"status": "needs_human", "summary": "The criteria contradict each other.",
                      "changedFiles": []}))
elif mode == "failed-costly":
    print(envelope(structured_output={"status": "failed", "summary": "Could not finish in time."}))
elif mode == "exit":
    print("something went wrong", file=sys.stderr)
    sys.exit(3)
elif mode == "invalid-json":
    print("Here is my result: {status: done")
elif mode == "schema":
    print(json.dumps({"status": "finished", "summary": 42}))
elif mode == "findings":
    print(json.dumps(dict(result, findings=[
        {"criterion": "ATOMIC", "severity": "WARNING", "message": "Resetting and changing the password are two features.",
         "evidence": {"field": "iWant", "text": "reset my password"}},
        {"criterion": "ESTIMABLE", "severity": "INFO", "message": "Which mail service sends the link?"},
        {"criterion": "UNAMBIGUOUS", "severity": "WARNING", "message": "How fast is fast?",
         "evidence": {"field": "acceptanceCriteria", "line": 1, "text": "sent quickly"}}])))
elif mode == "unknown-criterion":
    print(json.dumps(dict(result, findings=[
        {"criterion": "VAGUE", "severity": "WARNING", "message": "Not a criterion of the schema."}])))
elif mode == "is-error":
    print(envelope(subtype="success", is_error=True, total_cost_usd=0.1, result="API Error: overloaded"))
elif mode == "flood":
    chunk = "x" * 1023 + "\n"
    for _ in range(10 * 1024):
        sys.stdout.write(chunk)
    sys.stdout.flush()
elif mode == "slow":
    time.sleep(12)
    print(json.dumps(result))
elif mode in ("hang", "hang-once"):
    child = subprocess.Popen(["sleep", "300"])
    with open(os.path.join(record_dir, "pids-%d" % call), "w") as f:
        f.write("%d %d\n" % (os.getpid(), child.pid))
    time.sleep(300)
    print(json.dumps(result))
else:
    print("unknown mode " + mode, file=sys.stderr)
    sys.exit(2)
