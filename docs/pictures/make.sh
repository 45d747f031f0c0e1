#!/bin/sh
# Regenerates the README's pictures (docs/pictures/*.svg) from the real
# planner: TestPictures builds the binary, runs it in a pseudo-terminal on
# charmbracelet/x/vt, and draws each screen's cells as SVG. Without -update the
# same test fails when a picture no longer matches the planner.
#   docs/pictures/make.sh
set -eu
cd "$(dirname "$0")/../.."
go test -count=1 -run '^(TestPictures|TestFollowMePicture)$' . -update
