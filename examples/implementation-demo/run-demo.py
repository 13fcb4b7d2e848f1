#!/usr/bin/env python3
"""Walks one story from Planned in Sprint to Code review on a real git repository, against a
running Storyflow (mvn spring-boot:run), with the standard library only:

  1. turns sample-service/ into a git repository (branch main) on this machine;
  2. starts story US-201 with that repository and takes it through Draft and Backlog as the
     demo users (the feasibility review is done by hand when no builtin exists for it);
  3. Storyflow's builtin backend engineer plans the story and pushes branch story/US-201;
  4. Task_Implement finds no work on the branch and asks for a human backend engineer;
  5. the scripted demo agent (demo-agent.sh) plays that human: it pushes a real change with a real
     test to the story branch, and the script completes Task_BackendEngineerFallback via REST;
  6. Storyflow's gates build the branch with Maven, read the JUnit XML and JaCoCo reports, and
     the story reaches Code review (with --show-failure the first attempt's test fails first, and
     the story comes back to the fallback task with the failing test's name).

    python3 examples/implementation-demo/run-demo.py [--base http://localhost:8080]
        [--repository /tmp/storyflow-demo/reset-service] [--story-id US-201] [--show-failure]

The external command agent is not used here: the demo agent stands in for the human fallback.
"""
import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
USERS = {"product-owner": "po", "system-architect": "architect", "security-expert": "security",
         "frontend-engineer": "frontend", "backend-engineer": "backend", "code-reviewer": "reviewer",
         "qa-engineer": "qa", "devops-engineer": "devops", "business-owner": "business"}


def call(base, user, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("Authorization", "Basic " + base64.b64encode(f"{user}:demo".encode()).decode())
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request) as response:
            text = response.read().decode()
            return response.status, json.loads(text) if text else None
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def make_repository(path):
    """The sample service as a team's git repository, on branch main."""
    if os.path.exists(path):
        shutil.rmtree(path)
    shutil.copytree(os.path.join(HERE, "sample-service"), path)
    for command in (["git", "init", "--quiet", "--initial-branch=main"], ["git", "add", "-A"],
                    ["git", "-c", "user.name=Dana Developer", "-c", "user.email=dana@example.org",
                     "commit", "--quiet", "-m", "Password reset service"]):
        subprocess.run(command, cwd=path, check=True)
    print(f"repository {path} (branch main)")


def task_variable(base, user, task_id, name):
    status, body = call(base, user, "GET", f"/engine-rest/task/{task_id}/variables/{name}")
    return body.get("value") if status == 200 else None


def show_plan(plan):
    print(f"\nimplementationPlan: {plan.get('summary')}")
    repository = plan.get("repository") or {}
    print(f"  repository: build {repository.get('buildTools')}, tests in {repository.get('testFolders')},"
          f" frameworks {repository.get('testFrameworks')}")
    for step in plan.get("steps", []):
        print(f"  - {step}")
    for risk in plan.get("risks", []):
        print(f"  risk: {risk}")


def show_implementation(implementation):
    print(f"\nimplementation: {implementation.get('summary')}")
    for gate in implementation.get("gates", []):
        print(f"  {gate['result']:<8} {gate['gate']:<9} {gate['detail']}")
    for commit in implementation.get("commits", []):
        print(f"  commit {commit['shortId']} {commit['message']} ({commit['author']})")


def decision(task_key):
    if task_key == "Task_PlanIntoSprint":
        return {"priority": {"value": "HIGH"}, "storyPoints": {"value": 2, "type": "Integer"},
                "sprint": {"value": "Sprint 1"}}
    return {"approved": {"value": True}, "comment": {"value": "Looks good"}}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://localhost:8080")
    parser.add_argument("--repository", default="/tmp/storyflow-demo/reset-service")
    parser.add_argument("--story-id", default="US-201")
    parser.add_argument("--show-failure", action="store_true",
                        help="the demo agent's first attempt has a failing test")
    parser.add_argument("--timeout", type=int, default=900, help="seconds to wait for Code review")
    args = parser.parse_args()

    repository = os.path.abspath(args.repository)
    make_repository(repository)
    story = json.load(open(os.path.join(HERE, "story.json")))
    story["storyId"] = args.story_id
    story["repository"] = repository
    status, body = call(args.base, "po", "POST", "/api/stories", story)
    print(f"POST /api/stories {args.story_id} -> {status}")
    if status != 201:
        sys.exit(f"{body}\n(use --story-id for another id if {args.story_id} was started before: story ids are never reused)")

    attempts = ["broken", "fixed"] if args.show_failure else ["fixed"]
    plan_shown = False
    deadline = time.time() + args.timeout
    while time.time() < deadline:
        _, view = call(args.base, "admin", "GET", f"/api/stories/{args.story_id}")
        if view.get("implementationPlan") and not plan_shown:
            show_plan(view["implementationPlan"])
            plan_shown = True
        keys = [t["taskDefinitionKey"] for t in view["openTasks"]]
        if "Task_CodeReview" in keys:
            show_implementation(view["implementation"])
            print(f"\n{args.story_id} is in {view['statusLabel']}: the reviewer sees branch, commits, diff"
                  f" and gates in Tasklist (user reviewer / demo)")
            return
        for task in view["openTasks"]:
            key = task["taskDefinitionKey"]
            user = USERS[task["candidateGroups"][0]]
            variables = decision(key)
            if key == "Task_BackendEngineerFallback":
                step = task_variable(args.base, user, task["id"], "fallbackStep")
                reason = task_variable(args.base, user, task["id"], "fallbackReason")
                print(f"\n[{view['status']}] Task_BackendEngineerFallback ({step}):\n  "
                      + (reason or "").replace("\n", "\n  "))
                if step is None:
                    sys.exit("cannot read the fallback task's variables as " + user)
                if step == "implement":
                    if not attempts:
                        sys.exit("the demo agent has no more attempts")
                    subprocess.run([os.path.join(HERE, "demo-agent.sh"), repository, args.story_id, attempts.pop(0)],
                                   check=True)
                variables = {"comment": {"value": f"Done by hand ({step})"}}
            status, body = call(args.base, user, "POST", f"/engine-rest/task/{task['id']}/complete",
                                {"variables": variables})
            print(f"[{view['status']}] {key} completed by {user} -> {status}")
            if status != 204:
                sys.exit(body)
        time.sleep(1)
    sys.exit(f"{args.story_id} did not reach Code review in {args.timeout} s")


if __name__ == "__main__":
    main()
