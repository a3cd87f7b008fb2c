package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func typeset(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.md", "---\nheadline: A fine headline\n---\nSome text.\n")
	cases := []struct {
		name string
		args []string
		code int
		want []string // all must appear in stderr
	}{
		{"no headline", []string{"proof", write("nohead.md", "---\nslug: x\n---\nText.\n")}, 1, []string{"nohead.md:2", "headline", "missing"}},
		{"unknown key", []string{"proof", write("typo.md", "---\nheadline: H\nbyine: By Me\n---\nText.\n")}, 1, []string{"typo.md:3", "byine", "unknown field"}},
		{"malformed yaml", []string{"proof", write("yaml.md", "---\nheadline: H\ndeck: a: b\n---\nText.\n")}, 1, []string{"yaml.md:3", "malformed YAML"}},
		{"unreadable", []string{"proof", filepath.Join(dir, "absent.md")}, 1, []string{"absent.md", "cannot read"}},
		{"unknown style", []string{"proof", good, "--style", "tabloid-xl"}, 1, []string{"tabloid-xl", "unknown style", "berliner"}},
		{"bad style file", []string{"proof", good, "--style", write("house.yaml", "extends: berliner\npage:\n  gutter: 4\n")}, 1, []string{"house.yaml:3", "gutter", "no unit"}},
		{"no output flag", []string{"proof", good}, 2, []string{"-o"}},
		{"unknown flag", []string{"proof", good, "--colums", "3"}, 2, []string{"colums"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "_")+".pdf")
			args := c.args
			if c.code != 2 || c.name != "no output flag" {
				args = append(args, "-o", out)
			}
			code, _, stderr := typeset(t, args...)
			if code != c.code {
				t.Errorf("exit %d, want %d; stderr: %s", code, c.code, stderr)
			}
			for _, w := range c.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr %q lacks %q", stderr, w)
				}
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("%s was written despite the error", out)
			}
			if left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(left) > 0 {
				t.Errorf("temporary files left: %v", left)
			}
		})
	}
}

func TestProofAndBuild(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "proof.pdf")
	code, stdout, stderr := typeset(t, "proof", "../../samples/articles/assam-flood-sirens.md", "-o", out, "--columns", "3")
	if code != 0 {
		t.Fatalf("proof failed: %s", stderr)
	}
	if !strings.Contains(stdout, "1 page") {
		t.Errorf("stdout %q", stdout)
	}
	if b, err := os.ReadFile(out); err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Errorf("proof output is not a PDF: %v", err)
	}
	code, stdout, stderr = typeset(t, "build", "../../samples/edition.yaml", "-o", filepath.Join(dir, "ed"))
	if code != 0 {
		t.Fatalf("build failed: %s", stderr)
	}
	for _, f := range []string{"report.json", "print/TheMeridianCourier_20261127.pdf", "epaper/TheMeridianCourier_20261127_epaper.pdf"} {
		if _, err := os.Stat(filepath.Join(dir, "ed", f)); err != nil {
			t.Errorf("build did not write %s", f)
		}
	}
}

func TestVersionAndHelp(t *testing.T) {
	code, stdout, _ := typeset(t, "--version")
	if code != 0 || !strings.Contains(stdout, version) {
		t.Errorf("--version: %d %q", code, stdout)
	}
	for _, cmd := range []string{"proof", "build", "text"} {
		code, stdout, _ := typeset(t, cmd, "--help")
		if code != 0 || !strings.Contains(stdout, "Usage:") {
			t.Errorf("%s --help: %d %q", cmd, code, stdout)
		}
	}
}

func TestHyph(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"hyph", "hyphenation", "--lang", "en-US"}, "hy-phen-ation\n"},
		{[]string{"hyph", "hyphenation", "--lang", "en-GB"}, "hy-phen-a-tion\n"},
		{[]string{"hyph", "Zusammenarbeit", "--lang", "de"}, "Zu-sam-men-ar-beit\n"},
		// A name is not hyphenated in English under the house rules.
		{[]string{"hyph", "Washington", "--lang", "en-US"}, "Washington\n"},
	}
	for _, c := range cases {
		code, out, errOut := typeset(t, c.args...)
		if code != 0 || out != c.want {
			t.Errorf("%v: exit %d, %q (stderr %q), want %q", c.args, code, out, errOut, c.want)
		}
	}
	if code, _, errOut := typeset(t, "hyph", "word", "--lang", "tlh"); code != 2 || !strings.Contains(errOut, "en-GB") {
		t.Errorf("unsupported language: exit %d, %q", code, errOut)
	}
}

// TestBuildFolderQuiet builds a folder of articles without a manifest,
// quietly: nothing on stdout or stderr, the files and the report written.
func TestBuildFolderQuiet(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "wire")
	os.MkdirAll(src, 0o755)
	for i, h := range []string{"First story of the night", "Second story of the night"} {
		os.WriteFile(filepath.Join(src, fmt.Sprintf("s%d.md", i)), []byte(fmt.Sprintf("---\nheadline: %s\nsection: News\ndateline: {place: Oslo, date: 2026-11-26}\n---\nText of the story, long enough to set.\n", h)), 0o644)
	}
	out := filepath.Join(dir, "out")
	code, stdout, stderr := typeset(t, "build", src, "-o", out, "--paper", "The Folder Times", "--no-preview", "--quiet")
	if code != 0 || stdout != "" || stderr != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	rep, err := os.ReadFile(filepath.Join(out, "report.json"))
	if err != nil || !strings.Contains(string(rep), `"paper": "The Folder Times"`) || !strings.Contains(string(rep), `"date": "2026-11-26"`) {
		t.Errorf("report: %v %s", err, rep)
	}
	// Not quiet, and not a terminal: plain progress lines on stderr.
	code, _, stderr = typeset(t, "build", src, "-o", filepath.Join(dir, "out2"), "--no-preview")
	if code != 0 || !strings.Contains(stderr, "make-up…") || !strings.Contains(stderr, "done: 1 page\n") {
		t.Errorf("progress lines: exit %d, %q", code, stderr)
	}
}
