package pricing

import "testing"

func TestCreditsFormatting(t *testing.T) {
	cases := []struct {
		c            Credits
		str, grouped string
		whole        bool
	}{
		{0, "0", "0", true},
		{1, "0.001", "0.001", false},
		{500, "0.5", "0.5", false},
		{-500, "-0.5", "-0.5", false},
		{1000, "1", "1", true},
		{12250, "12.25", "12.25", false},
		{cr("999"), "999", "999", true},
		{cr("1000"), "1000", "1,000", true},
		{cr("3600"), "3600", "3,600", true},
		{1234567, "1234.567", "1,234.567", false},
		{cr("1234567"), "1234567", "1,234,567", true},
		{-1234567890, "-1234567.89", "-1,234,567.89", false},
		{-cr("100000"), "-100000", "-100,000", true},
	}
	for _, tc := range cases {
		if got := tc.c.String(); got != tc.str {
			t.Errorf("Credits(%d).String() = %q, want %q", int64(tc.c), got, tc.str)
		}
		if got := tc.c.Grouped(); got != tc.grouped {
			t.Errorf("Credits(%d).Grouped() = %q, want %q", int64(tc.c), got, tc.grouped)
		}
		if got := tc.c.IsWhole(); got != tc.whole {
			t.Errorf("Credits(%d).IsWhole() = %v", int64(tc.c), got)
		}
		// String reads back through ParseCredits for every non-negative amount.
		if tc.c >= 0 {
			if back, err := ParseCredits(tc.str); err != nil || back != tc.c {
				t.Errorf("ParseCredits(%q) = %d, %v; want %d", tc.str, back, err, tc.c)
			}
		}
	}
	if WholeCredits(7) != 7000 {
		t.Errorf("WholeCredits(7) = %d", WholeCredits(7))
	}
}

func TestParseCredits(t *testing.T) {
	good := map[string]Credits{"200": 200000, "0.5": 500, " 12.25 ": 12250, "1_000": 1000000, "0.125": 125, "+3": 3000, "2.50": 2500}
	for in, want := range good {
		if got, err := ParseCredits(in); err != nil || got != want {
			t.Errorf("ParseCredits(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	bad := map[string]string{
		"":                    "empty number",
		"-5":                  "must not be negative",
		"0.0001":              `"0.0001" has 4 decimals; at most 3 allowed`,
		"1e3":                 `"1e3" is not a decimal number`,
		"abc":                 `"abc" is not a decimal number`,
		"1.":                  `"1." is not a decimal number`,
		".5":                  `".5" is not a decimal number`,
		"1.2.3":               `"1.2.3" is not a decimal number`,
		"9999999999999999999": `"9999999999999999999" is too large`,
	}
	for in, want := range bad {
		if _, err := ParseCredits(in); err == nil || err.Error() != want {
			t.Errorf("ParseCredits(%q) error %v, want %q", in, err, want)
		}
	}
}

func TestMoneyFormatting(t *testing.T) {
	cases := []struct {
		m                    Money
		usd, eur, chf, plain string
		cents                int64
	}{
		{0, "$0.00", "€0.00", "CHF 0.00", "0.00", 0},
		{usd("29"), "$29.00", "€29.00", "CHF 29.00", "29.00", 2900},
		{usd("0.16"), "$0.16", "€0.16", "CHF 0.16", "0.16", 16},
		{49, "$0.00", "€0.00", "CHF 0.00", "0.00", 0},       // 0.0049 rounds down
		{50, "$0.01", "€0.01", "CHF 0.01", "0.01", 1},       // 0.005 rounds half up
		{-50, "-$0.01", "-€0.01", "-CHF 0.01", "-0.01", -1}, // half away from zero
		{-49, "$0.00", "€0.00", "CHF 0.00", "0.00", 0},      // rounds to zero: no "-$0.00"
		{Money(193333), "$19.33", "€19.33", "CHF 19.33", "19.33", 1933},
		{usd("1234567.89"), "$1,234,567.89", "€1,234,567.89", "CHF 1,234,567.89", "1234567.89", 123456789},
		{-usd("1234567.89"), "-$1,234,567.89", "-€1,234,567.89", "-CHF 1,234,567.89", "-1234567.89", -123456789},
		{usd("1000"), "$1,000.00", "€1,000.00", "CHF 1,000.00", "1000.00", 100000},
	}
	for _, tc := range cases {
		got := []string{tc.m.Format("USD"), tc.m.Format("eur"), tc.m.Format("CHF"), tc.m.Plain()}
		want := []string{tc.usd, tc.eur, tc.chf, tc.plain}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("Money(%d) format %d = %q, want %q", int64(tc.m), i, got[i], want[i])
			}
		}
		if c := tc.m.Cents(); c != tc.cents {
			t.Errorf("Money(%d).Cents() = %d, want %d", int64(tc.m), c, tc.cents)
		}
	}
	if got := usd("9.9").Format("GBP"); got != "£9.90" {
		t.Errorf("GBP: %q", got)
	}
	if got := usd("9.9").Format(""); got != "$9.90" {
		t.Errorf("no currency: %q", got)
	}
	c := standardCard(t)
	if got := c.Money(usd("24")); got != "$24.00" {
		t.Errorf("card money %q", got)
	}
}

