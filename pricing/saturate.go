package pricing

// The largest amount any total may reach. Products and sums saturate here rather
// than wrap round to a negative number on absurd input (a rate of a billion credits
// a second): the total is then absurd but never wrong in sign.
const maxAmount = int64(1) << 62

// satMul multiplies two non-negative amounts, saturating at maxAmount.
func satMul(a, b int64) int64 {
	if a <= 0 || b <= 0 {
		return 0
	}
	if a > maxAmount/b {
		return maxAmount
	}
	return a * b
}

// satAdd adds two amounts, saturating at ±maxAmount.
func satAdd(a, b int64) int64 {
	switch {
	case b > 0 && a > maxAmount-b:
		return maxAmount
	case b < 0 && a < -maxAmount-b:
		return -maxAmount
	}
	return max(min(a+b, maxAmount), -maxAmount)
}

// satSub subtracts b from a, saturating at ±maxAmount.
func satSub(a, b int64) int64 {
	switch {
	case b < 0 && a > maxAmount+b:
		return maxAmount
	case b > 0 && a < -maxAmount+b:
		return -maxAmount
	}
	return max(min(a-b, maxAmount), -maxAmount)
}

// times multiplies an amount of credits or money by a count, saturating at
// ±maxAmount; a negative amount (a saving that costs more) keeps its sign.
func times[T ~int64](a T, n int64) T {
	if a < 0 {
		return -T(satMul(-max(int64(a), -maxAmount), n))
	}
	return T(satMul(int64(a), n))
}

// plus adds two amounts of credits or money, saturating at ±maxAmount.
func plus[T ~int64](a, b T) T { return T(satAdd(int64(a), int64(b))) }

// minus subtracts b from a, saturating at ±maxAmount: a saving, a shortfall or
// a difference of costs is never wrapped round into the opposite sign.
func minus[T ~int64](a, b T) T { return T(satSub(int64(a), int64(b))) }
