package hyphenate

import (
	"bufio"
	"embed"
	"fmt"
	"strconv"
	"strings"
)

// The pattern sets, converted from TeX's hyph-utf8 files by internal/mkpat.
// Each patterns/NAME.pat has its licence notice in patterns/NAME.LICENSE.
//
//go:embed patterns/*.pat patterns/*.LICENSE
var patternFS embed.FS

// LicenseNotice returns the copyright and licence notice of the patterns
// that serve lang (a BCP 47 tag, see ResolveLang), verbatim from the source
// file. A program that ships the patterns (every binary using this package
// does, embedded) should be able to show it, e.g. under a "licences"
// command.
func LicenseNotice(lang string) (string, error) {
	tag, err := ResolveLang(lang)
	if err != nil {
		return "", err
	}
	for _, p := range patternSets {
		if p.tag == tag {
			b, err := patternFS.ReadFile("patterns/" + p.file + ".LICENSE")
			return string(b), err
		}
	}
	return "", fmt.Errorf("%w %q", ErrUnsupportedLanguage, lang)
}

// patFile is the content of one .pat file (format: see internal/mkpat).
type patFile struct {
	lang       string
	left       int
	right      int
	alphabet   []rune
	patterns   []string
	exceptions []string
}

// readPatFile reads and parses the embedded pattern file for name
// ("en-us", "en-gb", "de" or "fr").
func readPatFile(name string) (*patFile, error) {
	data, err := patternFS.ReadFile("patterns/" + name + ".pat")
	if err != nil {
		return nil, err
	}
	return parsePatFile(string(data))
}

func parsePatFile(text string) (*patFile, error) {
	pf := &patFile{}
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	lineNo := 0
	// list is the slice being filled and want how many lines it still takes.
	var list *[]string
	want := 0
	for sc.Scan() {
		lineNo++
		line := sc.Text()
		if want > 0 {
			if line == "" || strings.ContainsAny(line, " \t") {
				return nil, fmt.Errorf("line %d: bad entry %q", lineNo, line)
			}
			*list = append(*list, line)
			want--
			continue
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, val, _ := strings.Cut(line, " ")
		switch key {
		case "lang":
			pf.lang = val
		case "source", "sha256":
			// Provenance only.
		case "lefthyphenmin", "righthyphenmin":
			n, err := strconv.Atoi(val)
			if err != nil || n < 1 {
				return nil, fmt.Errorf("line %d: bad %s %q", lineNo, key, val)
			}
			if key == "lefthyphenmin" {
				pf.left = n
			} else {
				pf.right = n
			}
		case "alphabet":
			pf.alphabet = []rune(val)
		case "patterns", "exceptions":
			n, err := strconv.Atoi(val)
			if err != nil || n < 0 {
				return nil, fmt.Errorf("line %d: bad count %q", lineNo, val)
			}
			if key == "patterns" {
				list = &pf.patterns
			} else {
				list = &pf.exceptions
			}
			*list = make([]string, 0, n)
			want = n
		default:
			return nil, fmt.Errorf("line %d: unknown key %q", lineNo, key)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if want > 0 {
		return nil, fmt.Errorf("file ends %d entries early", want)
	}
	if pf.left == 0 || pf.right == 0 || len(pf.alphabet) == 0 || len(pf.patterns) == 0 {
		return nil, fmt.Errorf("incomplete pattern file (lang %q)", pf.lang)
	}
	return pf, nil
}
