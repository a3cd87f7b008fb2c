package compose

import (
	"encoding/json"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/model"
	"pressroom.dev/typeset/native"
	"pressroom.dev/typeset/style"
	"pressroom.dev/typeset/units"
)

const samples = "../../samples"

func testKit(t testing.TB) *Kit {
	t.Helper()
	s, err := style.Load("berliner")
	if err != nil {
		t.Fatal(err)
	}
	k, err := NewKit(s, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func sampleStories(t testing.TB) []Story {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(samples, "articles", "*.md"))
	if len(files) < 12 {
		t.Fatalf("%d sample articles", len(files))
	}
	var out []Story
	for _, f := range files {
		a, err := native.ReadFile(f, samples)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, Story{Article: a})
	}
	return out
}

var testEdition = Edition{Paper: "The Test Courier", Date: model.Date{Year: 2026, Month: 11, Day: 27}, Name: "First"}

// TestModulesTile checks the geometry of a made-up edition: every module
// and ad lies inside the page's columns and news hole, none overlaps
// another, and every story is placed.
func TestModulesTile(t *testing.T) {
	k := testKit(t)
	stories := sampleStories(t)
	ads := []Ad{{Name: "shop", Page: 2, Columns: 3, Height: units.FromMm(90)}}
	doc, rep, err := k.MakeUp(stories, ads, testEdition)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Pages) != len(rep.Pages) || len(doc.Pages) < 3 {
		t.Fatalf("%d pages, %d reported", len(doc.Pages), len(rep.Pages))
	}
	C, R := k.Style.Page.Columns, k.slots()
	placed := map[string]bool{}
	for _, pr := range rep.Pages {
		grid := make([][]string, C)
		for c := range grid {
			grid[c] = make([]string, R)
		}
		claim := func(name string, m ModuleReport) {
			if m.Col < 1 || m.Col+m.Cols-1 > C || m.Line < 0 || m.Line+m.Lines > R || m.Lines <= 0 {
				t.Errorf("page %d: %s at columns %d+%d, lines %d+%d is off the grid", pr.Number, name, m.Col, m.Cols, m.Line, m.Lines)
				return
			}
			for c := m.Col - 1; c < m.Col-1+m.Cols; c++ {
				for r := m.Line; r < m.Line+m.Lines; r++ {
					if grid[c][r] != "" {
						t.Errorf("page %d: %s overlaps %s at column %d, line %d", pr.Number, name, grid[c][r], c+1, r)
						return
					}
					grid[c][r] = name
				}
			}
		}
		for _, m := range pr.Modules {
			claim(m.Article, m)
			placed[m.Article] = true
		}
		for _, m := range pr.Ads {
			claim("ad "+m.Name, m)
		}
		for _, m := range pr.Fillers {
			claim("filler", m)
		}
		// The holes the report lists are the runs deeper than two lines,
		// the deepest among them is DeepestHole, and no ad or filler
		// stands in one.
		deepest := 0
		for _, h := range pr.Holes {
			if h.Lines <= 2 || h.Col < 1 || h.Col > C || h.Line < 0 || h.Line+h.Lines > R {
				t.Errorf("page %d: hole %+v", pr.Number, h)
				continue
			}
			deepest = max(deepest, h.Lines)
			for r := h.Line; r < h.Line+h.Lines; r++ {
				if g := grid[h.Col-1][r]; strings.HasPrefix(g, "ad ") || g == "filler" {
					t.Errorf("page %d: hole %+v lies in %s", pr.Number, h, g)
					break
				}
			}
		}
		if pr.DeepestHole > 2 && deepest != pr.DeepestHole {
			t.Errorf("page %d: deepest hole %d, the holes listed reach %d", pr.Number, pr.DeepestHole, deepest)
		}
	}
	for _, s := range stories {
		if !placed[s.Article.Slug] {
			t.Errorf("%s was not placed", s.Article.Slug)
		}
	}
	// The booked ad is on page 2, at the foot, against the outer (left,
	// on an even page) edge.
	if ads := rep.Pages[1].Ads; len(ads) != 1 || ads[0].Col != 1 || ads[0].Cols != 3 || ads[0].Line+ads[0].Lines != R {
		t.Errorf("page 2 ads: %+v", rep.Pages[1].Ads)
	}
}

