package linebreak

import (
	"math"

	"pressroom.dev/typeset/units"
)

// This file holds a reference line breaker for small paragraphs: a plain
// dynamic programme over every (breakpoint, fitness, hyphen count, line
// count) state, without active lists, pruning or deactivation. It minimizes
// the same demerits as Break, so on small inputs the two must agree.

type refState struct {
	pos   int // index of the break item, -1 for the paragraph start
	fit   int
	hyph  int
	lines int
}

type refBP struct {
	pos     int
	pi      int
	pw      units.Length
	flagged bool
	auto    bool
	forced  bool
}

// refBreakpoints lists the legal breakpoints of items (the final one last),
// written independently of Breaker.prepare.
func refBreakpoints(items []Item) (bps []refBP, final int) {
	n := len(items)
	final = n
	if items[n-1].Kind == Penalty && items[n-1].Penalty <= -Infinity {
		final = n - 1
	}
	for i := 0; i < final; i++ {
		it := items[i]
		switch it.Kind {
		case Glue:
			if i > 0 && items[i-1].Kind != Glue && items[i-1].Kind != Penalty {
				bps = append(bps, refBP{pos: i})
			}
		case Penalty:
			if it.Penalty < Infinity {
				forced := it.Penalty <= -Infinity
				pi := it.Penalty
				if forced {
					pi = -Infinity
				}
				bps = append(bps, refBP{pos: i, pi: pi, pw: it.Width, flagged: it.Flagged,
					auto: it.Auto && !forced, forced: forced})
			}
		}
	}
	last := refBP{pos: final, pi: -Infinity, forced: true}
	if final < n {
		last.pw, last.flagged = items[final].Width, items[final].Flagged
	}
	return append(bps, last), final
}

// refLine measures the line from the break at from (-1: paragraph start) to
// the break at to.
func refLine(items []Item, from, to int) (start int, nat, st, sh units.Length) {
	start = 0
	if from >= 0 {
		start = from + 1
		for start < to && (items[start].Kind == Glue || items[start].Kind == Penalty) {
			start++
		}
	}
	for _, it := range items[start:to] {
		if it.Kind != Penalty {
			nat += it.Width
			st += it.Stretch
			sh += it.Shrink
		}
	}
	if to < len(items) && items[to].Kind == Penalty {
		nat += items[to].Width
	}
	return start, nat, st, sh
}

func refFitness(b int, stretched bool) int {
	if stretched {
		if b > 99 {
			return 0
		}
		if b > 12 {
			return 1
		}
		return 2
	}
	if b > 12 {
		return 3
	}
	return 2
}

// refSolve returns the least demerits for each line count with which the
// paragraph can be set in one pass with badness limit thr.
func refSolve(items []Item, p Params, widths []units.Length, thr int, emerg units.Length, auto, rescue bool) map[int]int64 {
	bps, final := refBreakpoints(items)
	if !auto {
		kept := bps[:0:0]
		for _, bp := range bps {
			if !bp.auto {
				kept = append(kept, bp)
			}
		}
		bps = kept
	}
	best := map[refState]int64{{pos: -1, fit: Decent}: 0}
	order := []refState{{pos: -1, fit: Decent}}
	out := map[int]int64{}
	for len(order) > 0 {
		// Take the state with the smallest position (states only lead
		// forward, so this settles them in order).
		k := 0
		for i, s := range order {
			if s.pos < order[k].pos {
				k = i
			}
		}
		s := order[k]
		order = append(order[:k], order[k+1:]...)
		total := best[s]
		if s.pos == final {
			if v, ok := out[s.lines]; !ok || total < v {
				out[s.lines] = total
			}
			continue
		}
		w := widths[min(s.lines, len(widths)-1)]
		for _, bp := range bps {
			if bp.pos <= s.pos {
				continue
			}
			_, nat, st, sh := refLine(items, s.pos, bp.pos)
			d := w - nat
			var b, fit int
			switch {
			case d > 0:
				b = badness(d, st+emerg)
				fit = refFitness(b, true)
			case d < 0 && -d > sh:
				b = -1 // overfull
			case d < 0:
				b = badness(-d, sh)
				fit = refFitness(b, false)
			default:
				fit = 2
			}
			if b >= 0 && b <= thr {
				h := 0
				if bp.flagged {
					h = s.hyph + 1
				}
				if p.MaxConsecutiveHyphens <= 0 || h <= p.MaxConsecutiveHyphens || bp.forced {
					dm := int64(p.LinePenalty) + int64(b)
					if rescue && b >= Infinity && d > 0 {
						// The last resort ranks lines beyond TeX's
						// "infinitely bad" by their real stretch.
						dm = int64(p.LinePenalty) + extendedBadness(d, st+emerg)
						dm *= dm
					} else if dm >= 10000 || dm <= -10000 {
						dm = 100000000
					} else {
						dm *= dm
					}
					if bp.pi > 0 {
						dm += int64(bp.pi * bp.pi)
					} else if bp.pi < 0 && !bp.forced {
						dm -= int64(bp.pi * bp.pi)
					}
					if s.hyph > 0 && bp.pos == final {
						dm += int64(p.FinalHyphenDemerits)
					} else if s.hyph > 0 && bp.flagged {
						dm += int64(p.DoubleHyphenDemerits)
					}
					if fit-s.fit > 1 || s.fit-fit > 1 {
						dm += int64(p.AdjDemerits)
					}
					ns := refState{pos: bp.pos, fit: fit, hyph: h, lines: s.lines + 1}
					if v, ok := best[ns]; !ok {
						best[ns] = total + dm
						order = append(order, ns)
					} else if total+dm < v {
						best[ns] = total + dm
					}
				}
			}
			if bp.forced {
				break // no line may run past a forced break
			}
		}
	}
	return out
}

