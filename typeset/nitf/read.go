package nitf

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"pressroom.dev/typeset/internal/wire"
	"pressroom.dev/typeset/model"
)

// reader holds the state of one Read.
type reader struct {
	file, root string
	pos        *wire.Positions
	art        *model.Article
	errs       model.Errors
}

// Read parses one NITF 3.x document. file is the path used in messages and
// to resolve relative image paths; root is the edition folder images must
// stay inside ("" = the file's own folder).
//
// Every problem with the input is a *model.InputError (several are returned
// together as model.Errors).
func Read(file string, data []byte, root string) (*model.Article, error) {
	return readArticle(file, data, root, true)
}

// readArticle is Read; smart false leaves the punctuation as sent (for tests).
func readArticle(file string, data []byte, root string, smart bool) (*model.Article, error) {
	doc, pos, err := decode(file, data)
	if err != nil {
		return nil, err
	}
	r := &reader{file: file, root: root, pos: pos}
	a := &model.Article{Source: file, Priority: 3}
	r.art = a

	a.Lang = strings.TrimSpace(doc.attr("baselang"))
	if a.Lang == "" {
		a.Lang = strings.TrimSpace(doc.attr("lang")) // xml:lang
	}
	head := doc.child("head")
	body := doc.child("body")
	bodyHead := body.child("body.head")
	r.head(head)
	r.headline(doc, body, bodyHead)
	r.bodyHead(bodyHead)
	for _, t := range body.child("body.end").children("tagline") {
		a.Credit.Tagline = wire.Join(a.Credit.Tagline, t.textContent(), " ")
	}
	// A tagline that is just "— Source" prints the same as the credit the
	// style makes from the source, in the house dash: keep the source only.
	if a.Credit.Source != "" && wire.StripDash(a.Credit.Tagline) == a.Credit.Source && wire.StartsWithDash(a.Credit.Tagline) {
		a.Credit.Tagline = ""
	}
	for _, c := range body.children("body.content") {
		a.Body = r.flow(c.kids, a.Body)
	}
	wire.StripLeadDateline(a)
	if smart {
		wire.Smarten(a)
	}
	wire.SortErrors(r.errs)
	if err := r.errs.Err(); err != nil {
		return nil, err
	}
	return a, nil
}

// head reads the metadata: slug, section, kicker, priority.
func (r *reader) head(head *node) {
	a := r.art
	docdata := head.child("docdata")
	if id := docdata.child("doc-id"); id != nil {
		a.Slug = wire.Slugify(id.attr("id-string"))
	}
	if a.Slug == "" {
		a.Slug = wire.SlugFromFile(r.file)
	}
	for _, p := range head.children("pubdata") {
		if s := wire.Collapse(p.attr("position.section")); s != "" {
			a.Section = s
			break
		}
	}
	for _, m := range head.children("meta") {
		v := wire.Collapse(m.attr("content"))
		switch strings.ToLower(m.attr("name")) {
		case "section":
			if a.Section == "" {
				a.Section = v
			}
		case "kicker":
			if a.Kicker == "" {
				a.Kicker = v
			}
		}
	}
	if u := docdata.child("urgency"); u != nil {
		if v := strings.TrimSpace(u.attr("ed-urg")); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil {
				r.errorf(u, u.path()+"/@ed-urg", "urgency %q is not a whole number (1 = most urgent)", v)
			} else {
				a.Priority = wire.ClampPriority(n)
			}
		}
	}
}

