package pricing

// Rounding.
//
// A vendor rounds twice, and so does every charge (see charge.go): a video's
// length is rounded up to the feature's billing increment before the rate
// applies ("next 30 s"), and each charge is rounded up to the card's precision
// (its Precision decimals of a credit). Neither ever rounds down.

// billedSeconds is a video's length rounded up to the feature's billing
// increment; an increment of 0 or 1 bills every second.
func billedSeconds(f *Feature, seconds int) int {
	inc := max(f.IncrementSeconds, 1)
	return (seconds + inc - 1) / inc * inc
}

// creditStep is one unit of the last decimal a credit amount may have on this
// card, in Credits: 1000 at precision 0, 1 at precision 3.
func (c *RateCard) creditStep() int64 {
	step := int64(CreditScale)
	for range c.Precision {
		step /= 10
	}
	return step
}

// roundUpCredits is num/den Credits rounded up to the card's precision,
// saturating rather than wrapping.
func (c *RateCard) roundUpCredits(num, den int64) int64 {
	step := c.creditStep()
	return satMul(ceilDiv(num, den*step), step)
}
