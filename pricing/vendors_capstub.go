package pricing

// The types below are cap's (contracts.md), stood in for until cap's
// MILESTONE lands in main, so the comparison builds against them now. This
// file is deleted when that milestone is merged: cap's capability*.go defines
// them.

// Capability is what a slot choice means, independent of vendor
// ("avatar.expressive").
type Capability string

// CardMonth is one project's month as one card prices it: the project as
// carried to the card, and the capabilities the card lacks for it.
type CardMonth struct {
	Card    *RateCard
	Project *Project
	Gaps    []CapabilityGap
}

// CapabilityGap is one capability a video needs that the card does not have.
type CapabilityGap struct {
	Video      string
	Slot       Slot
	Capability Capability
	Reason     string
}