// TestJumps pins a long story into a short slot so that it must jump, and
// checks both jump lines name the right pages.
func TestJumps(t *testing.T) {
	k := testKit(t)
	stories := sampleStories(t)
	var long *Story
	for i := range stories {
		if stories[i].Article.Slug == "iceland-glacier-counters" {
			long = &stories[i]
		}
	}
	if long == nil {
		t.Fatal("no feature in the samples")
	}
	// A half-page ad on page 1 leaves the feature, pinned there across
	// all columns, too little room.
	long.Pin = Pin{Page: 1, Columns: 5}
	others := []Story{*long}
	for _, s := range stories {
		if s.Article != long.Article {
			others = append(others, s)
		}
	}
	ads := []Ad{{Name: "big", Page: 1, Columns: 5, Height: units.FromMm(230)}}
	doc, rep, err := k.MakeUp(others, ads, testEdition)
	if err != nil {
		t.Fatal(err)
	}
	var ar *ArticleReport
	for i := range rep.Articles {
		if rep.Articles[i].Slug == long.Article.Slug {
			ar = &rep.Articles[i]
		}
	}
	if ar == nil || ar.JumpTo <= 1 || len(ar.Pages) != 2 || ar.Pages[0] != 1 || ar.Pages[1] != ar.JumpTo || ar.OversetLines != 0 {
		t.Fatalf("feature: %+v", ar)
	}
	on := pageText(doc.Pages[0])
	if want := "Continued on Page " + itoa(ar.JumpTo); !strings.Contains(on, want) {
		t.Errorf("page 1 lacks %q", want)
	}
	from := pageText(doc.Pages[ar.JumpTo-1])
	if !strings.Contains(from, "Continued from Page 1") {
		t.Errorf("page %d lacks its 'Continued from Page 1'", ar.JumpTo)
	}
	// The e-paper links the two ends.
	if !hasLink(doc.Pages[0], ar.JumpTo-1) || !hasLink(doc.Pages[ar.JumpTo-1], 0) {
		t.Error("jump lines are not linked")
	}
}

func pageText(pg *display.Page) string {
	var b strings.Builder
	display.Walk(pg.Items, 0, 0, func(it display.Item, _, _ units.Length) {
		if t, ok := it.(*display.Text); ok {
			b.WriteString(t.String())
			b.WriteByte(' ')
		}
	})
	return b.String()
}

func hasLink(pg *display.Page, target int) bool {
	found := false
	display.Walk(pg.Items, 0, 0, func(it display.Item, _, _ units.Length) {
		if l, ok := it.(*display.Link); ok && l.Page == target {
			found = true
		}
	})
	return found
}

// TestOversetWhenPinnedTooSmall: a long story pinned to a slot it cannot
// fill, with no jump allowed, is reported overset with its lines and
// words, and nothing of it is lost silently.
func TestOversetWhenPinnedTooSmall(t *testing.T) {
	k := testKit(t)
	stories := sampleStories(t)
	var long Story
	for _, s := range stories {
		if s.Article.Slug == "iceland-glacier-counters" {
			long = s
		}
	}
	long.Pin = Pin{Page: 1, Columns: 2, Lines: 40, NoJump: true}
	_, rep, err := k.MakeUp([]Story{long}, nil, testEdition)
	if err != nil {
		t.Fatal(err)
	}
	ar := rep.Articles[0]
	if ar.OversetLines == 0 || ar.OversetWords == 0 {
		t.Fatalf("no overset reported: %+v", ar)
	}
	total := articleWords(long.Article)
	if ar.Words+ar.OversetWords < total {
		t.Errorf("placed %d + overset %d words < %d body words: words lost silently", ar.Words, ar.OversetWords, total)
	}
	if len(rep.Warnings) == 0 || !strings.Contains(strings.Join(rep.Warnings, "\n"), "overset") {
		t.Errorf("no overset warning: %v", rep.Warnings)
	}
}

// TestSectionKicker: with kicker.section set, a story without a kicker
// prints its section over the headline, and the words a reader should
// find (Text) say so; an article's own kicker wins; with the setting off
// the section is not printed as a kicker.
func TestSectionKicker(t *testing.T) {
	k := testKit(t)
	a := &model.Article{Slug: "s", Section: "World", Headline: "Rivers rise", Priority: 3,
		Body: []model.Block{{Kind: model.Paragraph, Text: []model.Span{{Text: "Water came over the banks at dawn."}}}}}
	if !k.Style.Type.Kicker.Section {
		t.Fatal("berliner should print sections as kickers")
	}
	doc, _, err := k.MakeUp([]Story{{Article: a}}, nil, testEdition)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(k.Text(a), "WORLD\n") || !strings.Contains(pageText(doc.Pages[0]), "WORLD") {
		t.Errorf("section kicker missing: text %q", k.Text(a))
	}
	a.Kicker = "Floods"
	if !strings.HasPrefix(k.Text(a), "FLOODS\n") || strings.Contains(k.Text(a), "WORLD") {
		t.Errorf("own kicker should win: %q", k.Text(a))
	}
	a.Kicker = ""
	k.Style.Type.Kicker.Section = false
	if strings.Contains(k.Text(a), "WORLD") {
		t.Errorf("section printed with kicker.section off: %q", k.Text(a))
	}
}

