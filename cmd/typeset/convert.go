package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"pressroom.dev/typeset/build"
	"pressroom.dev/typeset/edition"
	"pressroom.dev/typeset/model"
	"pressroom.dev/typeset/native"
)

func newConvert() *cobra.Command {
	var out, root string
	c := &cobra.Command{
		Use:   "convert ARTICLE -o FILE.md",
		Short: "Write an article in the native Markdown format, for the desk to edit",
		Long: `convert reads an article in any format (NITF .xml, ninjs .json, the
native .md, plain .txt) and writes it in the native format: the front
matter, then the body in Markdown, one paragraph to a line. Photo paths are
written relative to the new file's folder. With -o - the article goes to
standard output.

What the native format cannot hold (an NITF tagline, a wire credit
"Staff", a story without body text) is kept in a comment where it can be,
and reported on stderr.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{fmt.Errorf("convert needs exactly one article file")}
			}
			if out == "" {
				return usageError{fmt.Errorf("convert needs -o FILE.md (or -o - for standard output)")}
			}
			if out != "-" && edition.Format(out) != "markdown" {
				return usageError{fmt.Errorf("-o %s: the native format is written to a .md file", out)}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			file := args[0]
			if root == "" {
				root = defaultRoot(file)
			}
			dir := "."
			if out != "-" {
				dir = filepath.Dir(out)
				if st, err := os.Stat(dir); err != nil || !st.IsDir() {
					return usageError{fmt.Errorf("-o %s: there is no folder %s to write it in", out, dir)}
				}
			}
			a, err := edition.ReadArticle(file, root)
			if err != nil {
				return err
			}
			var buf bytes.Buffer
			if err := native.Write(&buf, a, dir); err != nil {
				return err
			}
			if out == "-" {
				if _, err := cmd.OutOrStdout().Write(buf.Bytes()); err != nil {
					return err
				}
			} else if err := writeAtomic(out, buf.Bytes()); err != nil {
				return err
			}
			warnLosses(cmd.ErrOrStderr(), out, a, buf.Bytes())
			if out != "-" {
				fmt.Fprintf(cmd.OutOrStdout(), "%s: written from %s\n", out, file)
			}
			return nil
		},
	}
	c.Flags().StringVarP(&out, "output", "o", "", "the .md file to write, or - for standard output")
	c.Flags().StringVar(&root, "root", "", "folder that photo paths must stay inside (default: the current folder, or the one above the article's)")
	return c
}

// defaultRoot is the folder photos must stay inside, as for proof: the
// current folder when it holds the article, else the one above the
// article's own.
func defaultRoot(file string) string {
	abs, err := filepath.Abs(file)
	if err != nil {
		return ""
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return wd
		}
	}
	return filepath.Dir(filepath.Dir(abs))
}

// warnLosses reads the written article back and reports on w what the
// native format did not keep. out is the file written ("-": standard
// output); photo paths are relative to its folder.
func warnLosses(w io.Writer, out string, a *model.Article, data []byte) {
	// The photos were checked when the article was read: any root will do.
	b, err := native.Read(out, data, string(filepath.Separator))
	if err != nil {
		fmt.Fprintf(w, "warning: the native format cannot hold all of %s; fix this by hand before it is set:\n", a.Source)
		var es model.Errors
		if !errors.As(err, &es) {
			es = model.Errors{err}
		}
		for _, e := range es {
			fmt.Fprintf(w, "  %v\n", e)
		}
		return
	}
	for _, d := range native.Differences(a, b) {
		fmt.Fprintf(w, "warning: the native format does not keep this of %s: %s\n", a.Source, d)
	}
}

// writeAtomic writes data to path through a temporary file in the same
// folder and a rename: a failed run leaves no partial file.
func writeAtomic(path string, data []byte) error {
	return build.WriteFile(path, func(f *os.File) error {
		_, err := f.Write(data)
		return err
	})
}
