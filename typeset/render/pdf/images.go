package pdf

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	_ "image/png" // photos come as JPEG or PNG
	"math"
	"runtime"
	"sync"

	kzlib "github.com/klauspost/compress/zlib"
	xdraw "golang.org/x/image/draw"

	"pressroom.dev/icc"
	"pressroom.dev/typeset/display"
	"pressroom.dev/typeset/render/pdf/cmyk"
)

// Photos are prepared for each output by the writer, not by fpdf:
//
//   - Print: the visible crop is separated from sRGB into process CMYK
//     through the output profile (package cmyk) within the ink limit, and
//     embedded losslessly as an 8-bit /DeviceCMYK image, Flate-compressed
//     with PNG row predictors. fpdf cannot embed raw CMYK samples (its
//     images are JPEG or PNG files it parses, and a JPEG stays RGB), and
//     the standard library encodes no CMYK JPEG. Photos placed above
//     printMaxPPI are resampled to printPPI first, as prepress presets do.
//   - E-paper: the crop is resampled to at most epaperPPI at its placed
//     size and encoded as an sRGB JPEG.
//
// A Cache keeps the result, keyed by picture, crop and pixel size, so the
// edition and its single-page files separate and compress a photo once.
const (
	defaultInkLimit = 240 // the bundled newsprint profile's, in %
	printPPI        = 300
	printMaxPPI     = 450
	epaperPPI       = 150
	epaperJPEGQ     = 80
)

// OutputIntent is the printing condition print files are made for: an ICC
// CMYK output profile and the names the PDF/X OutputIntent gives it.
type OutputIntent struct {
	Profile   []byte
	Condition string // /OutputConditionIdentifier
	Registry  string // /RegistryName
	Info      string // /Info
}

// Newsprint is the bundled condition: SNAP TR 002 coldset newsprint.
func Newsprint() *OutputIntent {
	return &OutputIntent{Profile: icc.Newsprint(), Condition: icc.NewsprintCondition,
		Registry: icc.NewsprintRegistry, Info: icc.NewsprintInfo}
}

// Cache holds what is costly to make and the same for every file of a
// build: decoded photos, colour transforms and finished image streams. It
// is safe for concurrent use.
type Cache struct {
	mu         sync.Mutex
	pictures   map[*display.Picture]*once[image.Image]
	transforms map[transformKey]*once[*cmyk.Transform]
	images     map[imageKey]*once[*imageData]
	profiles   map[[32]byte]*once[[]byte]
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{
		pictures:   map[*display.Picture]*once[image.Image]{},
		transforms: map[transformKey]*once[*cmyk.Transform]{},
		images:     map[imageKey]*once[*imageData]{},
		profiles:   map[[32]byte]*once[[]byte]{},
	}
}

// once computes a value the first time it is asked for; later and
// concurrent callers wait for that result.
type once[T any] struct {
	o   sync.Once
	v   T
	err error
}

func (o *once[T]) get(f func() (T, error)) (T, error) {
	o.o.Do(func() { o.v, o.err = f() })
	return o.v, o.err
}

func entry[K comparable, T any](c *Cache, m map[K]*once[T], k K) *once[T] {
	c.mu.Lock()
	defer c.mu.Unlock()
	e := m[k]
	if e == nil {
		e = &once[T]{}
		m[k] = e
	}
	return e
}

type transformKey struct {
	profile [32]byte
	limit   int
}

// imageKey says which image stream a placement needs.
type imageKey struct {
	pic   *display.Picture
	crop  image.Rectangle
	w, h  int // pixels in the file
	mode  Mode
	limit int
	icc   [32]byte
	fast  bool // resampled for a proof (PhotoPPI), with a quicker filter
}

// imageData is a finished image XObject: its dictionary entries and data.
type imageData struct {
	dict   *dict // without /Length
	stream []byte
}

// placedImage is an image XObject of the document being written.
type placedImage struct {
	name string // resource name
	key  imageKey
	ppi  float64 // effective resolution as placed
}

