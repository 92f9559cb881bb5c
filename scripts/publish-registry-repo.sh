#!/usr/bin/env bash
# publish-registry-repo.sh NAME TAG CHECKOUT: the release job's step that
# readies a provider's registry repository, ampbraze/terraform-provider-NAME,
# for release TAG. CHECKOUT is a clone of it. The registries read a
# provider's docs from the root docs/ of its repository at the release's tag,
# and this repository keeps each provider's docs in docs/NAME: the step makes
# docs/NAME the clone's docs/, copies the manifest, points its README here,
# commits, tags TAG and pushes both. goreleaser then publishes the release
# at that tag (RELEASING.md).
set -euo pipefail

[[ $# == 3 ]] || { echo "usage: $0 NAME TAG CHECKOUT" >&2; exit 2; }
name=$1 tag=$2 checkout=$3
repo=$(cd "$(dirname "$0")/.." && pwd)
[[ -f $repo/docs/$name/index.md ]] || { echo "$0: no provider docs in docs/$name" >&2; exit 1; }
# The registries take only tags of the form vMAJOR.MINOR.PATCH[-PRERELEASE].
[[ $tag =~ ^v[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]] || { echo "$0: $tag is not a vX.Y.Z tag" >&2; exit 1; }

rm -rf "$checkout/docs"
cp -R "$repo/docs/$name" "$checkout/docs"
cp "$repo/terraform-registry-manifest.json" "$checkout/"
cat >"$checkout/README.md" <<MD
# terraform-provider-$name

The \`ampbraze/$name\` provider for Terraform and OpenTofu: its releases, and its documentation
as the registries read it. The source, issues and changelog are in
[ampbraze/terraform-provider-ampbraze](https://github.com/ampbraze/terraform-provider-ampbraze),
whose release job writes this repository; do not edit it by hand.
MD

git -C "$checkout" add -A
# A release that changes no docs still gets its own commit, so that each tag
# says which release wrote it.
git -C "$checkout" commit --quiet --allow-empty -m "$name $tag: docs and manifest of the release"
git -C "$checkout" tag "$tag"
git -C "$checkout" push --quiet origin HEAD "refs/tags/$tag"
