package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"pressroom.dev/typeset/build"
)

func newBuild() *cobra.Command {
	var out, styleName string
	c := &cobra.Command{
		Use:   "build MANIFEST -o DIR",
		Short: "Build an edition from its manifest",
		Long: `build reads an edition manifest (the paper, the date, the style and the
running order of the articles) and writes into DIR:

  print/   the print PDF (process CMYK)
  epaper/  the subscribers' PDF (RGB, bookmarks)
  report.json  pages, where each story went, overset and warnings`,
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
			rep, err := build.Edition(args[0], out, build.EditionOptions{Style: styleName})
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
	return c
}
