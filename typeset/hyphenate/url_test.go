package hyphenate

import (
	"slices"
	"strings"
	"testing"
)

func TestURLBreaks(t *testing.T) {
	cases := []struct {
		in   string
		want string // in with '|' at each break
	}{
		{"https://www.statistics-office.gov/annual-review/energy-outlook",
			"https://|www.|statistics-|office.|gov/|annual-|review/|energy-|outlook"},
		{"user.name@example.com", "user.|name@|example.|com"},
		{"www.example.com/a?b=c&d=e#top", "www.|example.|com/|a?|b=|c&|d=|e#|top"},
		// Runs of break characters are not split.
		{"example.com//path/?qq", "example.|com//|path/?|qq"},
		// Nothing inside the scheme or its "://"; at least 2 characters
		// on each side.
		{"http://x", "http://x"},
		{"ftp://a.b", "ftp://|a.b"},
		{"ftp://a", "ftp://a"},
		{"ftp://ab.cd", "ftp://|ab.|cd"},
		{"a/b", "a/b"},
		{"ab/c", "ab/c"},
		{"ab/cd", "ab/|cd"},
		{"x/yz", "x/|yz"}, // "x/" is two characters
		{"x/y", "x/y"},
		{"/ab", "/ab"},
		{"ab/", "ab/"},
		{"ré.su.mé", "ré.|su.|mé"},
		{"", ""},
		{"plainword", "plainword"},
		// A colon that is not part of "://" is no break, nor a break before it.
		{"mailto:ed@example.org", "mailto:ed@|example.|org"},
	}
	for _, c := range cases {
		got := URLBreaks(c.in)
		var want []int
		s := c.want
		for i := strings.IndexByte(s, '|'); i >= 0; i = strings.IndexByte(s, '|') {
			want = append(want, i)
			s = s[:i] + s[i+1:]
		}
		if s != c.in {
			t.Fatalf("bad case %q", c.want)
		}
		if !slices.Equal(got, want) {
			t.Errorf("URLBreaks(%q) = %v (%s), want %v (%s)", c.in, got, Hyphenated(c.in, got, "|"), want, c.want)
		}
	}
}

// Words that look like URLs or addresses get no hyphenation points.
func TestURLsNotHyphenated(t *testing.T) {
	h := mustLoad(t, "en-US")
	opt := allOptions
	for _, w := range []string{"https://www.statistics-office.gov/annual-review/energy-outlook",
		"hyphenation@typesetting", "ftp://hyphenation", "WWW.hyphenation", "www.independent"} {
		if p := h.Points(w, opt); p != nil {
			t.Errorf("Points(%q) = %v", w, p)
		}
	}
}
