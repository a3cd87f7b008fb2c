package compose

// A story's body is poured into k columns of a module. Every column holds
// whole elements; a column may start lower than the module's top (under a
// photo); all columns share one depth, the module's, so that legs end on
// the same baseline when the copy fits.

// legs is the result of pouring: which elements each column holds, in
// the order they stand there, and where each element sits.
type legs struct {
	depth int     // slots from the module's body top to its foot
	cols  [][]int // element indexes per column, top to bottom
	slot  []int   // slot of each element, from the module's body top
	fits  bool    // every element found a place
	// gaveWay: some column ends where no break is allowed (a widow, an
	// orphan, a hyphen at its foot), because it had no allowed break.
	gaveWay bool
	all     []int // the array the columns share
}

// pour fills columns greedily to depth slots. tops[c] is the slot where
// column c starts. Text fills each column as far as it goes, ending at an
// allowed break (no widow, no orphan, no hyphen at the foot); space above
// an element is dropped at a column top. A box (float) whose place in the
// text falls inside a column, in a module of more than one column, moves
// to the top of the next column, so that it stands at the top of a leg,
// never across the path of a sentence; the text runs on past it.
func pour(els []elem, tops []int, depth int) legs {
	return pourJump(els, tops, depth, noJump)
}

// Jump modes of a pour.
const (
	noJump        = iota
	jumpStrict    // break two lines or more into a paragraph, two or more before its end
	jumpParagraph // … or after a paragraph's last line
	jumpRelaxed   // … or one line before its end
)

// pourJump is pour for a story that jumps when it does not fit: the last
// column keeps its foot slot free for the jump line and ends only where
// the story may jump (inside a paragraph, not on a hyphen).
func pourJump(els []elem, tops []int, depth int, mode int) legs {
	return pourInto(&legs{}, els, tops, depth, mode)
}

// pourInto is pourJump into dst's arrays, which it reuses: the result
// shares them (copyfitting pours thousands of times and keeps few).
func pourInto(dst *legs, els []elem, tops []int, depth int, mode int) legs {
	jump := mode != noJump
	l := legs{depth: depth, cols: grow(dst.cols, len(tops)), slot: grow(dst.slot, len(els))}
	multi := len(tops) > 1
	var deferred []int // floats waiting for the next column's top
	// The columns share one array: an element stands in one column.
	rest := grow(dst.all, len(els)+4)[:0]
	l.all = rest
	i := 0
	for c := range tops {
		pos := tops[c]
		last := c == len(tops)-1
		bottom := depth
		if jump && last {
			bottom = depth - 1
		}
		col := rest[:0]
		prev := -1 // last element placed in this column
		gapAfter := func(e elem) int {
			if prev < 0 {
				return 0
			}
			return max(els[prev].below, e.above)
		}
		place := func(j int) {
			e := els[j]
			l.slot[j] = pos + gapAfter(e)
			pos = l.slot[j] + e.slots
			col = append(col, j)
			prev = j
		}
		lastOK := len(col) // how many of col may stay if the column must end early
		okPos := pos
		foot := -1 // a box standing at the foot of this column
		textBottom := bottom
		// A box carried over from the previous column stands at the foot
		// of this one (a box at the top of a leg, right under the
		// headline, would leave white beside the headline).
		if len(deferred) > 0 {
			j := deferred[0]
			if last && multi {
				// The last leg ends with the story: the box follows its
				// text instead (placed inline below).
			} else if e := els[j]; pos+2+e.above+e.slots <= bottom {
				foot = j
				textBottom = bottom - e.slots - e.above
				deferred = deferred[1:]
			}
		}
		// In the last leg, carried-over boxes open it.
		for last && len(deferred) > 0 {
			j := deferred[0]
			if pos+gapAfter(els[j])+els[j].slots > bottom {
				break
			}
			place(j)
			deferred = deferred[1:]
		}
		lastOK, okPos = len(col), pos
		for i < len(els) {
			e := els[i]
			midColumn := multi && !last && prev >= 0
			if e.float && foot < 0 && len(deferred) == 0 && midColumn && pos+2+e.above+e.slots <= bottom {
				// Mid-column: the box stands at the foot of this leg and
				// the text runs on above it.
				foot = i
				textBottom = bottom - e.slots - e.above
				i++
				continue
			}
			// In the leg a story jumps from, a box needs room for a few
			// lines under it, to reach a place where the story may jump;
			// else it goes over with the rest.
			jumpRoom := 0
			if jump && last {
				jumpRoom = 3
			}
			if e.float && len(deferred) == 0 && (midColumn || pos+gapAfter(e)+e.slots+jumpRoom > textBottom) {
				// No room left here: the box goes to the top of the next
				// leg and the text runs on past it.
				deferred = append(deferred, i)
				i++
				continue
			}
			if pos+gapAfter(e)+e.slots > textBottom {
				break
			}
			place(i)
			i++
			if (jump && last && e.jumpable(mode)) || (!(jump && last) && e.brk < forbid) {
				lastOK, okPos = len(col), pos
			}
		}
		if i < len(els) && lastOK == 0 && len(col) > 0 && !(jump && last) {
			l.gaveWay = true
		}
		if i < len(els) && lastOK < len(col) && (lastOK > 0 || jump && last) {
			// The column is full before the story ends: end it at the last
			// allowed break and carry the rest over. (With no allowed break
			// at all, the rule gives way: better a widow than a lost line.)
			back := col[lastOK:]
			for _, j := range back {
				if els[j].float {
					deferred = append(deferred, j)
				}
			}
			col = col[:lastOK]
			pos = okPos
			i = firstText(els, back, i)
			if foot >= 0 && foot > i {
				// The box's anchor went over to the next column with the
				// text: it goes there too.
				deferred = append([]int{foot}, deferred...)
				foot = -1
			}
		}
		if foot >= 0 {
			l.slot[foot] = bottom - els[foot].slots
			col = append(col, foot)
		}
		l.cols[c] = col[:len(col):len(col)]
		rest = col[len(col):]
	}
	l.fits = i == len(els) && len(deferred) == 0
	*dst = l
	return l
}

