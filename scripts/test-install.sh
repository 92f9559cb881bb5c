#!/usr/bin/env bash
# make test-install: install both providers the way a user without registry
# access does, from the release artifacts, and use them.
#
# Builds a snapshot release of each provider for this platform from the
# goreleaser configuration, signed with a throwaway key, and checks what a
# GitHub release would hold: the zip, SHA256SUMS (every line verified), its
# signature and the manifest. Then runs the README's install block in the
# download folder and uses the README's CLI configuration (both read from
# README.md, so the README cannot drift from what is tested), and with
# Terraform and with OpenTofu inits examples/complete from the filesystem
# mirror (the lock file must hold the providers' hashes), applies it against a
# sandbox and plans again: no changes.
set -euo pipefail

: "${GORELEASER:?set by make}" "${TERRAFORM:?set by make}" "${TOFU:?set by make}"
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
# shellcheck source=scripts/lib.sh
source "$repo/scripts/lib.sh"
export GNUPGHOME="$work/gnupg"
cleanup() {
  stop_sandbox
  gpgconf --kill gpg-agent 2>/dev/null || true # the agent gpg started for the throwaway key
  rm -rf "$work"
}
trap cleanup EXIT
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
fail() { echo "test-install: $*" >&2; exit 1; }

# readme_block TEXT: the fenced block that follows the README comment holding
# TEXT.
readme_block() {
  awk -v marker="$1" '
    index($0, "<!--") && index($0, marker) { found = 1; next }
    found && /^```/ { if (inside) exit; inside = 1; next }
    inside { print }
  ' "$repo/README.md"
}

goos=$(go env GOOS) goarch=$(go env GOARCH)
platform=${goos}_${goarch}
downloads=$work/downloads mirror=$work/mirror
mkdir -p "$downloads"

step "a throwaway signing key"
mkdir -m 700 "$GNUPGHOME"
gpg --batch --quiet --passphrase '' --quick-gen-key 'ampbraze release test <release-test@invalid>' rsa3072 sign never 2>/dev/null
GPG_FINGERPRINT=$(gpg --list-secret-keys --with-colons 2>/dev/null | awk -F: '$1 == "fpr" { print $10; exit }')
export GPG_FINGERPRINT
echo "key $GPG_FINGERPRINT"

version=
for name in amplitude braze; do
  step "a signed snapshot release of $name for $platform"
  config=$work/goreleaser.$name.yml dist=$work/dist/$name
  # The release configuration with its targets narrowed to this platform and
  # its dist/ moved here, one per provider (goreleaser takes dist as written,
  # with no template); nothing else may differ.
  sed -e "s/^    goos: .*/    goos: [$goos]/" -e "s/^    goarch: .*/    goarch: [$goarch]/" -e "s#^dist: .*#dist: $dist#" \
    "$repo/.goreleaser.yml" >"$config"
  changed=$(diff "$repo/.goreleaser.yml" "$config" | grep -c '^>' || true)
  [[ $changed == 3 ]] || fail "narrowing .goreleaser.yml to this platform changed $changed lines, want 3 (goos, goarch, dist)"
  # --skip=before: the release's hook, go mod tidy, would edit this checkout.
  (cd "$repo" && PROVIDER=$name "$GORELEASER" release --snapshot --clean --skip=before --config "$config") >"$work/goreleaser-$name.log" 2>&1 ||
    { cat "$work/goreleaser-$name.log"; fail "goreleaser release --snapshot failed for $name"; }
  this_version=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["version"])' "$dist/metadata.json")
  [[ -z $version || $this_version == "$version" ]] || fail "the snapshots' versions differ: $version and $this_version"
  version=$this_version
  [[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "snapshot version $version is not plain: Terraform would not select it"

  # What the provider's GitHub release holds for this platform: goreleaser
  # uploads the manifest from the repository's root under the release's name.
  prefix=terraform-provider-${name}_${version}
  cp "$dist/${prefix}_${platform}.zip" "$dist/${prefix}_SHA256SUMS" "$dist/${prefix}_SHA256SUMS.sig" "$downloads/"
  cp "$repo/terraform-registry-manifest.json" "$downloads/${prefix}_manifest.json"

  step "the release files of $name"
  listed=$(awk '{ print $2 }' "$downloads/${prefix}_SHA256SUMS" | sort)
  want=$(printf '%s\n' "${prefix}_${platform}.zip" "${prefix}_manifest.json" | sort)
  [[ $listed == "$want" ]] || fail "${prefix}_SHA256SUMS lists $(echo $listed); want the zip and the manifest"
  (cd "$downloads" && sha256sum --check --strict "${prefix}_SHA256SUMS") || fail "a checksum in ${prefix}_SHA256SUMS does not match"
  gpg --verify "$downloads/${prefix}_SHA256SUMS.sig" "$downloads/${prefix}_SHA256SUMS" 2>"$work/verify.log" ||
    { cat "$work/verify.log"; fail "the signature of ${prefix}_SHA256SUMS does not verify"; }
  echo "ok  the signature of ${prefix}_SHA256SUMS verifies"
  python3 - "$downloads/${prefix}_manifest.json" <<'PY' || fail "the manifest does not declare protocol 6.0"
import json, sys
assert json.load(open(sys.argv[1]))["metadata"]["protocol_versions"] == ["6.0"]
PY
  contents=$(unzip -Z1 "$downloads/${prefix}_${platform}.zip")
  [[ $contents == "terraform-provider-${name}_v${version}" ]] || fail "${prefix}_${platform}.zip holds $(echo $contents); want the binary alone"
  echo "ok  the zip holds terraform-provider-${name}_v${version} alone; the manifest declares protocol 6.0"
done

step "the README's install block: check the files, fill the mirror"
install_block=$(readme_block 'scripts/test-install.sh runs this block')
[[ $(head -n 3 <<<"$install_block" | cut -d= -f1 | tr '\n' ' ') == "version platform mirror " ]] ||
  fail "the README's install block must set version, platform and mirror on its first three lines"
(cd "$downloads" && version=$version platform=$platform mirror=$mirror bash -euo pipefail -c "$(tail -n +4 <<<"$install_block")") ||
  fail "the README's install block failed"
for host in registry.terraform.io registry.opentofu.org; do
  for name in amplitude braze; do
    [[ -x $mirror/$host/ampbraze/$name/$version/$platform/terraform-provider-${name}_v${version} ]] ||
      fail "the mirror lacks $host/ampbraze/$name/$version/$platform/terraform-provider-${name}_v${version}"
  done
done
echo "ok  $(find "$mirror" -type f | wc -l) providers in the mirror"

# The README's CLI configuration, pointed at this mirror.
readme_block 'scripts/test-install.sh uses this block' >"$work/readme.tfrc"
[[ $(grep -c '"/opt/terraform/providers"' "$work/readme.tfrc") == 1 ]] || fail "the README's CLI configuration must name its mirror path once"
grep -q filesystem_mirror "$work/readme.tfrc" || fail "the README's CLI configuration has no filesystem_mirror"
! grep -q dev_overrides "$work/readme.tfrc" || fail "the README's CLI configuration must not use dev_overrides"
sed "s#\"/opt/terraform/providers\"#\"$mirror\"#" "$work/readme.tfrc" >"$work/cli.tfrc"
export TF_CLI_CONFIG_FILE=$work/cli.tfrc

mkdir -p "$work/bin"
start_sandbox "$work/bin" "$work/sandbox.log"

for cli in "$TERRAFORM" "$TOFU"; do
  label=$(basename "$cli") host=registry.terraform.io
  [[ $("$cli" version) == OpenTofu* ]] && host=registry.opentofu.org
  step "$label: init examples/complete from the mirror, apply, plan again"
  curl -fsS -X POST "$SANDBOX_URL/_sandbox/reset" >/dev/null
  cp -r "$repo/examples" "$work/$label"
  complete=$work/$label/complete
  sandbox_tfvars "$complete/sandbox.tfvars.example" "$complete/terraform.tfvars"

  "$cli" -chdir="$complete" init -input=false -no-color >"$work/init.log" 2>&1 || { cat "$work/init.log"; fail "$label init failed"; }
  for name in amplitude braze; do
    grep -q "Installed ampbraze/$name v$version" "$work/init.log" || { cat "$work/init.log"; fail "$label init did not install ampbraze/$name v$version"; }
    [[ -e $complete/.terraform/providers/$host/ampbraze/$name/$version/$platform/terraform-provider-${name}_v${version} ]] ||
      fail "$label did not install $host/ampbraze/$name $version from the mirror"
  done
  python3 - "$complete/.terraform.lock.hcl" "$host" "$version" <<'PY' || fail "$label wrote no usable .terraform.lock.hcl"
import re, sys
path, host, version = sys.argv[1:]
blocks = dict(re.findall(r'^provider "([^"]+)" \{\n(.*?)^\}', open(path).read(), re.S | re.M))
for name in ("amplitude", "braze"):
    body = blocks.get(f"{host}/ampbraze/{name}")
    assert body, f"no entry for {host}/ampbraze/{name}"
    assert f'version = "{version}"' in body, f"{name}: not version {version}"
    hashes = re.findall(r'"(h1:[A-Za-z0-9+/=]+)"', body)
    assert hashes, f"{name}: no h1: hash"
    print(f"ok  .terraform.lock.hcl: {host}/ampbraze/{name} {version}, {hashes[0]}")
PY

  "$cli" -chdir="$complete" apply -auto-approve -input=false -no-color >"$work/apply.log" 2>&1 || { cat "$work/apply.log"; fail "$label apply failed"; }
  grep 'Apply complete' "$work/apply.log"
  set +e
  "$cli" -chdir="$complete" plan -detailed-exitcode -input=false -no-color >"$work/plan.log" 2>&1
  code=$?
  set -e
  [[ $code == 0 ]] || { cat "$work/plan.log"; fail "$label plan after apply exited $code, want 0 (no changes)"; }
  echo "ok  $label: a second plan has no changes"
done

check_contract "$work/sandbox.log" || fail "the sandbox saw traffic off the contract in api/"
step "install from the release artifacts: all checks passed"
