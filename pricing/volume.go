package pricing

// Volume: a month's multiplier over the year.
//
// Project.Volume scales the month as planned for each of the 12 months of a
// year (Year), in thousandths: 1000 is the month as planned, 500 half of it.
// The project file, the planner's Year screen and `creditplan year` all read
// and step multipliers by the rules here.

// VolumeAsPlanned is the multiplier of a month made as planned (1).
const VolumeAsPlanned = 1000

// MaxVolume is the largest multiplier a month may have (100): above it a
// month is not plausible.
const MaxVolume = 100_000

// VolumeStep is how far one step moves a multiplier: a tenth.
const VolumeStep = 100

// StepVolume is the multiplier one step up (up) or down from cur, on the
// tenths (1.25 steps to 1.3 or 1.2), kept within 0 and MaxVolume.
func StepVolume(cur int64, up bool) int64 {
	next := ((cur+VolumeStep-1)/VolumeStep - 1) * VolumeStep
	if up {
		next = (cur/VolumeStep + 1) * VolumeStep
	}
	return max(0, min(MaxVolume, next))
}

// VolumeText writes a multiplier with as few decimals as it needs: "1", "0.5".
func VolumeText(v int64) string { return formatFixed(v, 3, false) }
