package linebreak

import (
	"testing"

	"pressroom.dev/typeset/units"
)

// fuzzInput decodes bytes into a paragraph, parameters and widths. Every
// byte string is valid input: lengths may be negative or absurd, kinds
// unknown, penalties anything.
func fuzzInput(data []byte) ([]Item, Params, []units.Length) {
	at := func(i int) byte {
		if i < len(data) {
			return data[i]
		}
		return 0
	}
	p := DefaultParams()
	p.Pretolerance = int(int8(at(0))) * 10
	p.Tolerance = int(at(1)) * 40
	p.Looseness = int(int8(at(2))) % 3
	p.MaxConsecutiveHyphens = int(at(3) % 4)
	p.EmergencyStretch = units.Length(at(3)/4) * units.Pt
	if at(2)&0x80 != 0 {
		p.AdjDemerits = -p.AdjDemerits
		p.LinePenalty = 20000
	}
	widths := make([]units.Length, 1+int(at(4)%3))
	for i := range widths {
		widths[i] = units.Length(int8(at(5+i))) * units.Pt
	}
	var items []Item
	penalties := [...]int{-20000, -Infinity, -100, 0, 50, 100, Infinity - 1, Infinity, 1 << 40}
	for i := 8; i+4 <= len(data); i += 4 {
		c := data[i : i+4]
		it := Item{
			Kind:    Kind(c[0] % 4), // 3 is an unknown kind, treated as a box
			Width:   units.Length(int8(c[1])) * units.Pt / 4,
			Stretch: units.Length(c[2]%16) * units.Pt / 4,
			Shrink:  units.Length(c[2]>>4) * units.Pt / 4,
			Penalty: penalties[int(c[3])%len(penalties)],
			Flagged: c[0]&4 != 0,
			Auto:    c[0]&8 != 0,
		}
		switch c[0] >> 4 {
		case 15: // absurd lengths
			it.Width, it.Stretch, it.Shrink = 1<<62, 1<<62, -1<<62
		case 14:
			items = AppendParagraphEnd(items)
			continue
		}
		items = append(items, it)
	}
	if at(7)&1 != 0 {
		items = AppendParagraphEnd(items)
	}
	return items, p, widths
}

// FuzzBreak: random item lists never panic, the lines cover the items in
// order, and the per-item widths can be computed for every line.
func FuzzBreak(f *testing.F) {
	f.Add([]byte{10, 5, 0, 2, 0, 40, 0, 1, 0, 20, 0x21, 0, 1, 8, 0x21, 0, 0, 20, 0x21, 0, 2, 0, 0, 4, 6, 1, 0, 4})
	f.Add([]byte{0xff, 0xff, 0x81, 3, 2, 10, 20, 1, 0, 100, 0, 0, 3, 0x7f, 0xff, 1, 0xf0, 0, 0, 0, 2, 1, 0, 8})
	f.Add([]byte{0, 0, 1, 1, 0, 0x90, 0, 0, 0, 4, 0, 0, 2, 0, 0, 1, 0xe0, 0, 0, 0})
	rng := newRand(99)
	for i := 0; i < 8; i++ {
		b := make([]byte, 8+4*rng.IntN(40))
		for j := range b {
			b[j] = byte(rng.IntN(256))
		}
		f.Add(b)
	}
	var br Breaker
	f.Fuzz(func(t *testing.T, data []byte) {
		items, p, widths := fuzzInput(data)
		r := br.Break(items, p, widths)
		if err := checkCover(items, p, widths, r); err != nil {
			t.Fatal(err)
		}
		var gw, be []units.Length
		for _, l := range r.Lines {
			gw = l.GlueWidths(items, gw)
			be = l.BoxExtra(items, be)
			if len(gw) != l.End-l.Start || len(be) != l.End-l.Start {
				t.Fatal("width slices do not match the line")
			}
		}
		if r2 := Break(items, p, widths); r2.Demerits != r.Demerits || len(r2.Lines) != len(r.Lines) {
			t.Fatal("not deterministic")
		}
	})
}
