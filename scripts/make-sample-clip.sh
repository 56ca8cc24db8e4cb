#!/usr/bin/env bash
# Regenerates resources/sample-clip.mp4: the clip the simulated provider returns for every
# successful task. A 3-second 640x360 H.264 test pattern with a title and a quiet tone,
# yuv420p and +faststart so any browser's <video> plays it while it downloads.
set -euo pipefail
cd "$(dirname "$0")/.."

out="resources/sample-clip.mp4"
font="/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
title="Shotlist sample clip"

video="testsrc2=size=640x360:rate=24:duration=3"
if [ -f "$font" ]; then
  video="$video,drawtext=fontfile=$font:text='$title':fontsize=36:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=12:x=(w-text_w)/2:y=h-text_h-36"
fi

mkdir -p resources
ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i "$video" \
  -f lavfi -i "sine=frequency=440:sample_rate=44100:duration=3" \
  -filter:a "volume=0.1" \
  -c:v libx264 -profile:v main -preset slow -crf 30 -pix_fmt yuv420p \
  -c:a aac -b:a 48k \
  -map_metadata -1 -fflags +bitexact -flags:v +bitexact -flags:a +bitexact \
  -movflags +faststart -shortest \
  "$out"

echo "wrote $out ($(stat -c %s "$out") bytes)"
