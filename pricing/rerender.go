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
