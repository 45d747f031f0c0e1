package pricing

import (
	"fmt"
	"strings"
	"time"
)

// Date is a civil date: a year, a month and a day, with no time of day and
// no time zone, as a quote's "prepared" and "valid until" are written. The
// zero Date is "no date".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DefaultValidDays is how long a quote is valid when the customer gives
// neither valid_days nor valid_until.
const DefaultValidDays = 30

// MaxValidDays bounds valid_days: ten years is far past any real quote.
const MaxValidDays = 3660

// ParseDate reads a date written YYYY-MM-DD. A day the calendar does not have
// (2026-02-30) is an error, not the next month's.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse("2006-01-02", strings.TrimSpace(s))
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a date like 2026-12-03", s)
	}
	return DateOf(t), nil
}

// DateOf is the civil date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// IsZero reports whether d is the zero Date (no date).
func (d Date) IsZero() bool { return d == Date{} }

// String writes d as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// time is d at midnight UTC, the one place day arithmetic is done.
func (d Date) time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// AddDays is the date n days after d (before it for negative n), across month
// ends and leap days as the calendar has them.
func (d Date) AddDays(n int) Date { return DateOf(d.time().AddDate(0, 0, n)) }

// Before reports whether d is earlier than e.
func (d Date) Before(e Date) bool { return d.time().Before(e.time()) }

// DaysUntil is how many days from d to e (negative when e is earlier).
func (d Date) DaysUntil(e Date) int { return int(e.time().Sub(d.time()).Hours() / 24) }

// Validity is the date a quote prepared on prepared is valid until: the
// customer's valid_until when it gives one, else prepared plus its valid_days,
// else prepared plus DefaultValidDays (also for no customer).
func Validity(prepared Date, c *Customer) Date {
	days := DefaultValidDays
	if c != nil {
		if !c.ValidUntil.IsZero() {
			return c.ValidUntil
		}
		if c.ValidDays > 0 {
			days = c.ValidDays
		}
	}
	return prepared.AddDays(days)
}

// ValidityWarning is the warning a quote prepared on prepared deserves when
// its customer's valid_until is already past, or "" when it has none. A past
// date is not an error: a salesperson may reprint an old quote, but must not
// send it unawares.
func ValidityWarning(prepared Date, c *Customer) string {
	if c == nil || c.ValidUntil.IsZero() || !c.ValidUntil.Before(prepared) {
		return ""
	}
	return fmt.Sprintf("valid_until %s is before today (%s): this quote has expired", c.ValidUntil, prepared)
}

// Stamp is the line every output carries: "prepared 2026-12-03, valid until 2027-01-02".
func Stamp(prepared, validUntil Date) string {
	return "prepared " + prepared.String() + ", valid until " + validUntil.String()
}
