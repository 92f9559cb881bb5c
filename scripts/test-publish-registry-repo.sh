#!/usr/bin/env bash
# Part of make release-check: publish-registry-repo.sh, run against local
# stand-ins for the two registry repositories for two releases in a row,
# leaves at each tag what the registries read: docs/ at the root equal to
# this repository's docs/NAME (with nothing left over from the previous
# release) and the manifest.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "test-publish-registry-repo: $*" >&2; exit 1; }
export GIT_AUTHOR_NAME=release-test GIT_AUTHOR_EMAIL=release-test@invalid
export GIT_COMMITTER_NAME=release-test GIT_COMMITTER_EMAIL=release-test@invalid

for name in amplitude braze; do
  remote=$work/terraform-provider-$name.git
  # As RELEASING.md's one-time setup leaves it: a repository with a README.
  git init --quiet --bare -b main "$remote"
  git clone --quiet "$remote" "$work/setup" 2>/dev/null
  echo "# terraform-provider-$name" >"$work/setup/README.md"
  git -C "$work/setup" add README.md
  git -C "$work/setup" commit --quiet -m "Create the repository"
  git -C "$work/setup" push --quiet origin HEAD:main
  rm -rf "$work/setup"

  for tag in v0.1.0 v0.2.0; do
    checkout=$work/checkout
    git clone --quiet "$remote" "$checkout"
    "$repo/scripts/publish-registry-repo.sh" "$name" "$tag" "$checkout"
    if [[ $tag == v0.1.0 ]]; then
      # A page the next release no longer has (a resource removed since).
      echo stale >"$checkout/docs/resources/removed.md"
      git -C "$checkout" add docs && git -C "$checkout" commit --quiet -m "A removed resource" && git -C "$checkout" push --quiet origin HEAD
    fi
    rm -rf "$checkout" "$work/tree"
    mkdir "$work/tree"
    git -C "$remote" archive "$tag" | tar -x -C "$work/tree"
    diff -r "$repo/docs/$name" "$work/tree/docs" || fail "docs/ of $name at $tag differs from docs/$name"
    cmp "$repo/terraform-registry-manifest.json" "$work/tree/terraform-registry-manifest.json" || fail "the manifest of $name at $tag differs"
    echo "ok  terraform-provider-$name at $tag: docs/ is docs/$name ($(find "$work/tree/docs" -name '*.md' | wc -l) pages), manifest in place"
  done
done
