package pdf

import (
	"math"
	"math/rand"
	"sort"
	"strconv"
	"strings"
	"testing"

	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/shape"
	"pressroom.dev/typeset/units"
)

// TestGlyphPositions writes runs whose glyphs are letter-spaced, scaled,
// kerned and word-spaced irregularly, then reads the content stream back
// as a PDF viewer would (Tf, Tz, Tc, Tm, TJ) and checks that every glyph
// lands within 0.006 pt of its X, and that letter spacing became Tc rather
// than a number between every two letters.
func TestGlyphPositions(t *testing.T) {
	f := face(t, "PTSerif-Regular.ttf")
	rng := rand.New(rand.NewSource(1))
	pg := &display.Page{Number: 1, Width: units.FromMm(100), Height: units.FromMm(100)}
	var runs []*display.Text
	for r := 0; r < 12; r++ {
		size := units.FromPt(7 + float64(r))
		text := setText(f, "Justified lines of news, letter-spaced and kerned", units.FromMm(5), units.FromMm(float64(5+r*7)), size, accent)
		text.Scale = 980 + rng.Intn(41)
		ls := units.FromPt(rng.Float64()*0.4 - 0.2) // the run's letter spacing
		var shift units.Length
		for i := range text.Glyphs {
			g := &text.Glyphs[i]
			g.X = g.X*units.Length(text.Scale)/1000 + shift
			shift += ls
			if g.Code == ' ' {
				shift += units.FromPt(rng.Float64() * 3) // word space
			}
			if rng.Intn(8) == 0 {
				shift += units.FromPt(rng.Float64() - 0.5) // kerning
			}
		}
		runs = append(runs, text)
		pg.Items = append(pg.Items, text)
	}
	wr := &writer{opt: Options{Mode: EPaper}, fonts: map[*shape.Face]*fontRes{}}
	wr.fonts[f] = &fontRes{face: f, name: "F1"}
	pj := wr.layoutPage(pg)
	if err := wr.page(pj); err != nil {
		t.Fatal(err)
	}
	ids := map[rune]uint16{}
	for _, r := range runs {
		for _, g := range r.Glyphs {
			ids[g.Code] = g.ID
		}
	}
	got := interpretTJ(t, string(pj.content), f, ids)
	n := 0
	for _, r := range runs {
		for _, g := range r.Glyphs {
			want := (r.X + g.X).Points()
			if n >= len(got) {
				t.Fatalf("the stream shows %d glyphs, want more", len(got))
			}
			if d := math.Abs(got[n] - want); d > 0.006 {
				t.Errorf("glyph %d at %.4f pt, want %.4f (off %.4f)", n, got[n], want, d)
			}
			n++
		}
	}
	if n != len(got) {
		t.Errorf("the stream shows %d glyphs, want %d", len(got), n)
	}
	// Twelve runs of ~50 glyphs: without Tc there would be a number
	// between nearly every two glyphs.
	if nums := strings.Count(string(pj.content), "> "); nums > 12*12 {
		t.Errorf("%d adjustments in the TJ arrays; letter spacing not taken up by Tc?\n%s", nums, pj.content)
	}
}

// interpretTJ returns the x of every glyph the content shows, in points,
// for a stream of the operators the writer uses. Text state (Tf, Tz, Tc)
// carries over from one text object to the next, as in a viewer.
func interpretTJ(t *testing.T, s string, f *shape.Face, ids map[rune]uint16) []float64 {
	var xs []float64
	var stack []string
	var size, scale, tc, x float64
	scale = 1
	toks := strings.Fields(strings.NewReplacer("[", " [ ", "]", " ] ", "<", " <", ">", "> ").Replace(s))
	num := func(i int) float64 {
		v, err := strconv.ParseFloat(stack[len(stack)-i], 64)
		if err != nil {
			t.Fatalf("operand %q: %v", stack[len(stack)-i], err)
		}
		return v
	}
	for _, tok := range toks {
		switch tok {
		case "BT":
			x = 0
		case "Tf":
			size = num(1)
		case "Tz":
			scale = num(1) / 100
		case "Tc":
			tc = num(1)
		case "Tm":
			x = num(2)
		case "Td":
			x += num(2)
		case "TJ":
			for _, op := range stack {
				switch {
				case strings.HasPrefix(op, "<"):
					hexs := strings.Trim(op, "<>")
					for i := 0; i+4 <= len(hexs); i += 4 {
						code, _ := strconv.ParseUint(hexs[i:i+4], 16, 16)
						xs = append(xs, x)
						id := ids[rune(code)]
						x += (width0(f, id)*size/1000 + tc) * scale
					}
				case op == "[" || op == "]":
				default:
					v, err := strconv.ParseFloat(op, 64)
					if err == nil {
						x -= v / 1000 * size * scale
					}
				}
			}
		}
		if isOperator(tok) {
			stack = stack[:0]
		} else {
			stack = append(stack, tok)
		}
	}
	return xs
}

func isOperator(tok string) bool {
	switch tok {
	case "BT", "ET", "Tf", "Tz", "Tc", "Tm", "Td", "TJ", "k", "K", "rg", "RG", "g", "G", "gs", "BDC", "EMC":
		return true
	}
	return false
}

// TestAppendMilli: numbers come out as strconv writes round3's value.
func TestAppendMilli(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	vals := []float64{0, -0.0004, 0.0004, 0.0005, -0.0005, 1, -1, 0.1, 0.12, 0.125, 1290.268, -8.4, 999.9995, 100}
	for range 100000 {
		vals = append(vals, (rng.Float64()-0.5)*4000, (rng.Float64()-0.5)*2)
	}
	var c content
	for _, v := range vals {
		c.b.Reset()
		c.n(v)
		want := strconv.FormatFloat(round3(v), 'f', -1, 64) + " "
		if got := c.b.String(); got != want {
			t.Fatalf("%v: %q, want %q", v, got, want)
		}
	}
}

// TestNth: nth picks what sorting would put at k, runs of equal values
// included.
func TestNth(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for n := 1; n < 60; n++ {
		for range 200 {
			a := make([]float64, n)
			for i := range a {
				a[i] = float64(rng.Intn(5)) / 4 // many ties, as letter gaps have
				if rng.Intn(3) == 0 {
					a[i] = rng.Float64()
				}
			}
			sorted := append([]float64(nil), a...)
			sort.Float64s(sorted)
			k := rng.Intn(n)
			if got := nth(append([]float64(nil), a...), k); got != sorted[k] {
				t.Fatalf("nth(%v, %d) = %v, want %v", a, k, got, sorted[k])
			}
		}
	}
}