// placeImage finds or makes the XObject for a placement.
func (wr *writer) placeImage(im *display.Image) (*placedImage, error) {
	pic := im.Picture
	if pic == nil || pic.Width <= 0 || pic.Height <= 0 {
		return nil, fmt.Errorf("pdf: an image without a picture")
	}
	crop := im.Crop
	if crop.Empty() {
		crop = image.Rect(0, 0, pic.Width, pic.Height)
	}
	crop = crop.Intersect(image.Rect(0, 0, pic.Width, pic.Height))
	if crop.Empty() || im.W <= 0 || im.H <= 0 {
		return nil, fmt.Errorf("pdf: photo %s: empty crop or frame", pic.File)
	}
	inches := im.W.Points() / 72
	ppi := float64(crop.Dx()) / inches
	w, h := crop.Dx(), crop.Dy()
	target := 0.0
	switch {
	case wr.opt.PhotoPPI > 0 && ppi > float64(wr.opt.PhotoPPI):
		target = float64(wr.opt.PhotoPPI)
	case wr.opt.Mode == EPaper && ppi > epaperPPI:
		target = epaperPPI
	case wr.opt.Mode == Print && ppi > printMaxPPI:
		target = printPPI
	}
	if target > 0 {
		w = int(math.Floor(inches * target))
		h = int(math.Floor(im.H.Points() / 72 * target))
		w, h = max(w, 1), max(h, 1)
	}
	key := imageKey{pic: pic, crop: crop, w: w, h: h, mode: wr.opt.Mode, fast: wr.opt.PhotoPPI > 0}
	if wr.opt.Mode == Print {
		key.limit = wr.opt.InkLimit
		key.icc = sha256.Sum256(wr.opt.Intent.Profile)
	}
	if pi := wr.images[key]; pi != nil {
		return pi, nil
	}
	pi := &placedImage{name: fmt.Sprintf("Im%d", len(wr.imageOrder)+1), key: key, ppi: float64(w) / inches}
	wr.images[key] = pi
	wr.imageOrder = append(wr.imageOrder, pi)
	// Its stream is made on another core while the pages are drawn; the
	// finishing stage waits for it (errors too).
	go wr.imageData(key)
	return pi, nil
}

// imageData returns the finished stream of an image, from the cache.
func (wr *writer) imageData(k imageKey) (*imageData, error) {
	c := wr.opt.Cache
	return entry(c, c.images, k).get(func() (*imageData, error) {
		src, err := c.decoded(k.pic)
		if err != nil {
			return nil, err
		}
		img, r := src, k.crop.Add(src.Bounds().Min)
		if k.w != k.crop.Dx() || k.h != k.crop.Dy() {
			img, r = resample(src, r, k.w, k.h, k.fast), image.Rect(0, 0, k.w, k.h)
		}
		if k.mode == EPaper {
			return screenImage(img, r)
		}
		tr, err := wr.transform(k.limit)
		if err != nil {
			return nil, err
		}
		return printImage(tr.Image(img, r), r.Dx(), r.Dy())
	})
}

// decoded returns a picture's pixels, decoding them once.
func (c *Cache) decoded(pic *display.Picture) (image.Image, error) {
	return entry(c, c.pictures, pic).get(func() (image.Image, error) {
		img, _, err := image.Decode(bytes.NewReader(pic.Data))
		if err != nil {
			return nil, fmt.Errorf("pdf: photo %s: %v", pic.File, err)
		}
		return img, nil
	})
}

// transform returns the colour transform for the output profile.
func (wr *writer) transform(limit int) (*cmyk.Transform, error) {
	return wr.opt.Cache.transform(wr.opt.Intent, limit)
}

func (c *Cache) transform(intent *OutputIntent, limit int) (*cmyk.Transform, error) {
	k := transformKey{profile: sha256.Sum256(intent.Profile), limit: limit}
	return entry(c, c.transforms, k).get(func() (*cmyk.Transform, error) {
		p, err := cmyk.Parse(intent.Profile)
		if err != nil {
			return nil, fmt.Errorf("pdf: output profile: %w", err)
		}
		return cmyk.NewTransform(p, limit), nil
	})
}

// PrefetchTransform starts building, on another core, the colour
// transform print output will separate photos through (intent nil: the
// bundled newsprint profile; inkLimit 0: 240 %), so that it is ready when
// the first photo is drawn. Errors wait for the writer that asks.
func (c *Cache) PrefetchTransform(intent *OutputIntent, inkLimit int) {
	if intent == nil {
		intent = Newsprint()
	}
	if inkLimit <= 0 {
		inkLimit = defaultInkLimit
	}
	go c.transform(intent, inkLimit)
}

// PrefetchPicture starts decoding a photo on another core.
func (c *Cache) PrefetchPicture(pic *display.Picture) {
	go c.decoded(pic)
}

