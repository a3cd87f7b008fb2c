package compose

import (
	"testing"
)

// twoLineParas is n two-line paragraphs: no place inside one where a
// story may jump, strictly or relaxed.
func twoLineParas(n int) []elem {
	var els []elem
	for p := 0; p < n; p++ {
		els = append(els,
			elem{slots: 1, kind: lineElem, para: p, line: 0, lines: 2, brk: forbid},
			elem{slots: 1, kind: lineElem, para: p, line: 1, lines: 2})
	}
	return els
}

// TestJumpAtParagraphEnd: when no paragraph can be broken for the jump,
// the story jumps after a whole paragraph rather than leave its last leg
// empty.
func TestJumpAtParagraphEnd(t *testing.T) {
	els := twoLineParas(6)
	tops := []int{0, 0}
	// Depth 6: column 1 takes three paragraphs, column 2 has five slots
	// above the jump line.
	strict := pourJump(els, tops, 6, jumpStrict)
	if end := strict.end(els, 1, 0); end != 0 {
		t.Fatalf("strict pour ends column 2 at %d: the test needs a leg it cannot fill", end)
	}
	l := jumpPour(els, tops, 6)
	end := l.end(els, 1, 0)
	if end != 4 {
		t.Fatalf("column 2 ends at slot %d, want 4 (two whole paragraphs)", end)
	}
	lastEl := els[l.cols[1][len(l.cols[1])-1]]
	if lastEl.line != lastEl.lines-1 {
		t.Errorf("jumped after line %d of %d", lastEl.line+1, lastEl.lines)
	}
	// The credit's line is never a jump place: the continuation would be
	// the credit alone.
	els[9].brk = forbid
	if l := pourJump(els, tops, 6, jumpParagraph); l.end(els, 1, 0) == 4 && l.cols[1][len(l.cols[1])-1] == 9 {
		t.Error("jumped after a line that must stay with what follows")
	}
}

// TestJumpWidowLast: a jump that leaves one line of a paragraph alone at
// the top of the continuation (a widow) is the last resort, after a jump
// at a paragraph's end.
func TestJumpWidowLast(t *testing.T) {
	var els []elem
	for p := 0; p < 4; p++ {
		for i := 0; i < 3; i++ {
			els = append(els, elem{slots: 1, kind: lineElem, para: p, line: i, lines: 3, brk: map[bool]int{true: 0, false: forbid}[i == 2]})
		}
	}
	// One column of depth 6: five slots above the jump line. A widow jump
	// fills all five (after line 2 of the second paragraph); the
	// paragraph's end fills three.
	if l := pourJump(els, []int{0}, 6, jumpRelaxed); l.end(els, 0, 0) != 5 {
		t.Fatalf("relaxed pour ends at %d, want 5", l.end(els, 0, 0))
	}
	l := jumpPour(els, []int{0}, 6)
	if end := l.end(els, 0, 0); end != 3 {
		t.Errorf("jump after slot %d, want 3 (the first paragraph's end, not a widow)", end)
	}
}

// TestScoreLegs: deep holes rank before shallow ones, a jump's foot slot
// is not white, and a pour that does not fit ranks last.
func TestScoreLegs(t *testing.T) {
	els := twoLineParas(3)
	l := legs{depth: 5, cols: [][]int{{0, 1, 2, 3}, {4, 5}}, slot: []int{0, 1, 2, 3, 0, 1}, fits: true}
	s := scoreLegs(l, els, []int{0, 0}, false)
	if s.short != 4 || s.deep != 1 {
		t.Errorf("score %+v, want 4 short slots, 1 deep", s)
	}
	j := scoreLegs(l, els, []int{0, 0}, true)
	if j.short != 3 || j.deep != 0 {
		t.Errorf("jump score %+v, want 3 short slots, 0 deep", j)
	}
	if !j.less(s) || s.less(j) {
		t.Error("a pour with a deep hole ranks before one without")
	}
	l.fits = false
	if scoreLegs(l, els, []int{0, 0}, false).fitted() {
		t.Error("a pour that does not fit is not ranked last")
	}
}

// TestPolishAndEstimate copyfits every sample story into two to four
// columns at depths around its natural one and checks that polishing
// never leaves a fit worse than the greedy steps alone (and improves
// some), and that the planner's light estimate agrees with the real fit
// (it never promises less white than the fit leaves).
func TestPolishAndEstimate(t *testing.T) {
	k := testKit(t)
	w := k.Style.ColumnWidth()
	better, fits, agree, checked := 0, 0, 0, 0
	for _, s := range sampleStories(t) {
		a := s.Article
		for cols := 2; cols <= 4; cols++ {
			tops := make([]int, cols)
			st := k.newStory(a, w)
			nat := balance(st.elems(), tops, 1<<20).depth
			for d := max(nat-3, 2); d <= nat+3; d++ {
				zero := make([]int, len(st.parts))
				st.restore(zero)
				st.noPolish = true
				gl, ge := st.fitTo(tops, d)
				greedy := scoreLegs(gl, ge, tops, false)
				st.restore(zero)
				st.noPolish = false
				pl, pe := st.fitTo(tops, d)
				pol := scoreLegs(pl, pe, tops, false)
				if pol.deep > greedy.deep || pol.deep == greedy.deep && pol.short > greedy.short {
					t.Errorf("%s, %d columns, depth %d: polished %+v, greedy %+v", a.Slug, cols, d, pol, greedy)
				}
				if pol.deep < greedy.deep || pol.deep == greedy.deep && pol.short < greedy.short {
					better++
				}
				st.restore(zero)
				est := st.estimateFit(tops, d)
				if pol.fitted() {
					fits++
				}
				checked++
				switch {
				case est.deep < pol.deep || est.deep == pol.deep && est.short < pol.short:
					// The planner would count on white the fit cannot
					// avoid.
					t.Errorf("%s, %d columns, depth %d: estimate %+v better than the fit %+v", a.Slug, cols, d, est, pol)
				case est.deep == pol.deep && est.short == pol.short:
					agree++
				}
			}
		}
	}
	if better == 0 || fits == 0 {
		t.Errorf("polish improved %d fits, %d fitted: the test checks nothing", better, fits)
	}
	// The estimate polishes without trying pairs of changes: it may be
	// worse than the fit, seldom.
	if agree < checked*9/10 {
		t.Errorf("%d of %d estimates agree with the fit", agree, checked)
	}
	t.Logf("polish improved %d fits of %d; %d estimates agree", better, fits, agree)
}
