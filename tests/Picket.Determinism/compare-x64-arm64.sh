#!/usr/bin/env bash
# Issue 5, determinism across hosts: the same inputs give byte-identical outputs on x64 and on
# linux-arm64 (the Raspberry Pi's architecture, run under qemu-aarch64-static). Two checks:
#  1. the filter-level scenario of tests/Picket.Determinism (the fixed-point core alone);
#  2. the full tracker: `picket track` (decoders + tracking pipeline + zones) on the
#     gulf-of-finland-incursion scenario recorded once, on x64, as Beast and ASTERIX bytes by
#     `picket simulate`. Both hosts read the same files, so the host's floating-point library
#     cannot change the inputs, only the pipeline's handling of them.
# Prints both SHA-256 hashes of each output with the track and alert counts; exits 1 on any
# difference. Needs (Debian 12): qemu-user-static, and the arm64 runtime libraries via multiarch:
#   dpkg --add-architecture arm64 && apt-get update &&
#   apt-get install -y qemu-user-static libc6:arm64 libstdc++6:arm64 libgcc-s1:arm64 libssl3:arm64 zlib1g:arm64
# (libssl3 because .NET's SHA-256 on Linux is OpenSSL's), the NativeAOT cross toolchain:
#   apt-get install -y clang lld gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu libc6-dev-arm64-cross
# and NuGet access for the linux-arm64 runtime packs and the ILCompiler package.
# Writes artifacts/determinism-{x64,arm64}.txt and artifacts/determinism/.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
project="$root/tests/Picket.Determinism"
cli="$root/gateway/Picket.Cli"
out="$root/artifacts"
work="$out/determinism"
scenario=gulf-of-finland-incursion
started=$SECONDS
rm -rf "$work"
mkdir -p "$work"

# 1. Filter-level scenario.
dotnet run -c Release --project "$project" -- --output "$out/determinism-x64.txt" >/dev/null
dotnet publish "$project" -c Release -r linux-arm64 --self-contained -o "$out/determinism-linux-arm64" >/dev/null
qemu-aarch64-static "$out/determinism-linux-arm64/Picket.Determinism" --output "$out/determinism-arm64.txt" >/dev/null

# 2. Full tracker on recorded byte streams (the whole 1200 s scenario).
dotnet build "$cli" -c Release >/dev/null
# The field binary as it ships: NativeAOT for linux-arm64 (cross-compiled with clang, lld and the
# aarch64 binutils and libc headers; warnings are errors, so a trim/AOT warning fails here).
dotnet publish "$cli" -c Release -r linux-arm64 -p:PublishAot=true -o "$work/picket-linux-arm64" >"$work/publish-aot.log" || { cat "$work/publish-aot.log" >&2; exit 1; }
dotnet "$cli/bin/Release/net10.0/picket.dll" simulate --scenario "$scenario" --out "$work/recorded" >/dev/null
track=(track --site 59.52,26.54,60 --start 2026-09-19T09:46:00Z
  --input "beast:$work/recorded/$scenario.beast" --input "asterix:$work/recorded/$scenario.asterix"
  --zones "$root/gateway/Picket.Simulation/Scenarios/gulf-of-finland-zones.geojson")
dotnet "$cli/bin/Release/net10.0/picket.dll" "${track[@]}" >"$work/tracks-x64.jsonl" 2>"$work/tracks-x64.summary.txt"
qemu-aarch64-static "$work/picket-linux-arm64/picket" "${track[@]}" >"$work/tracks-arm64.jsonl" 2>"$work/tracks-arm64.summary.txt"

# "<sha256> <track reports> reports, <distinct track ids> tracks, <alerts> alerts"
describe() {
  local file=$1 hash reports tracks alerts
  hash=$(sha256sum "$file" | cut -d' ' -f1)
  reports=$(grep -c '"kind":"track"' "$file" || true)
  tracks=$(grep '"kind":"track"' "$file" | grep -o '"track_id":[0-9]*' | sort -u | wc -l)
  alerts=$(grep -c '"kind":"alert"' "$file" || true)
  echo "$hash $reports reports, $tracks tracks, $alerts alerts"
}

filter_x64="$(cut -d' ' -f1,2 "$out/determinism-x64.txt")"
filter_arm64="$(cut -d' ' -f1,2 "$out/determinism-arm64.txt")"
tracks_x64="$(describe "$work/tracks-x64.jsonl")"
tracks_arm64="$(describe "$work/tracks-arm64.jsonl")"
echo "filter scenario   x64:   $filter_x64 records"
echo "filter scenario   arm64: $filter_arm64 records"
echo "picket track $scenario (recorded Beast + ASTERIX):"
echo "                  x64:   $tracks_x64"
echo "                  arm64: $tracks_arm64"
status=0
if [[ "$filter_x64" != "$filter_arm64" ]]; then
  echo "determinism: the filter scenario differs between x64 and arm64" >&2
  status=1
fi
if [[ "$tracks_x64" != "$tracks_arm64" ]] || ! cmp -s "$work/tracks-x64.summary.txt" "$work/tracks-arm64.summary.txt"; then
  echo "determinism: picket track output differs between x64 and arm64 (see $work)" >&2
  status=1
fi
if [[ "$(cut -d' ' -f2 <<<"$tracks_x64")" == 0 ]]; then
  echo "determinism: picket track wrote no track reports" >&2
  status=1
fi
((status == 0)) && echo "determinism: identical"
echo "determinism: $((SECONDS - started)) s"
exit "$status"
