package units

import "testing"

func TestParse(t *testing.T) {
	cases := []struct {
		in   string
		want Length
	}{
		{"9pt", 9 * Pt},
		{"10.5pt", 10*Pt + Pt/2},
		{"25.4mm", In},
		{"2.54cm", In},
		{"1in", In},
		{"1p", 12 * Pt},
		{" 0mm ", 0},
		{"-3pt", -3 * Pt},
	}
	for _, c := range cases {
		got, err := Parse(c.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.in, err)
			continue
		}
		if d := got - c.want; d < -1 || d > 1 {
			t.Errorf("Parse(%q) = %d sp, want %d sp", c.in, got, c.want)
		}
	}
	for _, bad := range []string{"", "12", "mm", "12furlongs", "1e400pt", "pt12"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) accepted a bad length", bad)
		}
	}
}

func TestConversions(t *testing.T) {
	if got := FromMm(315).Millimetres(); got < 314.9999 || got > 315.0001 {
		t.Errorf("315mm round trip = %v", got)
	}
	if d := FromMm(1) - Mm; d != 0 {
		t.Errorf("FromMm(1) - Mm = %d", d)
	}
	if got := (10 * Pt).Scale(3, 4); got != 7*Pt+Pt/2 {
		t.Errorf("Scale: %v", got)
	}
	if got := Length(-3).Scale(1, 2); got != -2 {
		t.Errorf("negative Scale rounds away from zero on .5: got %d", got)
	}
	if s := (9 * Pt).String(); s != "9pt" {
		t.Errorf("String = %q", s)
	}
}
