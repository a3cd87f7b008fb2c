package compose

import (
	"strconv"
	"strings"

	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/model"
	"pressroom.dev/typeset/paragraph"
	"pressroom.dev/typeset/units"
)

// Edition is what the furniture prints: the paper's name, the date and
// the edition.
type Edition struct {
	Paper   string
	Date    model.Date
	Name    string // "City Edition"
	Issue   string // "No. 1482"
	Price   string
	Lang    string
	Subject string
}

// newPage makes an empty page of the style's trim size.
func (k *Kit) newPage(number int, section string) *display.Page {
	p := k.Style.Page
	return &display.Page{Number: number, Section: section, Width: p.Width, Height: p.Height, Bleed: p.Bleed}
}

// folio draws the folio line at the top of the type area, the page
// number on the outer edge (right on odd pages, left on even ones), and
// returns the y where the page's content may start.
func (k *Kit) folio(pg *display.Page, ed Edition) units.Length {
	s := k.Style
	x, y, w, _ := s.TypeArea(pg.Number)
	f := k.Font("folio")
	paper := strings.ToUpper(ed.Paper)
	num := strconv.Itoa(pg.Number)
	date := FormatDate(ed.Date, "{weekday}, {day} {month} {year}")
	if pg.Section != "" {
		date += "   " + strings.ToUpper(pg.Section)
	}
	left, right := date, paper+"   "+num
	if pg.Number%2 == 0 {
		left, right = num+"   "+paper, date
	}
	items := k.set("folio", plain(left), w, paragraph.Left, false).place(nil, 0, f.Size)
	items = k.set("folio", plain(right), w, paragraph.Right, false).place(items, 0, f.Size)
	ruleY := f.Size + f.Size/2
	if s.Folio.Rule > 0 {
		items = append(items, &display.Rule{X1: 0, Y1: ruleY, X2: w, Y2: ruleY, Width: s.Folio.Rule, Color: k.Color("black")})
	}
	pg.Items = append(pg.Items, &display.Group{X: x, Y: y, Label: "folio", Items: items})
	return y + ruleY + s.Folio.Space
}

// masthead draws the nameplate of page one: the paper's name across the
// page, and a line with the date, the edition, the issue and the price
// between two rules. It returns the y where the page's content may start.
func (k *Kit) masthead(pg *display.Page, ed Edition) units.Length {
	s := k.Style
	x, y, w, _ := s.TypeArea(pg.Number)
	var items []display.Item
	name := k.set("masthead", plain(ed.Paper), w, paragraph.Center, false)
	nameBase := k.Font("masthead").Size
	items = name.place(items, 0, nameBase)
	yy := nameBase + name.lines[len(name.lines)-1].Descent + units.FromPt(6)
	black := k.Color("black")
	items = append(items, &display.Rule{X1: 0, Y1: yy, X2: w, Y2: yy, Width: units.FromPt(1.5), Color: black})
	lf := k.Font("masthead_line")
	base := yy + units.FromPt(3) + lf.Size
	left := FormatDate(ed.Date, "{weekday}, {day} {month} {year}")
	var mid []string
	if ed.Name != "" {
		mid = append(mid, ed.Name)
	}
	if ed.Issue != "" {
		mid = append(mid, ed.Issue)
	}
	lb := k.set("masthead_line", plain(left), w, paragraph.Left, false)
	items = lb.place(items, 0, base)
	if len(mid) > 0 {
		mb := k.set("masthead_line", plain(strings.Join(mid, " · ")), w, paragraph.Center, false)
		items = mb.place(items, 0, base)
	}
	if ed.Price != "" {
		rb := k.set("masthead_line", plain(ed.Price), w, paragraph.Right, false)
		items = rb.place(items, 0, base)
	}
	yy = base + lf.Size/2
	items = append(items, &display.Rule{X1: 0, Y1: yy, X2: w, Y2: yy, Width: units.FromPt(0.5), Color: black})
	pg.Items = append(pg.Items, &display.Group{X: x, Y: y, Label: "masthead", Items: items})
	return y + yy + units.FromMm(4)
}
