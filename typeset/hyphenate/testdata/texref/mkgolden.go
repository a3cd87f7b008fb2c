//go:build ignore

// mkgolden writes testdata/tex-LANG.txt: word lists hyphenated by LuaTeX
// (its lang.hyphenate, i.e. TeX's own Liang implementation) from the
// original hyph-utf8 .tex files, which the tests compare package hyphenate
// against. It needs texlive-base, texlive-lang-english,
// texlive-lang-german and texlive-lang-french (for luatex and the
// patterns). Run from typeset/hyphenate/testdata/texref:
//
//	go run mkgolden.go
//
// The words are: for English, every all-letter word of ../words-en.txt
// (lower-cased), a few words the unit tests quote and TeX's exception
// words; for German and French, a
// hand-made list of ordinary words; and for each language 1500
// pseudo-words glued together from the letters of random patterns, so that
// many patterns (and pattern overlaps) are exercised.
package main

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"
)

const texDir = "/usr/share/texlive/texmf-dist/tex/generic/hyph-utf8/patterns/tex"

type lang struct {
	name, file  string
	left, right int
	words       []string
}

var german = strings.Fields(`bundesregierung zusammenarbeit wirtschaftsministerium straße
größe übergang häuser bürgermeister verkehrsminister arbeitslosigkeit energiewende
klimaschutz bundestagswahl gesundheitsversorgung krankenhaus wohnungsbau schifffahrt
fußball weltmeisterschaft nachrichten zeitung öffentlichkeit äußerung überraschung
entscheidung untersuchung verantwortung staatsanwaltschaft pressekonferenz
bundeskanzlerin außenministerium universität wissenschaft forschung bevölkerung
gesellschaft vereinbarung regierungssprecher abgeordnete landtagswahl kommunalpolitik
mehrwertsteuer einkommensteuer rentenversicherung flughafen bahnhof hochwasser
wetterdienst temperaturen zürich münchen düsseldorf österreich kindergarten schokolade
frühstück grüße fußgängerzone straßenbahn bäckerei lösung maßnahme spaß beißen heißen
größer schließlich außerdem wirtschaftswachstum donaudampfschifffahrtsgesellschaftskapitän
eisenbahnunglück feuerwehr polizeipräsidium bundesverfassungsgericht tarifverhandlungen`)

var french = strings.Fields(`gouvernement développement l'économie aujourd'hui élection
présidentielle qu'il assemblée nationale ministre intérieur l'intérieur d'abord
manifestation rassemblement journaliste réchauffement climatique européenne l'union
entreprises chômage croissance économique négociations syndicats grève transports
hôpital santé boulangerie fraîcheur cœur sœur œuvre naïveté noël déjà très après
théâtre littérature bibliothèque connaissance internationalisation constitutionnel
anticonstitutionnellement désinformation s'inquiéter l'homme jusqu'à lorsqu'il
presqu'île extraordinaire inaugurer l'inauguration transatlantique subaquatique
télécommunications photographie montréal québec parlementaire gendarmerie
l'assemblée préfecture municipalité`)

func main() {
	en := englishWords()
	langs := []lang{
		{"en-us", "hyph-en-us.tex", 2, 3, en},
		{"en-gb", "hyph-en-gb.tex", 2, 3, en},
		{"de", "hyph-de-1996.tex", 2, 2, german},
		{"fr", "hyph-fr.tex", 2, 2, french},
	}
	for i, l := range langs {
		pats, exc := readTeX(filepath.Join(texDir, l.file))
		words := slices.Clone(l.words)
		for _, e := range exc {
			words = append(words, strings.ReplaceAll(e, "-", ""))
		}
		words = append(words, pseudoWords(pats, uint64(i+1), 1500)...)
		slices.Sort(words)
		words = slices.Compact(words)
		if err := run(l, words); err != nil {
			fmt.Fprintln(os.Stderr, "mkgolden:", l.name, err)
			os.Exit(1)
		}
	}
}