// grow returns s resized to n, reusing its array when it is big enough.
func grow[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n)
}

// firstText returns where text resumes after a column was cut back: the
// first non-float element among those taken off, or next if there is none.
func firstText(els []elem, back []int, next int) int {
	for _, j := range back {
		if !els[j].float {
			return j
		}
	}
	return next
}

// balance finds the least depth at which the story fits in its columns,
// trying from the even share of its slots upward. It returns the pour at
// that depth; limit bounds the depth (the page's), and a pour that does
// not fit even there is returned with fits == false: the rest is overset.
func balance(els []elem, tops []int, limit int) legs {
	total := 0
	for _, e := range els {
		total += e.slots + e.above
	}
	sum := 0
	for _, t := range tops {
		sum += t
	}
	lo := (total + sum + len(tops) - 1) / len(tops)
	// The least depth at which every column ends at an allowed break; a
	// few slots more are worth it (a two-line rest spread over five
	// one-line legs would split its hyphenated word across columns).
	// Failing that, the least depth at which it fits at all.
	for d := lo; d <= min(limit, lo+4); d++ {
		if l := pour(els, tops, d); l.fits && !l.gaveWay {
			return l
		}
	}
	for d := lo; d <= limit; d++ {
		if l := pour(els, tops, d); l.fits {
			return l
		}
	}
	return pour(els, tops, limit)
}

// end returns the slot where column c's content ends (its top when empty).
func (l legs) end(els []elem, c, top int) int {
	end := top
	for _, j := range l.cols[c] {
		end = max(end, l.slot[j]+els[j].slots)
	}
	return end
}

// used returns the deepest slot any column reaches.
func (l legs) used(els []elem) int {
	deepest := 0
	for c := range l.cols {
		deepest = max(deepest, l.end(els, c, 0))
	}
	return deepest
}

// placed counts the elements that found a column.
func (l legs) placed() []bool {
	in := make([]bool, len(l.slot))
	for _, col := range l.cols {
		for _, j := range col {
			in[j] = true
		}
	}
	return in
}
