// Package units is the one length type every layout stage uses.
//
// A Length is an integer count of scaled points: 65536 to the PostScript
// point, as in TeX. Integer lengths add up the same way on every machine and
// in every run, which is what makes the PDFs byte-identical; 1/65536 pt
// (about 5 nm) is far below anything a press or a screen can show.
package units

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Length is a distance in scaled points (1 pt = 65536 sp).
type Length int64

// Common lengths.
const (
	SP Length = 1
	Pt Length = 65536
	// In is 72 points exactly.
	In Length = 72 * Pt
)

// Mm is the nearest Length to one millimetre (72/25.4 pt).
const Mm Length = 185771 // 72*65536/25.4 = 185771.34

// FromPt converts points to a Length, rounding to the nearest scaled point.
func FromPt(pt float64) Length { return Length(math.Round(pt * float64(Pt))) }

// FromMm converts millimetres to a Length, rounding to the nearest scaled point.
func FromMm(mm float64) Length { return Length(math.Round(mm * 72 / 25.4 * float64(Pt))) }

// Points returns l in PostScript points.
func (l Length) Points() float64 { return float64(l) / float64(Pt) }

// Millimetres returns l in millimetres.
func (l Length) Millimetres() float64 { return float64(l) / float64(Pt) * 25.4 / 72 }

// Scale multiplies l by num/den, rounding to nearest; it is exact for the
// integer ratios layout uses (font units per em, percentages).
func (l Length) Scale(num, den int64) Length {
	p := int64(l) * num
	if (p < 0) != (den < 0) {
		return Length((p - den/2) / den)
	}
	return Length((p + den/2) / den)
}

// String prints the length in points with up to three decimals, which is
// what debugging output and golden dumps want.
func (l Length) String() string {
	return strconv.FormatFloat(math.Round(l.Points()*1000)/1000, 'f', -1, 64) + "pt"
}

// Min returns the smaller of a and b.
func Min(a, b Length) Length {
	if a < b {
		return a
	}
	return b
}

// Max returns the larger of a and b.
func Max(a, b Length) Length {
	if a > b {
		return a
	}
	return b
}

// ParseError says why a written length could not be read; Text is what was
// written, so a caller can find where it stood in its file.
type ParseError struct {
	Text string
	Msg  string
}

func (e *ParseError) Error() string { return e.Msg }

// UnmarshalText reads a length written with a unit, so that style files can
// hold lengths directly.
func (l *Length) UnmarshalText(b []byte) error {
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*l = v
	return nil
}

// MarshalText writes the length in points.
func (l Length) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// Parse reads a length written with a unit: "9pt", "12mm", "1.5cm", "0.25in",
// "3p" (picas). A bare number is refused: a style sheet that says "12" could
// mean any of them.
func Parse(s string) (Length, error) {
	t := strings.TrimSpace(s)
	i := len(t)
	for i > 0 && (t[i-1] >= 'a' && t[i-1] <= 'z') {
		i--
	}
	num, unit := strings.TrimSpace(t[:i]), t[i:]
	if num == "" {
		return 0, parseErr(s, "%q is not a length (write a number and a unit, e.g. 12mm or 9pt)", s)
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, parseErr(s, "%q is not a length (write a number and a unit, e.g. 12mm or 9pt)", s)
	}
	var pt float64
	switch unit {
	case "pt":
		pt = v
	case "mm":
		pt = v * 72 / 25.4
	case "cm":
		pt = v * 720 / 25.4
	case "in":
		pt = v * 72
	case "p", "pc":
		pt = v * 12
	case "":
		return 0, parseErr(s, "%q has no unit (write e.g. %smm or %spt)", s, num, num)
	default:
		return 0, parseErr(s, "%q has an unknown unit %q (use pt, mm, cm, in or pc)", s, unit)
	}
	if math.Abs(pt) > 1e7 {
		return 0, parseErr(s, "%q is too large for a page", s)
	}
	return FromPt(pt), nil
}

func parseErr(text, format string, args ...any) error {
	return &ParseError{Text: text, Msg: fmt.Sprintf(format, args...)}
}