// TestDropCap: with drop_cap_lines 3, a lead story's first paragraph
// opens with an initial whose cap height runs from the first line's cap
// height to the third line's baseline; those three lines are set right of
// it and kept together; the first line's text layer carries the letter;
// a story of lower priority gets none.
func TestDropCap(t *testing.T) {
	k := testKit(t)
	k.Style.Article.DropCapLines = 3
	read := func(name string) *model.Article {
		a, err := native.ReadFile(filepath.Join(samples, "articles", name), samples)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	lead := read("ports-strike-north-sea.md") // priority 1
	st := k.newStory(lead, k.Style.ColumnWidth())
	dc := st.parts[0].drop
	if dc == nil {
		t.Fatal("the lead has no drop cap")
	}
	els := st.elems()
	pitch := k.Style.Page.Baseline
	body := k.Font("body")
	for i := 0; i < 4; i++ {
		e := els[i]
		first := e.items[0].(*display.Text)
		x := first.X + first.Glyphs[0].X
		want := units.Length(0)
		if i < 3 {
			want = dc.indent
			if e.brk < forbid && i < 2 || !e.keep && i < 2 {
				t.Errorf("line %d beside the cap may break", i)
			}
		}
		if x < want-units.FromPt(0.5) || x > want+units.FromPt(0.5) { // opening quotes may hang
			t.Errorf("line %d starts at %v, want %v", i, x, want)
		}
	}
	var capRun *display.Text
	for _, it := range els[0].items {
		if t, ok := it.(*display.Text); ok && len(t.Alt) > 0 && t.Alt[0].Glyph == 0 && t.Alt[0].Text == "" {
			capRun = t
		}
	}
	if capRun == nil {
		t.Fatal("no drop cap drawn on the first line")
	}
	base1 := st.fl.base
	capTop := capRun.Y - capRun.Face.Scale(capRun.Face.CapHeight, capRun.Size)
	bodyTop := base1 - body.Regular.Scale(body.Regular.CapHeight, body.Size)
	if capRun.Y != base1+2*pitch {
		t.Errorf("cap baseline %v, want the third line's %v", capRun.Y, base1+2*pitch)
	}
	if d := capTop - bodyTop; d < -units.FromPt(0.2) || d > units.FromPt(0.2) {
		t.Errorf("cap top %v, the first line's cap height %v", capTop, bodyTop)
	}
	if alt, _, _ := els[0].items[0].(*display.Text).AltAt(0, 0); !strings.HasPrefix(alt, "R") {
		t.Errorf("the first line's text layer starts %q, want the initial R", alt)
	}
	other := read("alaska-village-relocation.md") // priority 3
	if st := k.newStory(other, k.Style.ColumnWidth()); st.parts[0].drop != nil {
		t.Error("a story of priority 3 got a drop cap")
	}
	if n := initialLen("“Żubr"); n != len("“Ż") {
		t.Errorf("initialLen(“Żubr) = %d", n)
	}
}

// TestMakeUpSameOnOneCore: whether the stories are set ahead on another
// core or by the make-up itself, the edition comes out the same (the
// text of every page, the report).
func TestMakeUpSameOnOneCore(t *testing.T) {
	build := func(procs int) (string, string) {
		old := runtime.GOMAXPROCS(procs)
		defer runtime.GOMAXPROCS(old)
		k := testKit(t)
		doc, rep, err := k.MakeUp(sampleStories(t), nil, testEdition)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, pg := range doc.Pages {
			b.WriteString(pageText(pg))
		}
		js, _ := json.Marshal(rep)
		return b.String(), string(js)
	}
	text1, rep1 := build(1)
	for i := 0; i < 3; i++ {
		text2, rep2 := build(2)
		if text1 != text2 {
			t.Fatal("the pages' text differs between one core and two")
		}
		if rep1 != rep2 {
			t.Fatal("the report differs between one core and two")
		}
	}
}
