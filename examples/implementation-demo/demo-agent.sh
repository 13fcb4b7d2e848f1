#!/usr/bin/env bash
# The demo's scripted test agent. It does what a coding agent (or a developer) does for story
# US-201 "Reset links expire after 30 minutes": clones the story's repository, checks out the
# story branch Storyflow created when it planned the story, makes a real change with a real test,
# commits and pushes. It never runs the tests itself: Storyflow's gates do that.
#
#   examples/implementation-demo/demo-agent.sh REPOSITORY STORY_ID [fixed|broken]
#
# "broken" writes a first attempt whose new test fails (links stay valid for 30 hours).
set -euo pipefail
repository=$1
story=$2
variant=${3:-fixed}
here=$(cd "$(dirname "$0")" && pwd)
clone=$(mktemp -d)
trap 'rm -rf "$clone"' EXIT

git clone --quiet "$repository" "$clone"
cd "$clone"
git checkout --quiet "story/$story"
cp "$here/agent-change/$variant/ResetTokens.java" src/main/java/dev/example/reset/ResetTokens.java
cp "$here/agent-change/$variant/ResetTokensTest.java" src/test/java/dev/example/reset/ResetTokensTest.java
git add -A
git -c user.name="Demo agent" -c user.email="demo-agent@example.org" commit --quiet \
  -m "Reset links expire after 30 minutes ($variant attempt)"
git push --quiet origin "story/$story"
echo "demo agent: pushed $(git rev-parse --short HEAD) to story/$story ($variant)"
