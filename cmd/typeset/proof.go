package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"pressroom.dev/typeset/build"
	"pressroom.dev/typeset/units"
)

func newProof() *cobra.Command {
	var out, styleName, root, measure, lang string
	var columns int
	c := &cobra.Command{
		Use:   "proof ARTICLE... -o FILE.pdf",
		Short: "Set articles one per page for the desk to check",
		Long: `proof sets each article on a page of its own, across all the page's
columns or --columns of them, and writes one PDF. Articles may be in the
native format (.md), NITF (.xml), ninjs (.json) or plain text (.txt:
paragraphs separated by blank lines, set without a headline). Text that does not fit
is reported as overset.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{fmt.Errorf("proof needs at least one article file")}
			}
			if out == "" {
				return usageError{fmt.Errorf("proof needs -o FILE.pdf")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			var m units.Length
			if measure != "" {
				var err error
				if m, err = units.Parse(measure); err != nil || m <= 0 {
					return usageError{fmt.Errorf("--measure %q: give a column width such as 55mm", measure)}
				}
			}
			res, err := build.Proof(args, out, build.ProofOptions{Style: styleName, Columns: columns, Root: root, Measure: m, Lang: lang})
			if err != nil {
				return err
			}
			w := cmd.ErrOrStderr()
			for _, warn := range res.Warnings {
				fmt.Fprintf(w, "warning: %s\n", warn)
			}
			for _, p := range res.Placed {
				if p.Overset.Lines > 0 {
					fmt.Fprintf(w, "overset: %s: %d lines, %d words do not fit\n", p.Article.Source, p.Overset.Lines, p.Overset.Words)
				}
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s: %d page(s)\n", out, res.Pages)
			return nil
		},
	}
	c.Flags().StringVarP(&out, "output", "o", "", "the PDF to write")
	c.Flags().StringVar(&styleName, "style", "", "house style: a built-in name (berliner) or a .yaml file")
	c.Flags().StringVar(&root, "root", "", "folder that photo paths must stay inside (default: the current folder, or the one above the article's)")
	c.Flags().IntVar(&columns, "columns", 0, "columns each story runs across (default: all)")
	c.Flags().StringVar(&lang, "lang", "", "language of the articles (BCP 47), overriding theirs: chooses hyphenation")
	c.Flags().StringVar(&measure, "measure", "", "column width, e.g. 55mm: proof at the width the story will run")
	return c
}
