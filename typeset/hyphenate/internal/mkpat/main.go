// Command mkpat converts TeX hyphenation pattern files from the hyph-utf8
// package (hyph-LANG.tex) into the plain-text .pat files that package
// hyphenate embeds, and writes each file's licence header next to it.
//
// Usage (from typeset/hyphenate, as the go:generate line in doc.go does):
//
//	go run ./internal/mkpat -src /usr/share/texlive/texmf-dist/tex/generic/hyph-utf8/patterns/tex -out patterns
//
// The source files come from Debian's texlive-lang-english,
// texlive-lang-german and texlive-lang-french packages; see
// patterns/README.md.
//
// # The .pat format
//
// A .pat file is UTF-8 text, one item per line. Lines starting with '#' are
// comments. It has a header of "key value" lines:
//
//	lang en-us                 the pattern set's tag
//	source hyph-en-us.tex      the file it was converted from
//	sha256 <hex>               that file's SHA-256
//	lefthyphenmin 2            TeX's \lefthyphenmin for typesetting
//	righthyphenmin 3           TeX's \righthyphenmin for typesetting
//	alphabet abc…              every letter the patterns and exceptions use
//
// then a line "patterns N" followed by N patterns in Liang's notation
// (letters, '.' for a word edge, digits for the inter-letter values, zeros
// dropped), then a line "exceptions M" followed by M exception words with
// '-' at each allowed break. Everything is lower case.
//
// mkpat refuses a source file whose licence it does not recognise as
// permitting redistribution (MIT, or the all-permissive notice of the
// American English patterns).
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// source is one pattern set to convert.
type source struct {
	tag  string // output name: patterns/<tag>.pat
	file string // hyph-utf8 file name
}

var sources = []source{
	{"en-us", "hyph-en-us.tex"},
	{"en-gb", "hyph-en-gb.tex"},
	{"de", "hyph-de-1996.tex"},
	{"fr", "hyph-fr.tex"},
}

// permissive are phrases that identify a licence which allows the patterns
// to be copied and redistributed (with the notice kept).
var permissive = []string{
	// MIT (en-gb, de-1996, fr).
	"Permission is hereby granted, free of charge, to any person",
	// The all-permissive notice of hyph-en-us.tex.
	"Copying and distribution of this file, with or without modification,",
}

func main() {
	src := flag.String("src", "/usr/share/texlive/texmf-dist/tex/generic/hyph-utf8/patterns/tex", "directory holding the hyph-*.tex files")
	out := flag.String("out", "patterns", "output directory")
	flag.Parse()
	for _, s := range sources {
		if err := convert(filepath.Join(*src, s.file), *out, s.tag); err != nil {
			fmt.Fprintf(os.Stderr, "mkpat: %s: %v\n", s.file, err)
			os.Exit(1)
		}
	}
}

// texFile is what mkpat takes from one hyph-*.tex file.
type texFile struct {
	header     []string // comment lines before \patterns, verbatim
	left       int
	right      int
	patterns   []string
	exceptions []string
}

