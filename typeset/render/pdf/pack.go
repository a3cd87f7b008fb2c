package pdf

import (
	"bytes"
	"runtime"
	"sync"

	"github.com/klauspost/compress/zlib"
)

// packer deflates the pages' content streams (FlateDecode: zlib) on all
// processors while the document is still being drawn: a page's stream is
// final once drawn, so its compression need not wait for fpdf and the
// finishing stage, which then only collects the results.
type packer struct {
	level int
	next  chan *pageJob
	close sync.Once
	wg    sync.WaitGroup
	mu    sync.Mutex
	err   error
}

// packLevel is the compression of a mode's content streams, with
// klauspost/compress, whose deflate is several times faster than the
// standard library's at the same ratio (64 pages, e-paper streams: its
// level 6 deflates them in a fifth of the time of the standard level 5,
// 2 % larger). The e-paper is downloaded by every subscriber: it gets
// the smaller streams; the plant's files a level about as fast as the
// standard library's fastest, and smaller.
func packLevel(m Mode) int {
	if m == EPaper {
		return 6
	}
	return 4
}

// newPacker starts the workers, each reusing one compressor.
func newPacker(level, pages int) *packer {
	p := &packer{level: level, next: make(chan *pageJob, pages)}
	for range min(runtime.GOMAXPROCS(0), max(pages, 1)) {
		p.wg.Add(1)
		go p.work()
	}
	return p
}

func (p *packer) work() {
	defer p.wg.Done()
	var zw *zlib.Writer
	for pj := range p.next {
		var b bytes.Buffer
		b.Grow(len(pj.content)/3 + 64)
		var err error
		if zw == nil {
			zw, err = zlib.NewWriterLevel(&b, p.level)
		} else {
			zw.Reset(&b)
		}
		if err == nil {
			if _, err = zw.Write(pj.content); err == nil {
				err = zw.Close()
			}
		}
		if err != nil {
			p.mu.Lock()
			if p.err == nil {
				p.err = err
			}
			p.mu.Unlock()
			zw = nil
			continue
		}
		pj.packed, pj.content = b.Bytes(), nil
	}
}

// add hands over a drawn page.
func (p *packer) add(pj *pageJob) { p.next <- pj }

// wait closes the queue and waits for the workers; it may be called more
// than once.
func (p *packer) wait() error {
	p.close.Do(func() { close(p.next) })
	p.wg.Wait()
	return p.err
}