// refChoice applies TeX's looseness rule to the per-line-count optima. ok is
// false if the paragraph cannot be set; ambiguous if the optimum is reached
// with two line counts (then the outcome depends on list order).
func refChoice(sol map[int]int64, looseness int) (lines int, dem int64, met, ok, ambiguous bool) {
	if len(sol) == 0 {
		return 0, 0, false, false, false
	}
	bestLine, least := 0, int64(math.MaxInt64)
	for l, d := range sol {
		if d < least || (d == least && l < bestLine) {
			bestLine, least = l, d
		}
	}
	for l, d := range sol {
		if d == least && l != bestLine {
			ambiguous = true
		}
	}
	actual := 0
	for l := range sol {
		diff := l - bestLine
		if (diff < actual && looseness <= diff) || (diff > actual && looseness >= diff) {
			actual = diff
		}
	}
	return bestLine + actual, sol[bestLine+actual], actual == looseness, true, ambiguous
}

// refExpect is what Break must return, following its documented order of
// passes. rescue reports the last-resort pass; then lines and dem are only
// known if feasible (a setting without overfull lines exists).
type refExpect struct {
	pass      int
	lines     int
	dem       int64
	met       bool
	rescue    bool
	feasible  bool
	ambiguous bool
}

func refBreak(items []Item, p Params, widths []units.Length) refExpect {
	emerg := max(p.EmergencyStretch, 0)
	var first *refExpect
	if p.Pretolerance >= 0 {
		l, d, met, ok, amb := refChoice(refSolve(items, p, widths, p.Pretolerance, 0, false, false), p.Looseness)
		if ok {
			e := refExpect{pass: 1, lines: l, dem: d, met: met, feasible: true, ambiguous: amb}
			if met {
				return e
			}
			first = &e
		}
	}
	if l, d, met, ok, amb := refChoice(refSolve(items, p, widths, p.Tolerance, 0, true, false), p.Looseness); ok {
		return refExpect{pass: 2, lines: l, dem: d, met: met, feasible: true, ambiguous: amb}
	}
	if first != nil {
		return *first
	}
	if emerg > 0 {
		if l, d, met, ok, amb := refChoice(refSolve(items, p, widths, p.Tolerance, emerg, true, false), p.Looseness); ok {
			return refExpect{pass: 3, lines: l, dem: d, met: met, feasible: true, ambiguous: amb}
		}
	}
	// The last resort ignores looseness.
	l, d, _, ok, amb := refChoice(refSolve(items, p, widths, Infinity, emerg, true, true), 0)
	return refExpect{pass: 3, lines: l, dem: d, met: p.Looseness == 0, rescue: true, feasible: ok, ambiguous: amb}
}
