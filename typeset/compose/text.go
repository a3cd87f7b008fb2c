package compose

import (
	"strconv"
	"strings"

	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/model"
	"pressroom.dev/typeset/paragraph"
	"pressroom.dev/typeset/style"
	"pressroom.dev/typeset/units"
)

// block is text set in one type style: its lines, and how far apart.
type block struct {
	lines   []paragraph.Line
	leading units.Length
	before  units.Length // space above the first line, from the style
}

// set sets spans in the named type style at a width.
func (k *Kit) set(name string, spans []model.Span, width units.Length, def paragraph.Align, hyphenate bool) block {
	ts := k.typeStyle(name)
	f := k.Font(name)
	runs := make([]paragraph.Run, 0, len(spans))
	for _, s := range spans {
		runs = append(runs, paragraph.Run{Text: s.Text, Font: f, Style: s.Style})
	}
	return k.setRuns(ts, runs, width, align(ts.Align, def), hyphenate)
}

func (k *Kit) setRuns(ts style.TypeStyle, runs []paragraph.Run, width units.Length, a paragraph.Align, hyphenate bool) block {
	res := k.Setter.Set(&paragraph.Spec{Runs: runs, Align: a, Hyphenate: hyphenate}, []units.Length{width})
	lead := ts.Leading
	if lead == 0 {
		lead = ts.Size * 6 / 5
	}
	return block{lines: res.Lines, leading: lead, before: ts.Before}
}

// plain makes one unstyled span.
func plain(s string) []model.Span { return []model.Span{{Text: s}} }

// height is the depth of a block from the top of its first line's ascent
// to its last baseline.
func (b block) height() units.Length {
	if len(b.lines) == 0 {
		return 0
	}
	return b.lines[0].Ascent + units.Length(len(b.lines)-1)*b.leading
}

// place puts the block's lines with the first baseline at y, left edge x.
func (b block) place(dst []display.Item, x, y units.Length) []display.Item {
	for i, l := range b.lines {
		dst = placeLine(dst, l, x, y+units.Length(i)*b.leading)
	}
	return dst
}

func placeLine(dst []display.Item, l paragraph.Line, x, y units.Length) []display.Item {
	for _, r := range l.Runs {
		t := *r
		t.X += x
		t.Y += y
		dst = append(dst, &t)
	}
	return dst
}

var months = [...]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
var weekdays = [...]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

// FormatDate writes a date with a pattern of {weekday}, {day}, {month},
// {mon} and {year}.
func FormatDate(d model.Date, pattern string) string {
	if d.IsZero() {
		return ""
	}
	r := strings.NewReplacer(
		"{weekday}", weekdays[weekday(d)],
		"{day}", strconv.Itoa(d.Day),
		"{month}", months[d.Month-1],
		"{mon}", months[d.Month-1][:3],
		"{year}", strconv.Itoa(d.Year),
	)
	return r.Replace(pattern)
}

// weekday by Zeller's congruence (0 = Sunday).
func weekday(d model.Date) int {
	y, m := d.Year, d.Month
	if m < 3 {
		m += 12
		y--
	}
	k, j := y%100, y/100
	h := (d.Day + 13*(m+1)/5 + k + k/4 + j/4 + 5*j) % 7 // 0 = Saturday
	return (h + 6) % 7
}

// Dateline renders an article's dateline in the house style: "SEOUL,
// September 17 —". A dateline given as one printable string keeps its
// words and gets the style's closing mark.
func Dateline(d model.Dateline, st style.DatelineStyle) string {
	if d.IsZero() {
		return ""
	}
	place := d.Place
	if st.PlaceUpper {
		place = strings.ToUpper(place)
	}
	date := d.DateText
	if date == "" {
		date = FormatDate(d.Date, st.DateFormat)
	}
	f := st.Format
	if place == "" {
		f = strings.Replace(strings.Replace(f, "{place}, ", "", 1), "{place}", "", 1)
	}
	if date == "" {
		f = strings.Replace(strings.Replace(f, ", {date}", "", 1), "{date}", "", 1)
	}
	return strings.TrimSpace(strings.NewReplacer("{place}", place, "{date}", date).Replace(f))
}

// CreditLine renders the end credit: "— Reuters", a tagline as given, the
// style's staff line, or "".
func CreditLine(c model.Credit, st style.CreditStyle) string {
	switch {
	case c.Tagline != "":
		return c.Tagline
	case c.Staff:
		return st.Staff
	case c.Source != "":
		return strings.Replace(st.Format, "{source}", c.Source, 1)
	}
	return ""
}
