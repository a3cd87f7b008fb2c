package model

import "testing"

func TestSmarten(t *testing.T) {
	cases := []struct{ in, want string }{
		{`"Hello," she said.`, "“Hello,” she said."},
		{`It's the 'best' plan`, "It’s the ‘best’ plan"},
		{`the '90s and rock 'n' roll`, "the ’90s and rock ’n’ roll"},
		{`pages 3--5`, "pages 3–5"},
		{`wait --- no`, "wait — no"},
		{`and then...`, "and then…"},
		{`("quoted")`, "(“quoted”)"},
		{`He said: "She told me 'no'."`, "He said: “She told me ‘no’.”"},
		{`the players' union`, "the players’ union"},
		{`already “curly” — fine`, "already “curly” — fine"},
		{`a-b`, "a-b"},
		{`Zürich's "Łódź" fund`, "Zürich’s “Łódź” fund"},
	}
	for _, c := range cases {
		if got := Smarten(c.in, 0, 0); got != c.want {
			t.Errorf("Smarten(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSmartenAcrossSpans(t *testing.T) {
	// A quote that closes right after an emphasised word: the span holding
	// only the quote must see the word before it.
	if got := Smarten(`"`, 'd', 0); got != "”" {
		t.Errorf("closing quote after a span = %q", got)
	}
	if got := Smarten(`"`, ' ', 'W'); got != "“" {
		t.Errorf("opening quote before a span = %q", got)
	}
}