func TestParseLength(t *testing.T) {
	valid := []struct {
		in   string
		want int
	}{
		{"2m30s", 150},
		{"90s", 90},
		{"1h5m", 3900},
		{"2:30", 150},
		{"2.5", 150}, // minutes
		{"2", 120},
		{"2m", 120},
		{"1h", 3600},
		{"1h0m1s", 3601},
		{"1h59m59s", 7199},
		{"0:45", 45},
		{"45s", 45},
		{"2.50", 150},
		{"0.05", 3}, // 0.05 min = 3 s
		{" 2M30S ", 150},
		{"24h", MaxVideoSeconds},
		{"1440", MaxVideoSeconds},
		{"1:00", 60},
		{"90:00", 5400},
		{"1440:00", MaxVideoSeconds},
		{"0000000000000000000002m", 120}, // leading zeros are not a big number
		{"1440.000", MaxVideoSeconds},
	}
	for _, tc := range valid {
		got, err := ParseLength(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseLength(%q) = %d, %v; want %d", tc.in, got, err, tc.want)
		}
	}
	invalid := []struct{ in, msg string }{
		{"2m75s", `length "2m75s" has 75 seconds after minutes; must be under 60`},
		{"2m60s", `length "2m60s" has 60 seconds after minutes; must be under 60`},
		{"1h60m", `length "1h60m" has 60 minutes after hours; must be under 60`},
		{"2:60", `length "2:60" has 60 seconds; seconds after minutes must be under 60`},
		{"1h60s", `length "1h60s" has 60 seconds after hours; must be under 60`},
		{"", `length is empty; write it like "2m30s", "90s" or "2:30"`},
		{"0s", `length "0s" must be longer than zero`},
		{"0", `length "0" must be longer than zero`},
		{"0:00", `length "0:00" must be longer than zero`},
		{"2m30", `length "2m30" is not like "2m30s", "90s" or "2:30"`},
		{"1h75m", `length "1h75m" has 75 minutes after hours; must be under 60`},
		{"-3", `length "-3" is not like "2m30s", "90s" or "2:30"`},
		{"2.5555", `length "2.5555": "2.5555" has 4 decimals; at most 3 allowed`},
		{"0.001", `length "0.001" minutes is not a whole number of seconds`},
		{"25h", `length "25h" is longer than 24 hours`},
		{"24h1s", `length "24h1s" is longer than 24 hours`},
		{"1440.05", `length "1440.05" is longer than 24 hours`},
		{"abc", `length "abc" is not like "2m30s", "90s" or "2:30"`},
		{"3s2m", `length "3s2m" is not like "2m30s", "90s" or "2:30" (units h, m, s in that order, once each)`},
		{"2m2m", `length "2m2m" is not like "2m30s", "90s" or "2:30" (units h, m, s in that order, once each)`},
		{"2:3", `length "2:3" is not minutes:seconds like "2:30"`},
		{"2:75", `length "2:75" has 75 seconds; seconds after minutes must be under 60`},
		{"1234567s", `length "1234567s" is longer than 24 hours`},
		// Numbers are digits only, and never wrap: issue 7.
		{"307445734561825861:00", `length "307445734561825861:00" is longer than 24 hours`}, // was 44 s
		{"1537228672809129301:05", `length "1537228672809129301:05" is longer than 24 hours`},
		{"99999999h", `length "99999999h" is longer than 24 hours`},
		{"99999999999999999999999s", `length "99999999999999999999999s" is longer than 24 hours`},
		{"1441", `length "1441" is longer than 24 hours`},
		{"99999999999999999999", `length "99999999999999999999" is longer than 24 hours`},
		{"+1:+5", `length "+1:+5" is not minutes:seconds like "2:30"`},
		{"1:+5", `length "1:+5" is not minutes:seconds like "2:30"`},
		{"-0:30", `length "-0:30" is not minutes:seconds like "2:30"`},
		{"1_0", `length "1_0" is not like "2m30s", "90s" or "2:30"`},
		{"1_0m", `length "1_0m" is not like "2m30s", "90s" or "2:30" (units h, m, s in that order, once each)`},
		{"1:3_0", `length "1:3_0" is not minutes:seconds like "2:30"`},
		{"+2", `length "+2" is not like "2m30s", "90s" or "2:30"`},
		{"2.", `length "2." is not like "2m30s", "90s" or "2:30"`},
		{"2.+5", `length "2.+5" is not like "2m30s", "90s" or "2:30"`},
	}
	for _, tc := range invalid {
		got, err := ParseLength(tc.in)
		if err == nil {
			t.Errorf("ParseLength(%q) = %d, want error %q", tc.in, got, tc.msg)
			continue
		}
		if err.Error() != tc.msg {
			t.Errorf("ParseLength(%q) error\n got %q\nwant %q", tc.in, err.Error(), tc.msg)
		}
		if got != 0 {
			t.Errorf("ParseLength(%q) returned %d with an error", tc.in, got)
		}
	}
}

func TestFormatLengthRoundTrips(t *testing.T) {
	cases := map[int]string{1: "1s", 45: "45s", 60: "1m", 150: "2m30s", 3600: "1h", 3601: "1h1s", 3900: "1h5m", 86400: "24h", 0: "0s", -5: "0s"}
	for sec, want := range cases {
		if got := FormatLength(sec); got != want {
			t.Errorf("FormatLength(%d) = %q, want %q", sec, got, want)
		}
	}
	for sec := 1; sec <= MaxVideoSeconds; sec++ {
		back, err := ParseLength(FormatLength(sec))
		if err != nil || back != sec {
			t.Fatalf("FormatLength(%d) = %q reads back as %d, %v", sec, FormatLength(sec), back, err)
		}
	}
}
