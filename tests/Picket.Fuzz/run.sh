#!/usr/bin/env bash
# Coverage-guided fuzzing of the core's framers and decoders with afl++ and SharpFuzz (issue 12).
#
#   tests/Picket.Fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Builds tests/Picket.Fuzz (Release), copies its output into a work directory, instruments
# Picket.Core.dll there with the SharpFuzz.CommandLine tool (the repository's build output is
# left alone), writes the seed corpus from ../shared/data into the work directory, checks the
# harness's reference frames, then runs afl-fuzz on each target for SECONDS_PER_TARGET (default
# 20) and prints one line per target from afl's fuzzer_stats. Exit 1 if any target saved a
# crash (an exception, a failed resynchronisation) or a hang. Targets: beast avr sbs modes
# asterix nmea proto (all by default).
#
# Environment: PICKET_FUZZ_WORK  work directory (default: a new one under /tmp, removed at the
#                                end unless something was found; given: kept, so findings and
#                                the queue can be inspected or resumed)
#              PICKET_FUZZ_JOBS  targets fuzzed at the same time (default 1)
#              PICKET_FUZZ_TIMEOUT_MS  afl's per-input timeout, a hang beyond it (default 5000)
# Needs: afl++ (Debian: apt-get install afl++), the .NET 10 SDK, ../shared/data (or PICKET_SHARED_DATA).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-20}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(beast avr sbs modes asterix nmea proto)
jobs=${PICKET_FUZZ_JOBS:-1}
timeout_ms=${PICKET_FUZZ_TIMEOUT_MS:-5000}
# The captures as the tests find them (tests/Picket.TestSupport/SharedData.cs): PICKET_SHARED_DATA,
# else the nearest "shared/data" beside the checkout or beside any directory above it.
data=${PICKET_SHARED_DATA:-}
dir=$PWD
while [[ -z $data && $dir != / ]]; do
  dir=$(dirname "$dir")
  if [[ -f $dir/shared/data/README.md ]]; then data=$dir/shared/data; fi
done
[[ -n $data && -d $data ]] || { echo "cannot find shared/data beside the checkout; set PICKET_SHARED_DATA to its path" >&2; exit 1; }
data=$(realpath "$data")

command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install afl++" >&2; exit 1; }
if [[ -n ${PICKET_FUZZ_WORK:-} ]]; then
  work=$PICKET_FUZZ_WORK; keep=1
else
  work=$(mktemp -d /tmp/picket-fuzz.XXXXXX); keep=0
fi
mkdir -p "$work"

dotnet build tests/Picket.Fuzz -c Release --nologo -v q -clp:NoSummary >/dev/null
rm -rf "$work/bin" && cp -r tests/Picket.Fuzz/bin/Release/net10.0 "$work/bin"
if [[ ! -x $work/tools/sharpfuzz ]]; then
  dotnet tool install --tool-path "$work/tools" SharpFuzz.CommandLine --version 2.3.0 >/dev/null
fi
# The tool targets an older runtime; let it run on .NET 10.
DOTNET_ROLL_FORWARD=Major "$work/tools/sharpfuzz" "$work/bin/Picket.Core.dll" >/dev/null
harness=(dotnet "$work/bin/Picket.Fuzz.dll")

# The instrumented core runs only under afl (its coverage map is afl's shared memory): seeds and
# the self-test use the build output.
plain=(dotnet tests/Picket.Fuzz/bin/Release/net10.0/Picket.Fuzz.dll)
rm -rf "$work/seeds"
"${plain[@]}" --seeds "$data" "$work/seeds"
"${plain[@]}" --self-test

export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1
mkdir -p "$work/out"
fuzz() {
  local target=$1
  rm -rf "$work/out/$target"
  afl-fuzz -V "$seconds" -i "$work/seeds/$target" -o "$work/out/$target" -t "$timeout_ms" -m none \
    -- "${harness[@]}" "$target" >"$work/out/$target.log" 2>&1 || echo "afl-fuzz $target exited with $? (see $work/out/$target.log)"
}
running=0
for target in "${targets[@]}"; do
  fuzz "$target" &
  running=$((running + 1))
  if ((running >= jobs)); then wait -n || true; running=$((running - 1)); fi
done
wait

stat() { sed -n "s/^$1 *: *//p" "$2"; }
total_execs=0; findings=0
printf '%-8s %12s %10s %8s %7s %7s %6s\n' target execs execs/s seconds crashes hangs edges
for target in "${targets[@]}"; do
  stats=$work/out/$target/default/fuzzer_stats
  if [[ ! -f $stats ]]; then
    echo "$target: afl-fuzz did not run (see $work/out/$target.log)"; findings=$((findings + 1)); continue
  fi
  execs=$(stat execs_done "$stats"); crashes=$(stat saved_crashes "$stats"); hangs=$(stat saved_hangs "$stats")
  printf '%-8s %12s %10s %8s %7s %7s %6s\n' "$target" "$execs" "$(stat execs_per_sec "$stats")" "$(stat run_time "$stats")" "$crashes" "$hangs" "$(stat edges_found "$stats")"
  total_execs=$((total_execs + execs)); findings=$((findings + crashes + hangs))
  for file in "$work/out/$target"/default/crashes/id:* "$work/out/$target"/default/hangs/id:*; do
    [[ -f $file ]] || continue
    echo "  finding: $file (reproduce: dotnet tests/Picket.Fuzz/bin/Release/net10.0/Picket.Fuzz.dll $target --replay $file)"
  done
done
echo "fuzzing: ${#targets[@]} targets, $total_execs inputs, $findings crashes or hangs ($(nproc) cores, $seconds s per target, $jobs at a time)"
if ((findings == 0 && keep == 0)); then rm -rf "$work"; else echo "work directory kept: $work"; fi
((findings == 0))
