package wiretest

import (
	"testing"

	"pressroom.dev/typeset/model"
)

func TestSmartened(t *testing.T) {
	typed := &model.Article{Headline: `Lawyers' "strike" -- day 2...`, Body: []model.Block{{Text: []model.Span{{Text: "d'Emilio"}}}}}
	smart := &model.Article{Headline: "Lawyers’ “strike” – day 2…", Body: []model.Block{{Text: []model.Span{{Text: "d’Emilio"}}}}}
	if n, err := Smartened(typed, smart); n != 2 || err != nil {
		t.Errorf("Smartened = %d, %v", n, err)
	}
	smart.Body[0].Text[0].Text = "d’Emilia"
	if _, err := Smartened(typed, smart); err == nil {
		t.Error("a changed letter passed")
	}
	smart.Body = nil
	if _, err := Smartened(typed, smart); err == nil {
		t.Error("a lost paragraph passed")
	}
}

func TestCheck(t *testing.T) {
	good := model.Article{Headline: "H", Slug: "s", Priority: 3, Photos: []model.Photo{{File: "ed/p.jpg"}},
		Body: []model.Block{{Kind: model.Paragraph, Text: []model.Span{{Text: "a b"}}}}}
	if err := Check(&good, "ed"); err != nil {
		t.Errorf("good article: %v", err)
	}
	for name, change := range map[string]func(a *model.Article){
		"no headline":   func(a *model.Article) { a.Headline = " " },
		"priority":      func(a *model.Article) { a.Priority = 0 },
		"photo outside": func(a *model.Article) { a.Photos[0].File = "p.jpg" },
		"double space":  func(a *model.Article) { a.Body[0].Text[0].Text = "a  b" },
		"empty block":   func(a *model.Article) { a.Body[0].Text = nil },
	} {
		a := good
		a.Photos = []model.Photo{good.Photos[0]}
		a.Body = []model.Block{{Kind: model.Paragraph, Text: []model.Span{{Text: "a b"}}}}
		change(&a)
		if Check(&a, "ed") == nil {
			t.Errorf("%s: passed", name)
		}
	}
	if err := Outcome(nil, model.Errorf("f", 1, 1, "", "bad"), "ed"); err != nil {
		t.Errorf("an input error: %v", err)
	}
	if err := Outcome(&good, model.Errorf("f", 1, 1, "", "bad"), "ed"); err == nil {
		t.Error("an article with an error passed")
	}
}
