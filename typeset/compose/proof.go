package compose

import (
	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/model"
	"pressroom.dev/typeset/units"
)

// ProofOptions say how to proof stories.
type ProofOptions struct {
	Columns  int     // columns each story runs across; 0 = all of the page's
	Edition  Edition // what the folio prints
	Masthead bool    // put the nameplate on the first page
}

// Proof sets each story on a page of its own (more when it runs long), in
// the given order, and returns the document with the overset of each.
func (k *Kit) Proof(arts []*model.Article, opt ProofOptions) (*display.Document, []Placement, error) {
	s := k.Style
	doc := &display.Document{
		Paper:   opt.Edition.Paper,
		Title:   opt.Edition.Paper,
		Lang:    opt.Edition.Lang,
		Subject: opt.Edition.Subject,
		Date:    opt.Edition.Date.String(),
		Edition: opt.Edition.Name,
	}
	if !opt.Edition.Date.IsZero() {
		doc.Title += " — " + FormatDate(opt.Edition.Date, "{day} {month} {year}")
	}
	if doc.Lang == "" {
		doc.Lang = s.Lang
	}
	cols := opt.Columns
	if cols <= 0 || cols > s.Page.Columns {
		cols = s.Page.Columns
	}
	var places []Placement
	for i, a := range arts {
		pg := k.newPage(len(doc.Pages)+1, a.Section)
		var top units.Length
		if i == 0 && opt.Masthead {
			top = k.masthead(pg, opt.Edition)
		} else {
			top = k.folio(pg, opt.Edition)
		}
		x, areaTop, _, areaH := s.TypeArea(pg.Number)
		fr := Frame{Top: top, GridTop: areaTop, Bottom: areaTop + areaH}
		m, err := k.Article(a, cols, fr)
		if err != nil {
			return nil, nil, err
		}
		place := Placement{Article: a, Page: pg.Number}
		th := display.Thread{Title: a.Headline}
		doc.Outline = append(doc.Outline, display.Bookmark{Title: a.Headline, Page: len(doc.Pages), Y: top})
		// A proof never cuts a story: what does not fit runs on to the
		// next page, as often as it takes.
		for {
			pi := len(doc.Pages)
			pg.Items = append(pg.Items, &display.Group{X: x, Y: top, Label: "article:" + a.Slug, Items: m.Items})
			doc.Pages = append(doc.Pages, pg)
			for _, l := range m.Legs {
				th.Beads = append(th.Beads, display.Bead{Page: pi, X: x + l.X, Y: top + l.Y, W: l.W, H: l.H})
			}
			place.Words += m.Words
			if m.Rest == nil {
				break
			}
			before := m.Overset.Lines
			pg = k.newPage(len(doc.Pages)+1, a.Section)
			top = k.folio(pg, opt.Edition)
			x, areaTop, _, areaH = s.TypeArea(pg.Number)
			fr = Frame{Top: top, GridTop: areaTop, Bottom: areaTop + areaH}
			if m, err = k.Continue(a, m.Rest, cols, fr); err != nil {
				return nil, nil, err
			}
			if m.Rest != nil && m.Overset.Lines >= before {
				// Nothing more fits on an empty page (an element taller
				// than the page): report it as overset rather than loop.
				place.Overset = m.Overset
				pg.Items = append(pg.Items, &display.Group{X: x, Y: top, Label: "article:" + a.Slug, Items: m.Items})
				doc.Pages = append(doc.Pages, pg)
				break
			}
		}
		doc.Threads = append(doc.Threads, th)
		places = append(places, place)
	}
	doc.Warnings = append(doc.Warnings, k.Warnings...)
	return doc, places, nil
}

// Placement says where a story went and what of it did not fit.
type Placement struct {
	Article *model.Article
	Page    int
	Words   int
	Overset Overset
}
