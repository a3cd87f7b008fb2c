package compose

import "pressroom.dev/typeset/units"

// fillPage plans and sets one page: the lead band, then the stacks below.
func (m *makeup) fillPage(ps *pageState) error {
	k := m.k
	C := k.Style.Page.Columns
	cands := m.candidates(ps, 6)
	if len(cands) == 0 {
		return nil
	}
	floor := ps.bottom[0]
	for _, b := range ps.bottom {
		floor = min(floor, b)
	}
	top := ps.top
	taken := map[*item]bool{}

	// The page's lead is its most important story among the next few of
	// the running order.
	lead := cands[0]
	for _, c := range cands[1:min(len(cands), 4)] {
		if lead.pin != (Pin{}) {
			break // the desk's pinned story leads
		}
		if c.cont == nil && c.a.Section == lead.a.Section && c.a.Priority < lead.a.Priority && c.pin.Page == 0 {
			lead = c
		}
	}
	band, side, err := m.planBand(ps, lead, cands, top, floor)
	if err != nil {
		return err
	}
	y := top
	if band != nil {
		taken[lead] = true
		// The stack beside the band was planned to its depth.
		band.fixed = band.p.cols < C
		d, err := m.realize(ps, *band, 0, band.p.cols, y)
		if err != nil {
			return err
		}
		if bw := band.p.cols; bw < C {
			if err := m.realizeStack(ps, side, bw, C-bw, y, y+d, taken); err != nil {
				return err
			}
		}
		band.depth = d
		y += band.depth + gapSlots
	}
	if y >= floor-minLegLines {
		return nil
	}
	// Below the band: the best cut of the columns into stacks.
	cands = m.candidates(ps, 6)
	var bestPlans []plan
	var bestParts []int
	bestScore := 1 << 30
	for _, part := range partitions(C) {
		used := map[*item]bool{}
		for it := range taken {
			used[it] = true
		}
		var plans []plan
		var beside []span
		score, col := 0, 0
		for _, w := range part {
			bottom := ps.bottom[col]
			for c := col; c < col+w; c++ {
				bottom = min(bottom, ps.bottom[c])
			}
			pl := m.planStack(ps, cands, w, y, bottom, used, m.belowLead(band), beside)
			for _, o := range pl.opts {
				used[o.it] = true
			}
			score += pl.score
			if w == C && len(pl.opts) > 1 {
				// Stories stacked across the whole page, one band under
				// another, make a layer cake: a page reads better cut
				// into stacks side by side.
				score += (len(pl.opts) - 1) * layerPenalty
			}
			beside = m.headSpans(pl, y)
			plans = append(plans, pl)
			col += w
		}
		if score < bestScore {
			bestScore, bestPlans, bestParts = score, plans, part
		}
	}
	col := 0
	for i, w := range bestParts {
		bottom := ps.bottom[col]
		for c := col; c < col+w; c++ {
			bottom = min(bottom, ps.bottom[c])
		}
		if err := m.realizeStack(ps, bestPlans[i], col, w, y, bottom, taken); err != nil {
			return err
		}
		col += w
	}
	return nil
}

// layerPenalty is what each full-width band under another costs a page
// plan.
const layerPenalty = 40

// headlineMin is the size from which a head reads as a headline beside
// another (1.6 times the body size): smaller heads, of briefs and jumps,
// do not compete.
func (k *Kit) headlineMin() units.Length { return k.Style.Type.Body.Size * 8 / 5 }

// planBand decides the page's lead band: its width (pinned, or the widest
// from the full page down that makes comfortable legs and whose side
// stack can be filled), its depth, and the stack beside it. The front
// page's lead always runs across.
func (m *makeup) planBand(ps *pageState, lead *item, cands []*item, top, floor int) (*option, plan, error) {
	k := m.k
	C := k.Style.Page.Columns
	room := floor - top
	widths := []int{C}
	if lead.pin.Columns > 0 {
		widths = []int{min(lead.pin.Columns, C)}
	} else {
		for w := C - 1; w >= max(C-3, 1); w-- {
			widths = append(widths, w)
		}
	}
	var best *option
	var bestSide plan
	bestScore := 1 << 30
	for wi, w := range widths {
		p, err := k.prep(lead, w, 0, room)
		if err != nil {
			return nil, plan{}, err
		}
		body := p.natural - p.headSlots
		if body < minLegLines && lead.pin.Columns == 0 {
			continue
		}
		o := option{it: lead, p: p, depth: p.natural}
		switch {
		case lead.pin.Lines > 0:
			// The desk's slot: fitted to it, jumping only if allowed.
			o.depth, o.exact = min(lead.pin.Lines, room), true
			o.jump = p.natural > o.depth && !lead.pin.NoJump && m.canJump(lead, p, o.depth)
		case p.natural > room:
			// Longer than the page: fill it and jump, or set what fits.
			o.depth, o.exact = room, true
			o.jump = m.canJump(lead, p, room)
		case room-p.natural < minLegLines+6:
			o.depth, o.exact = room, true // too little left below: fill the page
		}
		score := wi * 30 // the widest band reads best
		if ps.index == 0 {
			score += wi * 60 // and the front page's lead runs across if it can
		}
		if body < 16 {
			score += (16 - body) * w * 4
		}
		score += m.estShort(o) * 25
		var side plan
		if w < C {
			var beside []span
			if p.headSize >= k.headlineMin() {
				beside = []span{{top, top + p.headSlots}}
			}
			side = m.planStack(ps, cands, C-w, top, top+o.depth, map[*item]bool{lead: true}, m.belowLead(&o), beside)
			score += side.score
		}
		if score < bestScore {
			o := o
			best, bestSide, bestScore = &o, side, score
		}
	}
	return best, bestSide, nil
}

// realizeStack sets a planned pile of modules, top to bottom.
// A module that comes out a slot shallower than planned moves the ones
// under it up; the stack's last module, fitted to the foot, takes the
// difference.
func (m *makeup) realizeStack(ps *pageState, pl plan, col, w, y, bottom int, taken map[*item]bool) error {
	for _, o := range pl.opts {
		if taken[o.it] {
			continue
		}
		taken[o.it] = true
		if o.exact || o.jump {
			o.depth = bottom - y
		}
		d, err := m.realize(ps, o, col, w, y)
		if err != nil {
			return err
		}
		y += d + gapSlots
	}
	return nil
}

// belowLead caps the headlines under the page's lead: at least 12 pt
// smaller when it runs across the page, so the lead dominates the page.
func (m *makeup) belowLead(band *option) units.Length {
	if band == nil || band.p.headSize == 0 {
		return 0
	}
	capSize := band.p.headSize
	if band.p.cols == m.k.Style.Page.Columns {
		capSize -= 12 * units.Pt
	}
	return max(capSize, m.k.Style.Type.Headline.Sizes[0])
}
