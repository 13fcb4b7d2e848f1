#!/usr/bin/env python3
"""Starts an example story and walks it to Done, completing every open task as the demo user
of the task's group, the way the team would in Tasklist. Uses only the standard library.

    python3 examples/walk-story.py examples/stories/password-reset.json [--base http://localhost:8080]
        [--rework-from Task_CodeReview --rework-to IN_PROGRESS]
"""
import argparse
import base64
import json
import sys
import time
import urllib.error
import urllib.request

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


def decision(task_key, args, reworked):
    if task_key == args.rework_from and not reworked:
        return {"approved": {"value": False}, "comment": {"value": "Please rework this"},
                "reworkTo": {"value": args.rework_to}}
    if task_key == "Task_PlanIntoSprint":
        return {"priority": {"value": "HIGH"}, "storyPoints": {"value": 3, "type": "Integer"},
                "sprint": {"value": "Sprint 1"}}
    if task_key in ("Task_FrontendImplement", "Task_BackendEngineerFallback", "Task_ReviseStory"):
        return {"comment": {"value": "Done"}}
    return {"approved": {"value": True}, "comment": {"value": "Looks good"}}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("story")
    parser.add_argument("--base", default="http://localhost:8080")
    parser.add_argument("--rework-from")
    parser.add_argument("--rework-to", default="IN_PROGRESS")
    args = parser.parse_args()

    story = json.load(open(args.story))
    status, body = call(args.base, "po", "POST", "/api/stories", story)
    print(f"POST /api/stories -> {status}")
    if status != 201:
        sys.exit(body)
    story_id = story["storyId"]
    reworked = False
    for _ in range(300):
        _, view = call(args.base, "admin", "GET", f"/api/stories/{story_id}")
        if view["status"] == "DONE":
            for entry in view["history"]:
                print(f"  {entry['enteredAt']}  {entry['status']:<20} by {entry['by']}  {entry['comment'] or ''}")
            print(f"{story_id} is DONE")
            return
        for task in view["openTasks"]:
            user = USERS[task["candidateGroups"][0]]
            variables = decision(task["taskDefinitionKey"], args, reworked)
            reworked = reworked or task["taskDefinitionKey"] == args.rework_from
            status, body = call(args.base, user, "POST", f"/engine-rest/task/{task['id']}/complete",
                                {"variables": variables})
            print(f"[{view['status']}] {task['taskDefinitionKey']} completed by {user} -> {status}")
            if status != 204:
                sys.exit(body)
        time.sleep(0.5)
    sys.exit(f"{story_id} did not reach DONE")


if __name__ == "__main__":
    main()
