// Package native reads the project's own article format: a YAML front
// matter followed by a Markdown body (see docs/article-format.md). It is
// the format the desk types by hand; the wire formats (NITF, ninjs) have
// readers of their own that produce the same model.Article.
package native

import (
	"os"
	"path/filepath"
	"strings"

	"pressroom.dev/typeset/model"
)

// ReadFile reads and parses one article file. root is the edition's folder,
// which photos must stay inside; "" means the article's own folder.
func ReadFile(file, root string) (*model.Article, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, model.Errorf(file, 0, 0, "", "cannot read the article: %v", unwrapPathError(err))
	}
	return Read(file, data, root)
}

// Read parses an article held in memory; file names it in messages and
// anchors relative photo paths.
func Read(file string, data []byte, root string) (*model.Article, error) {
	yml, body, ymlLine, bodyLine, err := splitFrontMatter(file, data)
	if err != nil {
		return nil, err
	}
	m, err := parseYAML(file, yml, ymlLine)
	if err != nil {
		return nil, err
	}
	a := &model.Article{Source: file, Priority: 3}
	fm := frontMatter{file: file, root: root, base: ymlLine - 1, article: a}
	fm.read(m)
	errs := fm.errs
	blocks, berrs := parseBody(file, body, bodyLine)
	errs = append(errs, berrs...)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	a.Body = blocks
	if a.Slug == "" {
		a.Slug = SlugFromFile(file)
	}
	return a, nil
}

// SlugFromFile derives a slug from a file name: "Kim Visit.md" → "kim-visit".
func SlugFromFile(file string) string {
	base := filepath.Base(file)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(base) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
