package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress shows how a build goes: a bar on a terminal, plain log lines
// when the output is a file or a pipe (the nightly job's log), nothing
// with --quiet.
type progress struct {
	w     io.Writer
	tty   bool
	bar   *progressbar.ProgressBar
	stage string
	start time.Time
}

func newProgress(w io.Writer, quiet bool) *progress {
	if quiet {
		return nil
	}
	p := &progress{w: w, start: time.Now()}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.tty = true
	}
	return p
}

// report is build.EditionOptions.Progress.
func (p *progress) report(stage string, done, total int) {
	if p == nil {
		return
	}
	if !p.tty {
		// One line per stage start and end: a log a person can read.
		if stage != p.stage {
			p.stage = stage
			fmt.Fprintf(p.w, "%6.2fs %s…\n", time.Since(p.start).Seconds(), stage)
		}
		if stage == "render" && total > 0 && done == total {
			fmt.Fprintf(p.w, "%6.2fs done: %d page%s\n", time.Since(p.start).Seconds(), done, plural(done))
		}
		return
	}
	if stage != p.stage {
		if p.bar != nil {
			p.bar.Finish()
		}
		p.stage = stage
		max := int64(total)
		if max == 0 {
			max = -1 // a spinner: the count is not known in advance
		}
		p.bar = progressbar.NewOptions64(max,
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionSetDescription(fmt.Sprintf("%-8s", stage)),
			progressbar.OptionShowCount(),
			progressbar.OptionSetWidth(30),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionThrottle(50*time.Millisecond),
		)
	}
	p.bar.Set(done)
}

func (p *progress) finish() {
	if p != nil && p.bar != nil {
		p.bar.Finish()
	}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
