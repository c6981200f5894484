#!/bin/sh
# Regenerates the embedded demo configuration's main-number menu prompt (main-menu.wav, next to acd.yaml) with
# espeak-ng and sox (Debian: apt-get install espeak-ng sox), the same way as the built-in prompts
# (sip-gateway/src/main/prompts/make-prompts.sh): spoken, trimmed, 8 kHz mono, normalised to -3 dBFS, mu-law.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../resources/dev/acd/config/default/main-menu.wav"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
espeak-ng -v "${VOICE:-en-us}" -s "${SPEED:-160}" -w "$tmp/raw.wav" \
    "Thank you for calling Larkspur Software. For new business, press one. For renewals, press two."
sox -D "$tmp/raw.wav" -r 8000 -c 1 -e signed-integer -b 16 "$tmp/trimmed.wav" \
    silence 1 0.01 0.3% reverse silence 1 0.01 0.3% reverse highpass 200 norm -3
sox -D "$tmp/trimmed.wav" -e u-law -b 8 "$out" pad 0 0.2
ls -l "$out"
