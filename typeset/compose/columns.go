package compose

// A story's body is poured into k columns of a module. Every column holds
// whole elements; a column may start lower than the module's top (under a
// photo); all columns share one depth, the module's, so that legs end on
// the same baseline when the copy fits.

// legs is the result of pouring: for each column the range of elements in
// it, and where each element sits (slot index from the column's top).
type legs struct {
	depth int      // slots from the module's body top to its bottom
	cols  [][2]int // [first, end) element range per column
	slot  []int    // slot of each element, counted from the module's body top
	fits  bool     // every element found a place
}

// pour fills columns greedily to depth slots: each column takes as many
// elements as fit, backing off to the last allowed break. top[c] is the
// slot where column c starts. The space above an element (gapTop) is
// dropped when it would start a column.
func pour(elems []elem, top []int, depth int) legs {
	l := legs{depth: depth, cols: make([][2]int, len(top)), slot: make([]int, len(elems))}
	i := 0
	for c := range top {
		l.cols[c] = [2]int{i, i}
		pos := top[c]
		lastOK := -1 // index after which this column may end
		j := i
		for j < len(elems) {
			e := elems[j]
			gap := e.gapTop
			if j == i {
				gap = 0
			}
			if pos+gap+e.slots > depth {
				break
			}
			l.slot[j] = pos + gap
			pos += gap + e.slots
			if e.brk < forbid {
				lastOK = j
			}
			j++
		}
		end := j
		if j < len(elems) {
			// The column is full before the story ends: it must end at an
			// allowed break.
			// (When no allowed break fits, the column stays as filled and
			// the rule gives way: better a widow than a lost line.)
			if lastOK >= i && c < len(top)-1 {
				end = lastOK + 1
			} else if lastOK >= i {
				end = lastOK + 1
			}
		}
		l.cols[c][1] = end
		i = end
	}
	l.fits = i == len(elems)
	return l
}

// balance finds the least depth at which the story fits in its columns,
// trying from the even share of its slots upward. It returns the pour at
// that depth; limit bounds the depth (the page's), and a pour that does
// not fit even there is returned with fits == false: the rest is overset.
func balance(elems []elem, top []int, limit int) legs {
	total := 0
	for _, e := range elems {
		total += e.slots + e.gapTop
	}
	sum := 0
	for _, t := range top {
		sum += t
	}
	lo := (total + sum + len(top) - 1) / len(top)
	for d := lo; d <= limit; d++ {
		if l := pour(elems, top, d); l.fits {
			return l
		}
	}
	return pour(elems, top, limit)
}

// used returns the deepest slot any column reaches.
func (l legs) used(elems []elem) int {
	deepest := 0
	for _, r := range l.cols {
		if r[1] > r[0] {
			last := r[1] - 1
			deepest = max(deepest, l.slot[last]+elems[last].slots)
		}
	}
	return deepest
}
