package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"pressroom.dev/typeset/build"
)

func newBuild() *cobra.Command {
	var out, styleName string
	var noPreview bool
	c := &cobra.Command{
		Use:   "build MANIFEST -o DIR",
		Short: "Build an edition from its manifest",
		Long: `build reads an edition manifest (the paper, the date, the style and the
running order of the articles) and writes into DIR:

  print/       the edition and each page as PDF/X-4 for the plant (CMYK)
  epaper/      the subscribers' PDF (RGB, bookmarks, links, article threads)
  preview/     a PNG of every page and the flatplan (--no-preview skips them)
  report.json  pages and their modules, where each story went, jumps,
               overset, white space, warnings

Stories are laid out automatically: sections kept together, each page
cut into modules, long stories jumped to later pages, booked ads
stacked from the foot.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{fmt.Errorf("build needs exactly one manifest")}
			}
			if out == "" {
				return usageError{fmt.Errorf("build needs -o DIR")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			rep, err := build.Edition(args[0], out, build.EditionOptions{Style: styleName, NoPreview: noPreview})
			if err != nil {
				return err
			}
			w := cmd.ErrOrStderr()
			for _, warn := range rep.Warnings {
				fmt.Fprintf(w, "warning: %s\n", warn)
			}
			for _, a := range rep.Articles {
				if a.OversetLines > 0 {
					fmt.Fprintf(w, "overset: %s: %d lines, %d words do not fit\n", a.Source, a.OversetLines, a.OversetWords)
				}
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s: %d pages, %d articles\n", out, len(rep.Pages), len(rep.Articles))
			return nil
		},
	}
	c.Flags().StringVarP(&out, "output", "o", "", "folder to write the edition into")
	c.Flags().StringVar(&styleName, "style", "", "house style, overriding the manifest's")
	c.Flags().BoolVar(&noPreview, "no-preview", false, "do not draw the PNG previews and the flatplan")
	return c
}
