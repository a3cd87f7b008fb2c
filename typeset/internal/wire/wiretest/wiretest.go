// Package wiretest holds what the tests of the article readers share: the
// promises every article read must keep, the check that smart punctuation
// changed nothing but punctuation, and the seeding of fuzz targets.
package wiretest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pressroom.dev/typeset/internal/wire"
	"pressroom.dev/typeset/model"
)

// Seed adds the files that match the patterns to a fuzz target's corpus;
// a pattern that matches nothing is a mistake in the test.
func Seed(f *testing.F, patterns ...string) {
	f.Helper()
	for _, pat := range patterns {
		files, _ := filepath.Glob(pat)
		if len(files) == 0 {
			f.Fatalf("no seed files %s", pat)
		}
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
}

// Outcome checks what a reader returned for any input: no article and an
// InputError, or an article that keeps the readers' promises (Check).
func Outcome(a *model.Article, err error, root string) error {
	if err != nil {
		if a != nil || !model.IsInput(err) {
			return fmt.Errorf("error %v (%T) with article %v", err, err, a)
		}
		return nil
	}
	return Check(a, root)
}

// Check reports the first way in which an article breaks the promises of
// the wire readers: a headline, a slug, a priority in 1..5, photos inside
// root, and body text that is tidy (no empty blocks, no white space at the
// edges, no runs of spaces, no line breaks or tabs).
func Check(a *model.Article, root string) error {
	if a == nil || strings.TrimSpace(a.Headline) == "" {
		return fmt.Errorf("no headline: %+v", a)
	}
	if a.Priority < 1 || a.Priority > 5 || a.Slug == "" {
		return fmt.Errorf("priority %d slug %q", a.Priority, a.Slug)
	}
	for _, p := range a.Photos {
		if rel, err := filepath.Rel(root, p.File); err != nil || strings.HasPrefix(rel, "..") {
			return fmt.Errorf("photo %q outside %s", p.File, root)
		}
	}
	for _, b := range a.Body {
		texts := []model.Para{b.Text}
		if b.Kind == model.QuoteBox || b.Kind == model.PullQuote {
			texts = b.Quote
		} else if len(b.Text) == 0 {
			return fmt.Errorf("empty %s", b.Kind)
		}
		for _, s := range texts {
			p := model.Plain(s)
			if p == "" || strings.HasPrefix(p, " ") || strings.HasSuffix(p, " ") || strings.Contains(p, "  ") || strings.ContainsAny(p, "\n\t\r") {
				return fmt.Errorf("untidy text %q in %s", p, b.Kind)
			}
		}
	}
	return nil
}

// typewriter maps each character model.Smarten writes to what it replaces.
var typewriter = strings.NewReplacer("‘", "'", "’", "'", "“", `"`, "”", `"`, "–", "--", "—", "---", "…", "...")

// Smartened checks that smart is the article typed with its punctuation
// made typographic and nothing else changed: the same fields, the same
// words, straight quotes made curly, "--" and "---" dashes, "..." an
// ellipsis. It returns how many texts changed.
func Smartened(typed, smart *model.Article) (int, error) {
	a, b := wire.Texts(typed), wire.Texts(smart)
	if len(a) != len(b) || typed.Slug != smart.Slug || typed.Section != smart.Section || typed.Credit.Source != smart.Credit.Source ||
		typed.Lang != smart.Lang || typed.Priority != smart.Priority || len(typed.Body) != len(smart.Body) || len(typed.Photos) != len(smart.Photos) {
		return 0, fmt.Errorf("more than text changed")
	}
	n := 0
	for i := range a {
		if typewriter.Replace(a[i]) != typewriter.Replace(b[i]) {
			return n, fmt.Errorf("%q became %q", a[i], b[i])
		}
		if a[i] != b[i] {
			n++
		}
	}
	return n, nil
}

// SmartenedFiles reads each file twice, with smart punctuation and without
// (read's last argument), checks the pair with Smartened and returns how
// many texts changed in all. Files the reader refuses are skipped.
func SmartenedFiles(files []string, read func(string, []byte, string, bool) (*model.Article, error)) (int, error) {
	changed := 0
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			return changed, err
		}
		typed, err := read(file, data, "testdata", false)
		if err != nil {
			continue
		}
		smart, err := read(file, data, "testdata", true)
		if err != nil {
			return changed, fmt.Errorf("%s: %v", file, err)
		}
		n, err := Smartened(typed, smart)
		if err != nil {
			return changed, fmt.Errorf("%s: %v", file, err)
		}
		changed += n
	}
	return changed, nil
}
