package hyphenate

import (
	"errors"
	"fmt"
	"strings"
	"sync"
)

// ErrUnsupportedLanguage is wrapped by the error Load, Cache.Get and
// ResolveLang return for a language without bundled patterns. The caller
// decides what to do (typically: set the text unhyphenated).
var ErrUnsupportedLanguage = errors.New("hyphenate: unsupported language")

// patternSets maps each canonical tag to its file under patterns/.
var patternSets = []struct{ tag, file string }{
	{"en-US", "en-us"},
	{"en-GB", "en-gb"},
	{"de", "de"},
	{"fr", "fr"},
}

// Supported returns the canonical tags of the bundled pattern sets:
// en-US, en-GB, de (reformed spelling of 1996) and fr.
func Supported() []string {
	tags := make([]string, len(patternSets))
	for i, p := range patternSets {
		tags[i] = p.tag
	}
	return tags
}

// britishRegions are the English-speaking regions that spell (and
// hyphenate) the British way.
var britishRegions = []string{"gb", "uk", "au", "nz", "ie", "za", "in"}

// ResolveLang maps a BCP 47 language tag (case-insensitive, '_' accepted
// for '-') to the canonical tag of the pattern set that serves it:
//
//	en, en-US, en-CA, en-* (others)             → en-US
//	en-GB, en-AU, en-NZ, en-IE, en-ZA, en-IN    → en-GB (also with a script
//	                                              or variant, e.g. en-Latn-GB)
//	de, de-DE, de-AT, de-CH, de-1996, de-*      → de
//	fr, fr-FR, fr-CA, fr-*                      → fr
//
// Any other language gives an error wrapping ErrUnsupportedLanguage that
// lists the supported tags.
func ResolveLang(tag string) (string, error) {
	t := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(tag), "_", "-"))
	parts := strings.Split(t, "-")
	switch parts[0] {
	case "en":
		// The region is the first 2-letter (or 3-digit) subtag after the
		// language, skipping a 4-letter script.
		for _, p := range parts[1:] {
			if len(p) == 4 {
				continue
			}
			if len(p) == 2 {
				for _, r := range britishRegions {
					if p == r {
						return "en-GB", nil
					}
				}
			}
			break
		}
		return "en-US", nil
	case "de":
		return "de", nil
	case "fr":
		return "fr", nil
	}
	return "", fmt.Errorf("%w %q (supported: %s)", ErrUnsupportedLanguage, tag, strings.Join(Supported(), ", "))
}

// Load builds the Hyphenator for a BCP 47 language tag (see ResolveLang).
// Each call parses the embedded patterns and builds a new trie (a few
// milliseconds for English, some tens for German); use a Cache to share
// one Hyphenator per language.
func Load(lang string) (*Hyphenator, error) {
	tag, err := ResolveLang(lang)
	if err != nil {
		return nil, err
	}
	return loadTag(tag)
}

func loadTag(tag string) (*Hyphenator, error) {
	for _, p := range patternSets {
		if p.tag == tag {
			pf, err := readPatFile(p.file)
			if err != nil {
				return nil, fmt.Errorf("hyphenate: %s: %w", p.file, err)
			}
			h, err := newHyphenator(tag, pf)
			if err != nil {
				return nil, fmt.Errorf("hyphenate: %s: %w", p.file, err)
			}
			return h, nil
		}
	}
	return nil, fmt.Errorf("%w %q", ErrUnsupportedLanguage, tag)
}

// Cache loads each language's Hyphenator once and hands out the same value
// afterwards. Its zero value is ready to use, and it is safe for
// concurrent use; a slow first load of one language does not hold up
// another.
type Cache struct {
	mu sync.Mutex
	m  map[string]*cacheEntry
}

type cacheEntry struct {
	once sync.Once
	h    *Hyphenator
	err  error
}

// Get returns the Hyphenator for lang, loading it on first use. Tags that
// resolve to the same pattern set share one Hyphenator.
func (c *Cache) Get(lang string) (*Hyphenator, error) {
	tag, err := ResolveLang(lang)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.m == nil {
		c.m = make(map[string]*cacheEntry)
	}
	e := c.m[tag]
	if e == nil {
		e = &cacheEntry{}
		c.m[tag] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.h, e.err = loadTag(tag) })
	return e.h, e.err
}

// CapitalsMarkNames reports whether a capital letter at the start of a
// word marks a name in the language, so that the house rule "do not
// hyphenate names" can use it. German capitalises every noun: there the
// rule would stop nearly all hyphenation, so it does not apply.
func CapitalsMarkNames(lang string) bool {
	tag, err := ResolveLang(lang)
	return err != nil || tag != "de"
}
