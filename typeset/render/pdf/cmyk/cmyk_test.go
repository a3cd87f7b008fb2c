package cmyk

import (
	"image"
	"image/color"
	"math"
	"sync"
	"testing"

	"pressroom.dev/icc"
)

// shared is the 240 % transform of the bundled profile, made once for the
// tests that only read it.
var shared = sync.OnceValue(func() *Transform {
	p, err := Parse(icc.Newsprint())
	if err != nil {
		panic(err)
	}
	return NewTransform(p, 240)
})

func newsprint(t testing.TB) *Profile {
	t.Helper()
	p, err := Parse(icc.Newsprint())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestParseNewsprint(t *testing.T) {
	p := newsprint(t)
	if p.Class != "prtr" || p.ColorSpace != "CMYK" || p.PCS != "Lab " {
		t.Errorf("header: class %q space %q pcs %q", p.Class, p.ColorSpace, p.PCS)
	}
	if want := "SNAP TR002 coldset newsprint 240%"; len(p.Description) < len(want) || p.Description[:len(want)] != want {
		t.Errorf("description %q", p.Description)
	}
	if tb := p.toDevice; tb.grid != 17 || !tb.bits16 || len(tb.inCurve[0]) != 1024 {
		t.Errorf("B2A0: grid %d, lut16 %v, %d curve entries; want 17, true, 1024", tb.grid, tb.bits16, len(tb.inCurve[0]))
	}
}

// TestLabToCMYK compares the separation with ArgyllCMS, which built the
// profile: `xicclu -fb -ip -pl SNAP-TR002-newsprint-240.icc` (perceptual
// B-to-A, Lab in) printed these ink values. Argyll interpolates the
// table tetrahedrally as we do, so they agree to rounding.
func TestLabToCMYK(t *testing.T) {
	p := newsprint(t)
	for _, c := range []struct {
		lab  [3]float64
		want [4]float64
	}{
		{[3]float64{0, 0, 0}, [4]float64{59.7232, 46.0859, 43.3935, 86.1767}},
		{[3]float64{100, 0, 0}, [4]float64{0, 0, 0, 0}},
		{[3]float64{50, 0, 0}, [4]float64{9.6745, 2.8952, 1.5900, 57.3680}},
		{[3]float64{50, 40, -30}, [4]float64{29.5558, 64.2277, 0, 10.9561}},
		{[3]float64{75, -20, 60}, [4]float64{15.0370, 0, 85.5685, 14.4405}},
		{[3]float64{25, 10, 10}, [4]float64{6.0186, 30.1542, 32.0224, 85.3117}},
	} {
		got := p.LabToCMYK(c.lab[0], c.lab[1], c.lab[2])
		for i := range got {
			if math.Abs(got[i]-c.want[i]) > 0.02 {
				t.Errorf("Lab %v → %.4f, Argyll says %.4f", c.lab, got, c.want)
				break
			}
		}
	}
}

// TestSRGBToCMYK checks colours whose separation on newsprint is known:
// white is paper (no ink); black is the profile's darkest, 235 % (the
// shared README's value, within the 240 % the profile was built for); a
// mid grey is carried mostly by black (GCR), as LittleCMS
// (`transicc -c0 -t0 -i '*sRGB'`) also gives: C9.5 M3.6 Y2.5 K51.7.
func TestSRGBToCMYK(t *testing.T) {
	p := newsprint(t)
	white := p.SRGBToCMYK(255, 255, 255)
	if sum := white[0] + white[1] + white[2] + white[3]; sum > 0.1 {
		t.Errorf("white → %.2f, want no ink", white)
	}
	black := p.SRGBToCMYK(0, 0, 0)
	if sum := black[0] + black[1] + black[2] + black[3]; sum > 240 || sum < 230 {
		t.Errorf("black → %.2f = %.1f %%, want 230–240 %%", black, sum)
	}
	grey := p.SRGBToCMYK(128, 128, 128)
	if grey[3] < 50 || grey[3] > 54 || grey[0]+grey[1]+grey[2] > 17 {
		t.Errorf("mid grey → %.2f, want about C9.5 M3.6 Y2.5 K51.7 (mostly black)", grey)
	}
	red := p.SRGBToCMYK(255, 0, 0)
	if red[1] < 80 || red[2] < 80 || red[0] > 5 || red[3] > 5 {
		t.Errorf("red → %.2f, want magenta and yellow", red)
	}
}

// TestTransformGrid: the sampled grid stays within 1.5 % ink of the exact
// conversion over a spread of colours, and within the ink limit.
func TestTransformGrid(t *testing.T) {
	p := newsprint(t)
	tr := shared()
	worst := 0.0
	for r := 0; r < 256; r += 15 {
		for g := 0; g < 256; g += 17 {
			for b := 0; b < 256; b += 13 {
				exact := p.SRGBToCMYK(uint8(r), uint8(g), uint8(b))
				px := tr.Pixel(uint8(r), uint8(g), uint8(b))
				sum := 0
				for i := range px {
					worst = math.Max(worst, math.Abs(float64(px[i])*100/255-exact[i]))
					sum += int(px[i])
				}
				if sum > 240*255/100 {
					t.Fatalf("sRGB %d,%d,%d: total ink %d/255 over 240 %%", r, g, b, sum)
				}
			}
		}
	}
	t.Logf("worst %.2f", worst)
	if worst > 1.5 {
		t.Errorf("grid differs from the exact conversion by up to %.2f %% ink", worst)
	}
	if px := tr.Pixel(255, 255, 255); px != [4]uint8{} {
		t.Errorf("white through the grid: %v, want no ink", px)
	}
}

// TestInkLimit: a lower limit than the profile's takes C, M, Y away and
// keeps black.
func TestInkLimit(t *testing.T) {
	tr := NewTransform(newsprint(t), 200)
	px := tr.Pixel(0, 0, 0)
	if sum := int(px[0]) + int(px[1]) + int(px[2]) + int(px[3]); sum > 200*255/100 {
		t.Errorf("black at a 200 %% limit: %v = %d/255", px, sum)
	}
	if px[3] < 210 {
		t.Errorf("black lost its K: %v", px)
	}
}

func TestImage(t *testing.T) {
	tr := shared()
	img := image.NewRGBA(image.Rect(0, 0, 3, 2))
	img.Set(0, 0, color.RGBA{255, 255, 255, 255})
	img.Set(1, 0, color.RGBA{0, 0, 0, 255})
	img.Set(2, 0, color.RGBA{0, 0, 0, 0}) // transparent: paper
	img.Set(0, 1, color.RGBA{128, 128, 128, 255})
	got := tr.Image(img, image.Rect(0, 0, 3, 1))
	if len(got) != 12 {
		t.Fatalf("%d bytes for 3 pixels", len(got))
	}
	if got[0]|got[1]|got[2]|got[3] != 0 || got[8]|got[9]|got[10]|got[11] != 0 {
		t.Errorf("white and transparent pixels got ink: %v", got)
	}
	if got[7] < 200 {
		t.Errorf("black pixel: %v", got[4:8])
	}
}

func TestParseRefuses(t *testing.T) {
	good := icc.Newsprint()
	rgb := append([]byte(nil), good...)
	copy(rgb[16:20], "RGB ")
	short := good[:100]
	noSig := append([]byte(nil), good...)
	copy(noSig[36:40], "xxxx")
	for name, data := range map[string][]byte{"rgb": rgb, "short": short, "no signature": noSig} {
		if _, err := Parse(data); err == nil {
			t.Errorf("%s: parsed", name)
		}
	}
}

func BenchmarkImage(b *testing.B) {
	tr := NewTransform(newsprint(b), 240)
	img := image.NewYCbCr(image.Rect(0, 0, 1000, 1000), image.YCbCrSubsampleRatio420)
	for i := range img.Cb {
		img.Cb[i] = uint8(i)
		img.Cr[i] = uint8(i / 7)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tr.Image(img, img.Bounds())
	}
}

func BenchmarkNewTransform(b *testing.B) {
	p := newsprint(b)
	for i := 0; i < b.N; i++ {
		NewTransform(p, 240)
	}
}