// profileStream is the output profile, Flate-compressed.
func (wr *writer) profileStream() ([]byte, error) {
	c, prof := wr.opt.Cache, wr.opt.Intent.Profile
	return entry(c, c.profiles, sha256.Sum256(prof)).get(func() ([]byte, error) {
		if _, err := cmyk.Parse(prof); err != nil {
			return nil, fmt.Errorf("pdf: output profile: %w", err)
		}
		var buf bytes.Buffer
		zw, _ := kzlib.NewWriterLevel(&buf, kzlib.BestCompression)
		zw.Write(prof)
		if err := zw.Close(); err != nil {
			return nil, err
		}
		return buf.Bytes(), nil
	})
}

// resample scales the r part of src to w×h pixels (Catmull-Rom, which
// keeps photos sharp when they are reduced).
func resample(src image.Image, r image.Rectangle, w, h int, fast bool) image.Image {
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	if fast {
		// Proofs: bilinear is enough for the screen, and several times
		// faster.
		xdraw.ApproxBiLinear.Scale(dst, dst.Bounds(), src, r, xdraw.Src, nil)
		return dst
	}
	xdraw.CatmullRom.Scale(dst, dst.Bounds(), src, r, xdraw.Src, nil)
	return dst
}

// printImage compresses CMYK samples as a /DeviceCMYK image: every row is
// Paeth-filtered (PNG predictor 4, which on photos comes within 1 % of
// choosing the best filter row by row) and the residuals Huffman-coded.
// On photos that is as small as full Deflate (string matching finds little
// in film grain) and seven times faster.
func printImage(samples []byte, w, h int) (*imageData, error) {
	stride := w * 4
	filtered := make([]byte, h*(stride+1))
	workers := min(runtime.GOMAXPROCS(0), h)
	var wg sync.WaitGroup
	for k := 0; k < workers; k++ {
		wg.Add(1)
		go func(y0, y1 int) {
			defer wg.Done()
			for y := y0; y < y1; y++ {
				var prev []byte
				if y > 0 {
					prev = samples[(y-1)*stride : y*stride]
				}
				out := filtered[y*(stride+1) : (y+1)*(stride+1)]
				out[0] = 4 // Paeth
				paethRow(out[1:], samples[y*stride:(y+1)*stride], prev)
			}
		}(h*k/workers, h*(k+1)/workers)
	}
	wg.Wait()
	var buf bytes.Buffer
	buf.Grow(len(filtered) / 2)
	zw, err := kzlib.NewWriterLevel(&buf, kzlib.HuffmanOnly)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(filtered); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	d := newDict("Type", name("XObject"), "Subtype", name("Image"), "Width", integer(w), "Height", integer(h),
		"ColorSpace", name("DeviceCMYK"), "BitsPerComponent", integer(8), "Filter", name("FlateDecode"),
		"DecodeParms", newDict("Predictor", integer(15), "Colors", integer(4), "BitsPerComponent", integer(8), "Columns", integer(w)))
	return &imageData{dict: d, stream: buf.Bytes()}, nil
}

// paethRow writes the Paeth residuals of a row of CMYK pixels; prev is
// the row above (nil for the first).
func paethRow(out, row, prev []byte) {
	if prev == nil {
		copy(out[:4], row)
		for i := 4; i < len(row); i++ {
			out[i] = row[i] - row[i-4] // Paeth with nothing above is Sub
		}
		return
	}
	for i := 0; i < 4; i++ {
		out[i] = row[i] - prev[i] // nothing to the left: Up
	}
	for i := 4; i < len(row); i++ {
		out[i] = row[i] - paeth(row[i-4], prev[i], prev[i-4])
	}
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// screenImage encodes the r part of img as an sRGB (or grey) JPEG.
func screenImage(img image.Image, r image.Rectangle) (*imageData, error) {
	space := name("DeviceRGB")
	var sub image.Image
	switch m := img.(type) {
	case *image.Gray:
		sub, space = m.SubImage(r), "DeviceGray"
	case *image.YCbCr:
		sub = m.SubImage(r)
	default:
		// Flatten onto white: JPEG has no transparency.
		rgba := image.NewRGBA(image.Rect(0, 0, r.Dx(), r.Dy()))
		draw.Draw(rgba, rgba.Bounds(), image.White, image.Point{}, draw.Src)
		draw.Draw(rgba, rgba.Bounds(), img, r.Min, draw.Over)
		sub = rgba
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, sub, &jpeg.Options{Quality: epaperJPEGQ}); err != nil {
		return nil, err
	}
	d := newDict("Type", name("XObject"), "Subtype", name("Image"), "Width", integer(r.Dx()), "Height", integer(r.Dy()),
		"ColorSpace", space, "BitsPerComponent", integer(8), "Filter", name("DCTDecode"))
	return &imageData{dict: d, stream: buf.Bytes()}, nil
}