func englishWords() []string {
	f, err := os.Open("../words-en.txt")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	var out []string
	word := regexp.MustCompile(`^[a-z]+$`)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := strings.ToLower(sc.Text())
		if word.MatchString(w) {
			out = append(out, w)
		}
	}
	// Words the unit tests quote.
	out = append(out, strings.Fields(`hyphenation independent associate table university
photograph photographer newspaper electroencephalography internationalisation
counterintelligence disproportionately being well typesetting`)...)
	return out
}

func readTeX(path string) (pats, exc []string) {
	data, err := os.ReadFile(path)
	if err != nil {
		panic(err)
	}
	text := regexp.MustCompile(`%[^\n]*`).ReplaceAllString(string(data), "")
	grab := func(cmd string) []string {
		i := strings.Index(text, cmd)
		if i < 0 {
			return nil
		}
		rest := text[i+len(cmd):]
		return strings.Fields(rest[:strings.IndexByte(rest, '}')])
	}
	return grab(`\patterns{`), grab(`\hyphenation{`)
}

// pseudoWords glues the letters of random patterns into n words of 5 to 24
// letters; a pattern starting (ending) with '.' only starts (ends) a word.
func pseudoWords(pats []string, seed uint64, n int) []string {
	rng := rand.New(rand.NewPCG(seed, 42))
	letters := func(p string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsDigit(r) {
				return -1
			}
			return r
		}, p)
	}
	var out []string
	for len(out) < n {
		var b strings.Builder
		for parts := 0; parts < 4 && len([]rune(b.String())) < 5+rng.IntN(8); parts++ {
			p := letters(pats[rng.IntN(len(pats))])
			if strings.HasPrefix(p, ".") {
				if b.Len() > 0 {
					continue
				}
				p = p[1:]
			}
			if strings.HasSuffix(p, ".") {
				b.WriteString(p[:len(p)-1])
				break
			}
			b.WriteString(p)
		}
		if w := b.String(); len([]rune(w)) >= 5 && len([]rune(w)) <= 24 {
			out = append(out, w)
		}
	}
	return out
}

func run(l lang, words []string) error {
	tmp, err := os.MkdirTemp("", "mkgolden")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	in := filepath.Join(tmp, "words.txt")
	outFile := filepath.Join(tmp, "out.txt")
	if err := os.WriteFile(in, []byte(strings.Join(words, "\n")+"\n"), 0o644); err != nil {
		return err
	}
	cmd := exec.Command("luatex", "--ini", "--interaction=nonstopmode", "--output-directory="+tmp, "run.tex")
	cmd.Env = append(os.Environ(),
		"HY_TEX="+filepath.Join(texDir, l.file), "HY_WORDS="+in, "HY_OUT="+outFile,
		fmt.Sprintf("HY_LEFT=%d", l.left), fmt.Sprintf("HY_RIGHT=%d", l.right))
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("luatex: %v\n%s", err, out)
	}
	got, err := os.ReadFile(outFile)
	if err != nil {
		return err
	}
	lines := strings.Split(strings.TrimSuffix(string(got), "\n"), "\n")
	if len(lines) != len(words) {
		return fmt.Errorf("luatex wrote %d lines for %d words", len(lines), len(words))
	}
	for i, ln := range lines {
		if strings.ReplaceAll(ln, "-", "") != words[i] {
			return fmt.Errorf("line %d: %q is not %q hyphenated", i+1, ln, words[i])
		}
	}
	header := fmt.Sprintf("# %s hyphenated by LuaTeX (lang.hyphenate) from %s, left/right min %d/%d.\n# Generated by testdata/texref/mkgolden.go; do not edit.\n", l.name, l.file, l.left, l.right)
	return os.WriteFile(filepath.Join("..", "tex-"+l.name+".txt"), []byte(header+string(got)), 0o644)
}
