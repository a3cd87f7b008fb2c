package ninjs

import (
	"bytes"
	"math"
	"strings"
	"time"

	"pressroom.dev/typeset/internal/wire"
	"pressroom.dev/typeset/model"
)

// reader holds the state of one Read.
type reader struct {
	file, root string
	pos        *wire.Positions
	art        *model.Article
	errs       model.Errors
	pictures   map[string]bool // names of picture associations
}

// Read parses one ninjs 2.x document. file is the path used in messages and
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
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	pos := wire.NewPositions(data)
	doc, err := parseJSON(file, data, pos)
	if err != nil {
		return nil, err
	}
	r := &reader{file: file, root: root, pos: pos, pictures: map[string]bool{}}
	if doc.kind != 'o' {
		return nil, r.errorf(doc, "a ninjs document is a JSON object, got %s", doc.kindName())
	}
	if err := r.version(doc); err != nil {
		return nil, err
	}
	a := &model.Article{Source: file, Priority: 3}
	r.art = a
	r.str(doc, "uri")
	r.str(doc, "copyrightholder")
	a.Slug = wire.Slugify(r.str(doc, "slugline"))
	if a.Slug == "" {
		a.Slug = wire.SlugFromFile(file)
	}
	a.Lang = wire.Collapse(r.str(doc, "language"))
	a.Byline = wire.Collapse(r.str(doc, "by"))
	a.Dateline.Place = wire.Collapse(r.str(doc, "located"))
	r.date(doc)
	r.headlines(doc)
	r.sections(doc)
	r.credit(doc)
	if u := doc.get("urgency"); u != nil && u.kind != 'z' {
		if u.kind != 'n' {
			r.typeErr(u, "number")
		} else if f, err := u.num.Float64(); err != nil || f != math.Trunc(f) {
			r.add(r.errorf(u, "urgency %s is not a whole number (1 = most urgent)", u.num))
		} else {
			a.Priority = wire.ClampPriority(int(max(min(f, 9), -9)))
		}
	}
	r.associations(doc)
	r.body(doc)
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

// version refuses ninjs 1.x and 3.x: 3.x renamed the properties to camel
// case, 1.x had no headlines/bodies arrays.
func (r *reader) version(doc *value) error {
	std := doc.get("standard")
	if std != nil && std.kind != 'o' && std.kind != 'z' {
		r.typeErr(std, "object")
	}
	if std != nil && std.kind == 'o' {
		name := strings.ToLower(r.str(std, "name"))
		v := r.str(std, "version")
		if strings.Contains(name, "ninjs") {
			switch {
			case strings.HasPrefix(v, "3"):
				return r.errorf(std.get("version"), "ninjs %s is not supported: this reader takes ninjs 2.x (3.x renamed the properties to camelCase)", v)
			case strings.HasPrefix(v, "1"):
				return r.errorf(std.get("version"), "ninjs %s is not supported: this reader takes ninjs 2.x", v)
			}
		}
	}
	for i, k := range doc.keys {
		if k != strings.ToLower(k) && ninjs2Props[strings.ToLower(k)] {
			return r.errorf(doc.vals[i], "property %q is ninjs 3.x camelCase: ninjs 3 is not supported, send ninjs 2.x (%q)", k, strings.ToLower(k))
		}
	}
	return nil
}

// ninjs2Props are the top-level properties of ninjs 2.0-2.2.
var ninjs2Props = map[string]bool{}

func init() {
	for _, p := range strings.Fields(`altids associations bodies by contentcreated copyrightholder
		copyrightnotice descriptions digitalsourcetype ednote embargoed events expires firstcreated
		genres headlines infosources language located objects organisations people places profile
		pubstatus renditions representationtype rightsinfo slugline standard subjects title
		trustindicators type urgency uri usageterms version versioncreated`) {
		ninjs2Props[p] = true
	}
}

// headlines reads the headline (role "main", else the only item, else the
// first item that is not a deck) and the deck.
func (r *reader) headlines(doc *value) {
	a := r.art
	nerr := len(r.errs)
	items := r.objects(doc, "headlines")
	roles := make([]string, len(items))
	for i, h := range items {
		roles[i] = strings.ToLower(r.str(h, "role"))
	}
	typeErrs := len(r.errs) > nerr // reported already: no "missing" on top
	main := -1
	for i := range items {
		if roles[i] == "main" && main < 0 {
			main = i
		}
	}
	for i := range items {
		if main < 0 && (len(items) == 1 || !deckRoles[roles[i]]) {
			main = i
		}
	}
	for i, h := range items {
		if i != main && a.Deck == "" && deckRoles[roles[i]] {
			a.Deck = r.text(h)
		}
	}
	hs := doc.get("headlines")
	switch {
	case main >= 0:
		if a.Headline = r.text(items[main]); a.Headline == "" {
			at := items[main].get("value")
			if at == nil {
				at = items[main]
			}
			r.add(r.errorf(at, "empty headline"))
		}
	case typeErrs:
	case doc.get("headline") != nil:
		r.add(r.errorf(doc.get("headline"), "ninjs 1.x \"headline\" is not supported: a ninjs 2.x headline is /headlines/0/value"))
	case hs == nil || hs.kind == 'z':
		r.add(model.Errorf(r.file, 0, 0, "/headlines", "missing headline: ninjs needs headlines[] with a value"))
	default:
		r.add(r.errorf(hs, "missing headline: no item of headlines[] is a headline (role \"main\")"))
	}
	if a.Deck == "" {
		for _, d := range r.objects(doc, "descriptions") {
			if deckRoles[strings.ToLower(r.str(d, "role"))] {
				a.Deck = r.text(d)
				break
			}
		}
	}
}