// headline reads the required hedline/hl1 and the deck.
func (r *reader) headline(doc, body, bodyHead *node) {
	const field = "/nitf/body/body.head/hedline/hl1"
	hed := bodyHead.child("hedline")
	var at *node
	switch {
	case body == nil:
		at = doc
	case bodyHead == nil:
		at = body
	case hed == nil:
		at = bodyHead
	default:
		at = hed
	}
	if hl1 := hed.child("hl1"); hl1 != nil {
		r.art.Headline = hl1.textContent()
		at = hl1
	}
	if r.art.Headline == "" {
		r.errorf(at, field, "missing or empty headline: NITF needs body.head/hedline/hl1")
	}
	for _, h := range hed.children("hl2") {
		r.art.Deck = wire.Join(r.art.Deck, h.textContent(), " ")
	}
	if r.art.Deck == "" {
		for _, p := range bodyHead.child("abstract").children("p") {
			r.art.Deck = wire.Join(r.art.Deck, p.textContent(), " ")
		}
	}
}

// bodyHead reads byline, distributor and dateline.
func (r *reader) bodyHead(bh *node) {
	a := r.art
	for _, b := range bh.children("byline") {
		a.Byline = wire.Join(a.Byline, bylineText(b), "; ")
	}
	if d := bh.child("distributor"); d != nil {
		// "Staff" too is a name to print ("— Staff"): the paper's own
		// reporting (Credit.Staff) is a desk's word, not a wire's.
		a.Credit.Source = d.textContent()
	}
	if d := bh.child("dateline"); d != nil {
		r.dateline(d)
	}
}

// bylineText is the byline's text with ", " before a byttl (the writer's
// title or organisation) that the markup gives no separator:
// "By <person>Alan Karben</person> <byttl>NITF Network News</byttl>" reads
// "By Alan Karben, NITF Network News".
func bylineText(n *node) string {
	var b strings.Builder
	for _, k := range n.kids {
		if k.name == "byttl" {
			before := strings.TrimRightFunc(b.String(), wire.IsSpace)
			r, _ := utf8.DecodeLastRuneInString(before)
			if before != "" && !strings.ContainsRune(",;:/(–—-", r) {
				b.Reset()
				b.WriteString(before + ", ")
			}
		}
		k.appendText(&b)
	}
	return wire.Collapse(b.String())
}

// dateline reads location (or plain text) and story.date.
func (r *reader) dateline(d *node) {
	a := r.art
	if loc := d.child("location"); loc != nil {
		a.Dateline.Place = loc.textContent()
	} else {
		var b strings.Builder
		for _, k := range d.kids {
			if k.name != "story.date" {
				k.appendText(&b)
			}
		}
		a.Dateline.Place = strings.TrimRight(wire.Collapse(b.String()), ",;:–—- ")
	}
	sd := d.child("story.date")
	if sd == nil {
		return
	}
	norm := strings.TrimSpace(sd.attr("norm"))
	if norm == "" {
		a.Dateline.DateText = sd.textContent()
		return
	}
	date, ok := parseNorm(norm)
	if !ok {
		r.errorf(sd, sd.path()+"/@norm",
			"%q is not a date: want YYYYMMDDTHHMMSS±HHMM (or YYYYMMDD)", norm)
		return
	}
	a.Dateline.Date = date
}

// parseNorm reads the date of an NITF norm attribute: YYYYMMDD followed by
// anything (time and offset), or the ISO form YYYY-MM-DD... that feeds
// also send. The date is the one written, which is the date in the offset
// given.
func parseNorm(s string) (model.Date, bool) {
	var digits string
	switch {
	case len(s) >= 10 && s[4] == '-' && s[7] == '-':
		digits = s[0:4] + s[5:7] + s[8:10]
		s = s[10:]
	case len(s) >= 8:
		digits = s[:8]
		s = s[8:]
	default:
		return model.Date{}, false
	}
	if s != "" && s[0] != 'T' && s[0] != 't' && s[0] != ' ' {
		return model.Date{}, false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return model.Date{}, false
		}
	}
	y, _ := strconv.Atoi(digits[:4])
	m, _ := strconv.Atoi(digits[4:6])
	d, _ := strconv.Atoi(digits[6:8])
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if y == 0 || t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return model.Date{}, false
	}
	return model.Date{Year: y, Month: m, Day: d}, true
}
