package pricing

import "strings"

// maxPolicyLen bounds failed_renders: one sentence, not a terms of service.
const maxPolicyLen = 300

// readFailedRenders reads the card's failed_renders: the vendor's policy on
// renders that fail, one sentence every quote states as written, because
// whether a failed render still spends credits differs by vendor and a
// customer should know it before buying.
func readFailedRenders(t *table) string {
	s := strings.TrimSpace(t.str("failed_renders", false))
	if s == "" {
		if t.given("failed_renders") {
			t.d.addf(t.keyPath("failed_renders"), "an empty policy; leave failed_renders out when the vendor states none")
		}
		return ""
	}
	if n := len([]rune(s)); n > maxPolicyLen {
		t.d.addf(t.keyPath("failed_renders"), "a policy of %d characters; one sentence of at most %d", n, maxPolicyLen)
		return ""
	}
	if strings.ContainsAny(s, "\n\r") {
		t.d.addf(t.keyPath("failed_renders"), "one sentence on one line")
		return ""
	}
	return s
}

// FailedRendersSentence is the policy as outputs state it: "Failed
// renders: refunded only for technical faults." style, the card's sentence
// with its first letter raised and a full stop; "" when the card has none.
func (c *RateCard) FailedRendersSentence() string {
	s := Printable(c.FailedRenders)
	if s == "" {
		return ""
	}
	s = strings.ToUpper(s[:1]) + s[1:]
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "!") && !strings.HasSuffix(s, "?") {
		s += "."
	}
	return s
}
