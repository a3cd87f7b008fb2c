package compose

import "testing"

// TestBalanceKeepsRules: a two-line rest whose first line ends on a hyphen,
// balanced over five columns, is not spread one line a leg (which would
// split the word across columns): both lines stand in one leg. With no
// depth that keeps the rules within reach, the rules give way rather than
// lose a line.
func TestBalanceKeepsRules(t *testing.T) {
	els := []elem{
		{slots: 1, kind: lineElem, line: 0, lines: 2, hyph: true, brk: forbid},
		{slots: 1, kind: lineElem, line: 1, lines: 2},
	}
	tops := make([]int, 5)
	l := balance(els, tops, 40)
	if !l.fits || l.gaveWay {
		t.Fatalf("fits %v, gave way %v", l.fits, l.gaveWay)
	}
	if len(l.cols[0]) != 2 {
		t.Errorf("legs %v: the two lines should stand together", l.cols)
	}
	// Depth 1 is all there is: the rule gives way, nothing is lost.
	l = balance(els, tops, 1)
	if !l.fits || !l.gaveWay {
		t.Errorf("at depth 1: fits %v, gave way %v", l.fits, l.gaveWay)
	}
}
