package main

import (
	"fmt"
	"os"
	"runtime/debug"

	"github.com/spf13/cobra"

	"pressroom.dev/typeset/build"
	"pressroom.dev/typeset/model"
)

// buildMemoryLimit is the heap size build aims to stay under (see
// runtime/debug.SetMemoryLimit); GOMEMLIMIT overrides it.
const buildMemoryLimit = 170 << 20

// buildGCPercent is build's GOGC (see runtime/debug.SetGCPercent); the
// GOGC variable overrides it.
const buildGCPercent = 400

func newBuild() *cobra.Command {
	var out, styleName, paper, date string
	var noPreview, quiet bool
	c := &cobra.Command{
		Use:   "build MANIFEST|FOLDER -o DIR",
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
stacked from the foot.

Instead of a manifest, a folder of article files (.md, .xml, .json) can be
built as it stands: its files in name order, under --paper and --date.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{fmt.Errorf("build needs exactly one manifest (or a folder of articles)")}
			}
			if out == "" {
				return usageError{fmt.Errorf("build needs -o DIR")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opt := build.EditionOptions{Style: styleName, NoPreview: noPreview, Paper: paper}
			if date != "" {
				var d model.Date
				if _, err := fmt.Sscanf(date, "%4d-%2d-%2d", &d.Year, &d.Month, &d.Day); err != nil || len(date) != 10 {
					return usageError{fmt.Errorf("--date %q: write 2026-11-27", date)}
				}
				opt.Date = d
			}
			if os.Getenv("GOMEMLIMIT") == "" {
				// A soft ceiling on the heap: the collector works a
				// little harder near it instead of letting the heap
				// double, which keeps a 64-page build under 200 MB at
				// no cost in time. Bigger editions go above it.
				debug.SetMemoryLimit(buildMemoryLimit)
				if os.Getenv("GOGC") == "" {
					// Under that ceiling the heap may grow to five
					// times the live data (the default is twice)
					// before a collection: a 64-page build collects
					// about half as often, ~5 % less CPU, for a peak
					// a few MB higher. Where the ceiling binds, it
					// alone sets the pace, as before.
					debug.SetGCPercent(buildGCPercent)
				}
			}
			pr := newProgress(cmd.ErrOrStderr(), quiet)
			opt.Progress = pr.report
			rep, err := build.Edition(args[0], out, opt)
			pr.finish()
			if err != nil {
				return err
			}
			if quiet {
				return nil // everything is in report.json
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
	c.Flags().BoolVarP(&quiet, "quiet", "q", false, "print nothing but errors (for cron; the report has the rest)")
	c.Flags().StringVar(&paper, "paper", "", "the paper's name, when building a folder of articles without a manifest")
	c.Flags().StringVar(&date, "date", "", "the edition's date (2026-11-27), when building a folder; default: the latest dateline")
	return c
}
