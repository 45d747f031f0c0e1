package pricing

// atLeastMinimum raises one charge (one render, one language) of a feature to
// the feature's minimum (Feature.Minimum), so a short video never costs less
// than the vendor's least charge. The minimum applies to each charge, after
// rounding, so a video re-rendered twice pays it three times.
func atLeastMinimum(f *Feature, one int64) int64 { return max(one, int64(f.Minimum)) }
