package pricing

// renders is how many times a feature is charged for one copy of a video: once,
// plus once for each re-render when the feature charges again on a re-render
// (Feature.Rerender). A feature that does not is charged once, however many
// times the video is re-rendered.
func renders(f *Feature, v *Video) int {
	if f.Rerender {
		return 1 + v.Rerenders + draftRenders(f, v)
	}
	return 1
}

// rendersCredits is what n renders of one charge (one language) cost, for a
// quantity num/den the rate multiplies (billed minutes, clips): the first
// render at the rate, each re-render at the feature's rerender_rate when it
// has one (Synthesia charges only the edited part, Creatify charges
// revisions less), else at the rate. Each render is rounded to the card's
// precision and raised to the minimum on its own, as the vendor bills it.
func (c *RateCard) rendersCredits(f *Feature, n int, num, den int64) int64 {
	one := atLeastMinimum(f, c.roundUpCredits(satMul(int64(f.Rate), num), den))
	if !f.HasRerenderRate || n <= 1 {
		return satMul(one, int64(n))
	}
	again := atLeastMinimum(f, c.roundUpCredits(satMul(int64(f.RerenderRate), num), den))
	return satAdd(one, satMul(again, int64(n-1)))
}

// readRerenderRate reads a feature's rerender_rate: the credits a unit of
// each re-render costs, when the vendor prices a re-render apart from the
// first render. It means the feature charges again on a re-render, so
// rerender = false beside it is a contradiction.
func readRerenderRate(t *table, f *Feature, precision int) {
	if !t.given("rerender_rate") {
		return
	}
	r, ok := t.credits("rerender_rate", false, precision)
	if !ok {
		return
	}
	switch {
	case !f.Premium:
		t.d.addf(t.keyPath("rerender_rate"), "feature %q is included (premium = false); a re-render of it spends no credits either", f.ID)
	case t.given("rerender") && !f.Rerender:
		t.d.addf(t.keyPath("rerender_rate"), "rerender = false says a re-render does not charge %q again; drop rerender_rate or set rerender = true", f.ID)
	default:
		f.Rerender = true
		f.RerenderRate, f.HasRerenderRate = r, true
	}
}
