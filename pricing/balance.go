package pricing

import (
	"fmt"
	"strings"
)

// ParseBalance reads a balance a person typed (the --balance flag, the
// planner's balance field): credits at the card's precision, "200" or "12.5".
// More decimals than the card's credits have is an error naming what the card
// allows, as in a project file: a balance the card cannot hold would quote a
// month no one can have.
func (c *RateCard) ParseBalance(text string) (Credits, error) {
	text = strings.TrimSpace(text)
	v, decimals, err := parseDecimal(text, 3)
	if err == nil && decimals > c.Precision {
		err = fmt.Errorf("%s has %s; this card allows %s", text, decimalCount(decimals), decimalCount(c.Precision))
	}
	if err != nil {
		return 0, err
	}
	return Credits(v), nil
}

// CheckBalance tells whether text is a credit amount at all, before any card is
// read: `balance "1,000": ... (give credits like 200 or 12.5)` when it is not.
// --balance (with its dashes) and the planner's balance field give this
// sentence.
func CheckBalance(text string) error {
	if _, err := ParseCredits(text); err != nil {
		return fmt.Errorf("balance %q: %v (give credits like 200 or 12.5)", text, err)
	}
	return nil
}

// ReadBalance is ParseBalance with the sentence --balance and the planner
// both give: CheckBalance's when text is no amount, otherwise `balance "1.25":
// 1.25 has 2 decimals; this card allows 1 decimal` when the card cannot hold it.
func (c *RateCard) ReadBalance(text string) (Credits, error) {
	if err := CheckBalance(text); err != nil {
		return 0, err
	}
	cr, err := c.ParseBalance(text)
	if err != nil {
		return 0, fmt.Errorf("balance %q: %v", text, err)
	}
	return cr, nil
}
