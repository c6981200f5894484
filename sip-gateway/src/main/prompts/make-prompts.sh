#!/bin/sh
# Regenerates the built-in English prompts from fragments-en.txt with espeak-ng and sox
# (Debian: apt-get install espeak-ng sox). Each fragment is spoken, trimmed of leading and trailing silence,
# resampled to 8 kHz mono, normalised to -3 dBFS, followed by its own pause, and stored as mu-law WAV, so that
# call control can join fragments end to end ("You are caller number" + "three" + "in the queue.") with no gaps
# or clicks of its own. Same tools and versions give the same files (sox runs without dither).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../resources/dev/acd/sip/prompt/en"
voice=${VOICE:-en-us}
speed=${SPEED:-160}
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
grep -v '^#' "$here/fragments-en.txt" | grep -v '^$' | while IFS='|' read -r name pause text; do
    espeak-ng -v "$voice" -s "$speed" -w "$tmp/raw.wav" "$text"
    sox -D "$tmp/raw.wav" -r 8000 -c 1 -e signed-integer -b 16 "$tmp/trimmed.wav" \
        silence 1 0.01 0.3% reverse silence 1 0.01 0.3% reverse highpass 200 norm -3
    sox -D "$tmp/trimmed.wav" -e u-law -b 8 "$out/$name.wav" pad 0 "$pause"
done
ls "$out" | wc -l | xargs echo "prompts written to $out:"
du -sh "$out"
