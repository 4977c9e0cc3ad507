#!/usr/bin/env bash
# Runs the determinism scenario natively (x64) and as a linux-arm64 self-contained publish under
# qemu-aarch64-static, and fails unless the two SHA-256 hashes are equal (issue 5).
# Needs (Debian 12): qemu-user-static, and the arm64 runtime libraries via multiarch:
#   dpkg --add-architecture arm64 && apt-get update &&
#   apt-get install -y qemu-user-static libc6:arm64 libstdc++6:arm64 libgcc-s1:arm64 libssl3:arm64 zlib1g:arm64
# (libssl3 because .NET's SHA-256 on Linux is OpenSSL's.) Writes artifacts/determinism-{x64,arm64}.txt.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
project="$root/tests/Picket.Determinism"
out="$root/artifacts"
publish="$out/determinism-linux-arm64"
mkdir -p "$out"

dotnet run -c Release --project "$project" -- --output "$out/determinism-x64.txt" >/dev/null
dotnet publish "$project" -c Release -r linux-arm64 --self-contained -o "$publish" >/dev/null
qemu-aarch64-static "$publish/Picket.Determinism" --output "$out/determinism-arm64.txt" >/dev/null

x64="$(cut -d' ' -f1,2 "$out/determinism-x64.txt")"
arm64="$(cut -d' ' -f1,2 "$out/determinism-arm64.txt")"
echo "x64:   $x64"
echo "arm64: $arm64"
if [[ "$x64" != "$arm64" ]]; then
  echo "determinism: x64 and arm64 outputs differ" >&2
  exit 1
fi
echo "determinism: identical"
