package wire

import (
	"sort"
	"unicode/utf8"
)

// Positions turns byte offsets into 1-based lines and columns (columns
// count characters), for messages.
type Positions struct {
	data   []byte
	starts []int // offset of each line's first byte
}

// NewPositions indexes the line starts of data.
func NewPositions(data []byte) *Positions {
	p := &Positions{data: data, starts: []int{0}}
	for i, c := range data {
		if c == '\n' {
			p.starts = append(p.starts, i+1)
		}
	}
	return p
}

// At returns the line and column of a byte offset (clamped to the data).
func (p *Positions) At(off int) (line, col int) {
	off = min(max(off, 0), len(p.data))
	line = p.Line(off)
	return line, utf8.RuneCount(p.data[p.starts[line-1]:off]) + 1
}

// Line is At without the column, which costs the length of the line.
func (p *Positions) Line(off int) int {
	off = min(max(off, 0), len(p.data))
	return sort.Search(len(p.starts), func(i int) bool { return p.starts[i] > off })
}

// FirstInvalid returns the offset of the first byte that is not valid UTF-8.
func FirstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}