func convert(path, outDir, tag string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	tf, err := parseTeX(data)
	if err != nil {
		return err
	}
	header := strings.Join(tf.header, "\n")
	ok := false
	for _, p := range permissive {
		if strings.Contains(header, p) {
			ok = true
		}
	}
	if !ok {
		return errors.New("licence not recognised as permitting redistribution; not converting")
	}
	sum := sha256.Sum256(data)

	var b bytes.Buffer
	fmt.Fprintf(&b, "# Hyphenation patterns converted by typeset/hyphenate/internal/mkpat; do not edit.\n")
	fmt.Fprintf(&b, "# Licence: see %s.LICENSE (the source file's header, verbatim).\n", tag)
	fmt.Fprintf(&b, "lang %s\n", tag)
	fmt.Fprintf(&b, "source %s\n", filepath.Base(path))
	fmt.Fprintf(&b, "sha256 %s\n", hex.EncodeToString(sum[:]))
	fmt.Fprintf(&b, "lefthyphenmin %d\n", tf.left)
	fmt.Fprintf(&b, "righthyphenmin %d\n", tf.right)
	fmt.Fprintf(&b, "alphabet %s\n", alphabet(tf))
	fmt.Fprintf(&b, "patterns %d\n", len(tf.patterns))
	for _, p := range tf.patterns {
		b.WriteString(p)
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "exceptions %d\n", len(tf.exceptions))
	for _, e := range tf.exceptions {
		b.WriteString(e)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(filepath.Join(outDir, tag+".pat"), b.Bytes(), 0o644); err != nil {
		return err
	}

	var l bytes.Buffer
	fmt.Fprintf(&l, "The hyphenation patterns in %s.pat were converted (format only, no\n", tag)
	fmt.Fprintf(&l, "pattern changed) from %s of the hyph-utf8 package, as shipped\n", filepath.Base(path))
	fmt.Fprintf(&l, "by Debian (see README.md). That file's header, which carries its copyright\n")
	fmt.Fprintf(&l, "and licence notice, follows verbatim.\n\n")
	for _, h := range tf.header {
		l.WriteString(h)
		l.WriteByte('\n')
	}
	return os.WriteFile(filepath.Join(outDir, tag+".LICENSE"), l.Bytes(), 0o644)
}

// alphabet lists, sorted, every letter used by the patterns and exceptions.
func alphabet(tf *texFile) string {
	seen := map[rune]bool{}
	for _, list := range [][]string{tf.patterns, tf.exceptions} {
		for _, p := range list {
			for _, r := range p {
				if r != '.' && r != '-' && !('0' <= r && r <= '9') {
					seen[r] = true
				}
			}
		}
	}
	rs := make([]rune, 0, len(seen))
	for r := range seen {
		rs = append(rs, r)
	}
	slices.Sort(rs)
	return string(rs)
}

func parseTeX(data []byte) (*texFile, error) {
	if !utf8.Valid(data) {
		return nil, errors.New("not valid UTF-8")
	}
	if bytes.Contains(data, []byte(`\%`)) {
		return nil, errors.New(`escaped \% not supported`)
	}
	lines := strings.Split(string(data), "\n")
	tf := &texFile{}
	start := -1
	for i, ln := range lines {
		if strings.HasPrefix(strings.TrimSpace(ln), `\patterns{`) {
			start = i
			break
		}
	}
	if start < 0 {
		return nil, errors.New(`no \patterns{`)
	}
	tf.header = lines[:start]
	for len(tf.header) > 0 && strings.TrimSpace(tf.header[len(tf.header)-1]) == "" {
		tf.header = tf.header[:len(tf.header)-1]
	}
	if err := parseMins(tf); err != nil {
		return nil, err
	}

	// The body with comments removed.
	var body strings.Builder
	for _, ln := range lines[start:] {
		if i := strings.IndexByte(ln, '%'); i >= 0 {
			ln = ln[:i]
		}
		body.WriteString(ln)
		body.WriteByte('\n')
	}
	text := body.String()
	pats, rest, err := group(text, `\patterns{`)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, tok := range pats {
		p, key, err := normPattern(tok)
		if err != nil {
			return nil, err
		}
		if seen[key] {
			return nil, fmt.Errorf("duplicate pattern %q", tok)
		}
		seen[key] = true
		tf.patterns = append(tf.patterns, p)
	}
	if strings.Contains(rest, `\hyphenation{`) {
		exc, _, err := group(rest, `\hyphenation{`)
		if err != nil {
			return nil, err
		}
		for _, tok := range exc {
			e, err := normException(tok)
			if err != nil {
				return nil, err
			}
			tf.exceptions = append(tf.exceptions, e)
		}
	}
	return tf, nil
}

// group returns the whitespace-separated tokens between cmd and the next
// '}', and the text after that '}'.
func group(text, cmd string) ([]string, string, error) {
	i := strings.Index(text, cmd)
	if i < 0 {
		return nil, "", fmt.Errorf("no %s", cmd)
	}
	text = text[i+len(cmd):]
	j := strings.IndexByte(text, '}')
	if j < 0 {
		return nil, "", fmt.Errorf("unterminated %s", cmd)
	}
	return strings.Fields(text[:j]), text[j+1:], nil
}

// normPattern checks a pattern and returns it with zero digits dropped, and
// its letters (the key TeX uses to find duplicates).
func normPattern(tok string) (string, string, error) {
	var out, key strings.Builder
	rs := []rune(tok)
	prevDigit := false
	for i, r := range rs {
		switch {
		case r >= '0' && r <= '9':
			if prevDigit {
				return "", "", fmt.Errorf("pattern %q: two digits in a row", tok)
			}
			prevDigit = true
			if r != '0' {
				out.WriteRune(r)
			}
			continue
		case r == '.':
			// A word edge: only first or last (ignoring digits).
			first := strings.TrimLeft(string(rs[:i]), "0123456789") == ""
			last := strings.TrimLeft(string(rs[i+1:]), "0123456789") == ""
			if !first && !last {
				return "", "", fmt.Errorf("pattern %q: '.' inside", tok)
			}
		case isLetter(r):
		default:
			return "", "", fmt.Errorf("pattern %q: unexpected %q", tok, r)
		}
		prevDigit = false
		out.WriteRune(r)
		key.WriteRune(r)
	}
	if key.Len() == 0 {
		return "", "", fmt.Errorf("pattern %q: no letters", tok)
	}
	return out.String(), key.String(), nil
}

func normException(tok string) (string, error) {
	if strings.HasPrefix(tok, "-") || strings.HasSuffix(tok, "-") || strings.Contains(tok, "--") {
		return "", fmt.Errorf("exception %q: misplaced hyphen", tok)
	}
	for _, r := range tok {
		if r != '-' && !isLetter(r) {
			return "", fmt.Errorf("exception %q: unexpected %q", tok, r)
		}
	}
	return tok, nil
}

// isLetter reports whether r may be a pattern letter: a lower-case (or
// caseless) letter that is not a combining mark, or the apostrophe, which
// the French patterns treat as a letter.
func isLetter(r rune) bool {
	if r == '\'' {
		return true
	}
	return unicode.IsLetter(r) && !unicode.IsUpper(r) && !unicode.IsTitle(r)
}

// parseMins reads the "hyphenmins: typesetting: left/right" entries of the
// YAML-like metadata in the header comments.
func parseMins(tf *texFile) error {
	section := ""
	inMins := false
	for _, ln := range tf.header {
		t := strings.TrimPrefix(ln, "%")
		trim := strings.TrimSpace(t)
		indent := len(t) - len(strings.TrimLeft(t, " "))
		if trim == "" {
			continue
		}
		if indent <= 1 {
			inMins = trim == "hyphenmins:"
			section = ""
			continue
		}
		if !inMins {
			continue
		}
		if strings.HasSuffix(trim, ":") {
			section = strings.TrimSuffix(trim, ":")
			continue
		}
		if section != "typesetting" {
			continue
		}
		k, v, ok := strings.Cut(trim, ":")
		if !ok {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil {
			return fmt.Errorf("hyphenmins %q: %v", trim, err)
		}
		switch strings.TrimSpace(k) {
		case "left":
			tf.left = n
		case "right":
			tf.right = n
		}
	}
	if tf.left < 1 || tf.right < 1 {
		return errors.New("no hyphenmins typesetting left/right in header")
	}
	return nil
}
