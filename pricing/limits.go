package pricing

import "fmt"

// monthUsage is what a plan's limits are checked against, gathered in one pass
// over the month. Checking a plan then costs the number of features on the card,
// not the number of videos: Compare and a short Quote check every plan, and a
// 1,000-video month would otherwise be walked once per plan.
type monthUsage struct {
	copies      int64
	longest     int // the longest video made this month, and the first such video's name
	longestName string
	highest     int // the highest resolution made this month, and the first video using it
	highestName string
	// firstUser[i] is the first video (made this month) using feature i, or -1;
	// otherUsers[i] counts the other videos using it.
	firstUser  []int
	otherUsers []int
	order      []int // feature indices in order of first use
	// drafted lists the videos (made this month) that plan review drafts,
	// which a plan must be able to render (DraftProblem).
	drafted []int
}

func (c *RateCard) newUsage() *monthUsage {
	u := &monthUsage{firstUser: make([]int, len(c.Features)), otherUsers: make([]int, len(c.Features))}
	for i := range u.firstUser {
		u.firstUser[i] = -1
	}
	return u
}

// add records video i, whose picks are idx. Videos made zero times are not counted.
func (u *monthUsage) add(c *RateCard, i int, v *Video, idx *[NumSlots]int) {
	if v.Count <= 0 {
		return
	}
	u.copies += int64(v.Count)
	if v.Drafts > 0 {
		u.drafted = append(u.drafted, i)
	}
	if v.Seconds > u.longest {
		u.longest, u.longestName = v.Seconds, v.Name
	}
	for _, fi := range idx {
		if fi < 0 {
			continue
		}
		if f := &c.Features[fi]; f.Slot == SlotResolution && f.Height > u.highest {
			u.highest, u.highestName = f.Height, v.Name
		}
		if u.firstUser[fi] < 0 {
			u.firstUser[fi] = i
			u.order = append(u.order, fi)
		} else {
			u.otherUsers[fi]++
		}
	}
}

func (c *RateCard) usage(p *Project) *monthUsage {
	u := c.newUsage()
	for i := range p.Videos {
		idx := c.pickIndices(&p.Videos[i])
		u.add(c, i, &p.Videos[i], &idx)
	}
	return u
}

// Blocked lists why a plan cannot make the month: a video longer than its maximum,
// a resolution above its maximum, a feature it does not offer, a watermark the
// project does not accept, more videos than it allows, more seats than it sells.
// Videos made zero times this month are not counted.
func (c *RateCard) Blocked(plan *Plan, p *Project) []string {
	return c.blocked(plan, p, c.usage(p))
}

func (c *RateCard) blocked(plan *Plan, p *Project, u *monthUsage) []string {
	var out []string
	if plan.MaxSeconds > 0 && u.longest > plan.MaxSeconds {
		out = append(out, fmt.Sprintf("%s is %s, longer than %s's %s maximum", quoteName(u.longestName), FormatLength(u.longest), plan.Name, FormatLength(plan.MaxSeconds)))
	}
	if plan.MaxHeight > 0 && u.highest > plan.MaxHeight {
		out = append(out, fmt.Sprintf("%s needs %s, above %s's %s maximum", quoteName(u.highestName), resolutionName(u.highest), plan.Name, resolutionName(plan.MaxHeight)))
	}
	for _, fi := range u.order {
		if plan.offers[fi] {
			continue
		}
		where := quoteName(p.Videos[u.firstUser[fi]].Name)
		if more := u.otherUsers[fi]; more > 0 {
			where += fmt.Sprintf(" and %d more", more)
		}
		out = append(out, fmt.Sprintf("%s is not offered on %s (%s)", c.Features[fi].Name, plan.Name, where))
	}
	if plan.Watermark && !p.WatermarkOK {
		out = append(out, plan.Name+" adds a watermark")
	}
	if plan.VideosPerMonth > 0 && u.copies > int64(plan.VideosPerMonth) {
		out = append(out, fmt.Sprintf("%d videos this month; %s allows %d", u.copies, plan.Name, plan.VideosPerMonth))
	}
	if p.Seats > plan.IncludedSeats && !plan.ExtraSeats {
		out = append(out, fmt.Sprintf("%d seats needed; %s has %d and sells no more", p.Seats, plan.Name, plan.IncludedSeats))
	}
	if len(p.OneTime) > 0 {
		out = append(out, c.oneTimeBlocked(plan, p)...)
	}
	if len(u.drafted) > 0 {
		out = append(out, c.draftsBlocked(plan, p, u.drafted)...)
	}
	return out
}

// CheckOnOwnPlan reports, as an error, what the project's own plan refuses
// when the file is read though the month itself is well formed: a one-time
// charge the plan does not offer, review drafts it cannot render. The
// planner checks it before a save, so it never writes a file that does not
// read back.
func (c *RateCard) CheckOnOwnPlan(p *Project) error {
	if err := c.CheckOneTimeOffered(p); err != nil {
		return err
	}
	return c.CheckDraftsRenderable(p)
}