// deckRoles are the headline and description roles read as the deck.
var deckRoles = map[string]bool{
	"subheadline": true, "sub": true, "deck": true, "standfirst": true, "summary": true, "subtitle": true,
}

// text returns an item's value as plain text (HTML values are stripped of
// markup).
func (r *reader) text(item *value) string {
	v := r.str(item, "value")
	if strings.Contains(strings.ToLower(r.str(item, "contenttype")), "html") {
		return parseHTML(v).textContent()
	}
	return wire.Collapse(v)
}

// sections reads the section: the first subject with rel "section".
func (r *reader) sections(doc *value) {
	for _, s := range r.objects(doc, "subjects") {
		if strings.EqualFold(r.str(s, "rel"), "section") && r.art.Section == "" {
			r.art.Section = wire.Collapse(r.str(s, "name"))
		}
	}
}

// credit reads the first infosource without a role: per NewsML-G2, the
// originator.
func (r *reader) credit(doc *value) {
	for _, s := range r.objects(doc, "infosources") {
		name := wire.Collapse(r.str(s, "name"))
		switch {
		case r.str(s, "role") != "" || name == "" || !r.art.Credit.IsZero():
		default:
			// "Staff" too is a name to print ("— Staff"): the paper's
			// own reporting (Credit.Staff) is a desk's word, not a wire's.
			r.art.Credit.Source = name
		}
	}
}

// date reads the dateline date from contentcreated, else firstcreated,
// else versioncreated: the date as written, in the offset given.
func (r *reader) date(doc *value) {
	for _, key := range []string{"contentcreated", "firstcreated", "versioncreated"} {
		v := doc.get(key)
		s := r.str(doc, key)
		if s == "" {
			continue
		}
		t, err := time.Parse(time.RFC3339, strings.TrimSpace(s))
		if err != nil {
			r.add(r.errorf(v, "%q is not an RFC 3339 date-time (2023-09-17T00:00:00+09:00)", s))
			continue
		}
		if r.art.Dateline.Date.IsZero() {
			r.art.Dateline.Date = model.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
		}
	}
}

// associations reads pictures: the first rendition with an href; caption
// from descriptions (else headlines), credit from by.
func (r *reader) associations(doc *value) {
	for _, as := range r.objects(doc, "associations") {
		typ := strings.ToLower(r.str(as, "type"))
		name := r.str(as, "name")
		r.str(as, "uri")
		rends := r.objects(as, "renditions")
		if typ != "picture" {
			continue
		}
		if name != "" {
			r.pictures[name] = true
		}
		var href *value
		for _, rd := range rends {
			r.str(rd, "name")
			if href == nil && strings.TrimSpace(r.str(rd, "href")) != "" {
				href = rd.get("href")
			}
		}
		if href == nil || wire.IsRemote(strings.TrimSpace(href.str)) {
			continue
		}
		p := model.Photo{Line: r.line(href), Credit: wire.Collapse(r.str(as, "by"))}
		var caption *value
		best := 3
		for _, d := range r.objects(as, "descriptions") {
			ct := strings.ToLower(r.str(d, "contenttype"))
			rank := 2
			switch {
			case strings.EqualFold(r.str(d, "role"), "caption"):
				rank = 0
			case ct == "" || strings.Contains(ct, "plain"):
				rank = 1
			}
			if rank < best {
				caption, best = d, rank
			}
		}
		if caption == nil {
			if hs := r.objects(as, "headlines"); len(hs) > 0 {
				caption = hs[0]
			}
		}
		if caption != nil {
			p.Caption = r.text(caption)
		}
		r.photo(p, strings.TrimSpace(href.str), href)
	}
}

// photo resolves a local image path and adds the photo, or records an
// error at value at if the path leaves the edition folder.
func (r *reader) photo(p model.Photo, src string, at *value) {
	path, ok := wire.Resolve(r.file, r.root, src)
	if !ok {
		r.add(r.errorf(at, "image %q is outside the edition folder", src))
		return
	}
	p.File = path
	r.art.Photos = append(r.art.Photos, p)
}
