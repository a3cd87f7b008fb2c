//go:build ignore

// makephoto draws the edition's sample photograph, a container harbour at
// dawn, procedurally and deterministically: graded sky with cloud bands and a
// low sun, a hazy far shore, cranes, container stacks and sheds in silhouette,
// water that mirrors it all with ripples and a glitter path, then a vignette
// and film grain. It uses only the standard library.
//
//	cd /work/main && go run samples/photos/makephoto.go
//
// writes samples/photos/harbour-dawn.jpg (2400 x 1600, JPEG quality 85).
package main

import (
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"os"
)

const (
	W, H    = 2400, 1600
	horizon = 1000.0 // the waterline
	sunX    = 1600.0
	sunY    = horizon - 56
	sunR    = 34.0
	out     = "samples/photos/harbour-dawn.jpg"
)

// ---- deterministic random numbers and noise ----

type rng struct{ s uint64 }

func (r *rng) next() uint64 {
	r.s += 0x9E3779B97F4A7C15
	z := r.s
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}
func (r *rng) float() float64              { return float64(r.next()>>11) / (1 << 53) }
func (r *rng) rangef(a, b float64) float64 { return a + (b-a)*r.float() }
func (r *rng) gauss() float64 {
	u, v := r.float()+1e-12, r.float()
	return math.Sqrt(-2*math.Log(u)) * math.Cos(2*math.Pi*v)
}

func hash2(x, y int, seed uint64) float64 {
	h := uint64(int64(x))*0x8DA6B343 ^ uint64(int64(y))*0xD8163841 ^ seed*0xCB1AB31F
	h ^= h >> 33
	h *= 0xFF51AFD7ED558CCD
	h ^= h >> 33
	h *= 0xC4CEB9FE1A85EC53
	h ^= h >> 33
	return float64(h>>11) / (1 << 53)
}

func smooth(t float64) float64 { return t * t * (3 - 2*t) }

func vnoise(x, y float64, seed uint64) float64 {
	x0, y0 := math.Floor(x), math.Floor(y)
	fx, fy := smooth(x-x0), smooth(y-y0)
	ix, iy := int(x0), int(y0)
	a := hash2(ix, iy, seed)
	b := hash2(ix+1, iy, seed)
	c := hash2(ix, iy+1, seed)
	d := hash2(ix+1, iy+1, seed)
	return lerp(lerp(a, b, fx), lerp(c, d, fx), fy)
}

func fbm(x, y float64, oct int, seed uint64) float64 {
	sum, amp, norm := 0.0, 0.5, 0.0
	for i := 0; i < oct; i++ {
		sum += amp * vnoise(x, y, seed+uint64(i)*101)
		norm += amp
		amp *= 0.5
		x, y = x*2.03+17.1, y*2.01+9.7
	}
	return sum / norm
}

// ---- colour helpers ----

type rgb struct{ r, g, b float64 }

func lerp(a, b, t float64) float64 { return a + (b-a)*t }
func mix(a, b rgb, t float64) rgb {
	return rgb{lerp(a.r, b.r, t), lerp(a.g, b.g, t), lerp(a.b, b.b, t)}
}
func (c rgb) add(d rgb, k float64) rgb { return rgb{c.r + d.r*k, c.g + d.g*k, c.b + d.b*k} }
func (c rgb) mul(k float64) rgb        { return rgb{c.r * k, c.g * k, c.b * k} }
func clamp(v, a, b float64) float64    { return math.Max(a, math.Min(b, v)) }
func smoothstep(a, b, v float64) float64 {
	return smooth(clamp((v-a)/(b-a), 0, 1))
}

// ---- the canvas ----

type canvas struct{ px []rgb }

func (c *canvas) at(x, y int) rgb {
	x = int(clamp(float64(x), 0, W-1))
	y = int(clamp(float64(y), 0, H-1))
	return c.px[y*W+x]
}

// sample reads with bilinear filtering.
func (c *canvas) sample(x, y float64) rgb {
	x0, y0 := math.Floor(x), math.Floor(y)
	fx, fy := x-x0, y-y0
	ix, iy := int(x0), int(y0)
	return mix(mix(c.at(ix, iy), c.at(ix+1, iy), fx), mix(c.at(ix, iy+1), c.at(ix+1, iy+1), fx), fy)
}

func (c *canvas) blend(x, y int, col rgb, a float64) {
	if x < 0 || y < 0 || x >= W || y >= H || a <= 0 {
		return
	}
	i := y*W + x
	c.px[i] = mix(c.px[i], col, clamp(a, 0, 1))
}

// rect fills [x0,x1)×[y0,y1) with anti-aliased left/right/top edges.
func (c *canvas) rect(x0, y0, x1, y1 float64, col rgb) {
	for y := int(math.Floor(y0)); y < int(math.Ceil(y1)); y++ {
		ay := clamp(math.Min(float64(y+1), y1)-math.Max(float64(y), y0), 0, 1)
		for x := int(math.Floor(x0)); x < int(math.Ceil(x1)); x++ {
			ax := clamp(math.Min(float64(x+1), x1)-math.Max(float64(x), x0), 0, 1)
			c.blend(x, y, col, ax*ay)
		}
	}
}

// line draws a segment of width w with soft edges.
func (c *canvas) line(x0, y0, x1, y1, w float64, col rgb) {
	minx, maxx := math.Min(x0, x1)-w-1, math.Max(x0, x1)+w+1
	miny, maxy := math.Min(y0, y1)-w-1, math.Max(y0, y1)+w+1
	dx, dy := x1-x0, y1-y0
	l2 := dx*dx + dy*dy
	for y := int(miny); y <= int(maxy); y++ {
		for x := int(minx); x <= int(maxx); x++ {
			px, py := float64(x)+0.5, float64(y)+0.5
			t := clamp(((px-x0)*dx+(py-y0)*dy)/l2, 0, 1)
			d := math.Hypot(px-(x0+t*dx), py-(y0+t*dy))
			c.blend(x, y, col, clamp(w/2+0.5-d, 0, 1))
		}
	}
}

func (c *canvas) disc(cx, cy, r float64, col rgb, a float64) {
	for y := int(cy - r - 2); y <= int(cy+r+2); y++ {
		for x := int(cx - r - 2); x <= int(cx+r+2); x++ {
			d := math.Hypot(float64(x)+0.5-cx, float64(y)+0.5-cy)
			c.blend(x, y, col, a*clamp(r+0.5-d, 0, 1))
		}
	}
}

// ---- the scene ----

// skyGrad is the clear-sky colour at height y (0 top, horizon at the waterline).
func skyGrad(y float64) rgb {
	stops := []struct {
		t float64
		c rgb
	}{
		{0.00, rgb{28, 36, 78}},
		{0.30, rgb{64, 68, 118}},
		{0.55, rgb{140, 104, 138}},
		{0.78, rgb{224, 150, 128}},
		{0.92, rgb{250, 186, 132}},
		{1.00, rgb{255, 212, 160}},
	}
	t := clamp(y/horizon, 0, 1)
	for i := 1; i < len(stops); i++ {
		if t <= stops[i].t {
			u := (t - stops[i-1].t) / (stops[i].t - stops[i-1].t)
			return mix(stops[i-1].c, stops[i].c, smooth(u))
		}
	}
	return stops[len(stops)-1].c
}

// haze is the colour far things take on near the horizon.
func haze(x float64) rgb {
	g := math.Exp(-math.Abs(x-sunX) / 700)
	return mix(rgb{176, 118, 132}, rgb{236, 164, 130}, g)
}

// silhouette mixes a dark tone with haze; far = 0 (near) .. 1 (at the horizon).
func silhouette(x, far float64) rgb {
	return mix(rgb{24, 20, 34}, haze(x), far)
}

func drawSky(c *canvas) {
	for y := 0; y < int(horizon)+2; y++ {
		for x := 0; x < W; x++ {
			fx, fy := float64(x), float64(y)
			col := skyGrad(fy)
			// sun glow, stretched along the horizon
			dx, dy := fx-sunX, (fy-sunY)*1.7
			d := math.Hypot(dx, dy)
			col = col.add(rgb{255, 196, 130}, 0.85*math.Exp(-d/70))
			col = col.add(rgb{255, 160, 110}, 0.30*math.Exp(-d/380))
			col = col.add(rgb{255, 150, 120}, 0.10*math.Exp(-d/1100))
			// cloud bands: long, thin, lit from below near the sun
			for _, band := range []struct{ y, h, sx, sy, k float64 }{
				{230, 140, 1300, 38, 0.55},
				{470, 110, 1100, 26, 0.65},
				{700, 70, 900, 16, 0.50},
				{850, 40, 800, 10, 0.40},
			} {
				env := math.Exp(-math.Pow((fy-band.y)/band.h, 2))
				if env < 0.01 {
					continue
				}
				n := fbm(fx/band.sx+band.y, fy/band.sy, 6, uint64(band.y))
				dens := smoothstep(0.50, 0.72, n) * env * band.k
				if dens <= 0 {
					continue
				}
				lit := math.Exp(-math.Abs(fx-sunX)/900) * (0.55 + 0.45*fy/horizon)
				base := mix(rgb{92, 70, 108}, rgb{150, 96, 120}, fy/horizon)
				edge := rgb{255, 176, 140}
				// undersides catch the light: brighter where density is thin
				cc := mix(base, edge, clamp(lit*(1.3-dens), 0, 1))
				col = mix(col, cc, clamp(dens, 0, 0.9))
			}
			c.px[y*W+x] = col
		}
	}
	// the sun's disc, slightly flattened by the haze
	for y := int(sunY - sunR - 3); y <= int(sunY+sunR+3); y++ {
		for x := int(sunX - sunR - 3); x <= int(sunX+sunR+3); x++ {
			d := math.Hypot(float64(x)-sunX, (float64(y)-sunY)*1.06)
			a := clamp(sunR+1-d, 0, 1)
			c.blend(x, y, rgb{255, 244, 214}, a)
		}
	}
}

func drawFarShore(c *canvas, r *rng) {
	// a low, hazy coast with a town and wind turbines
	for x := 0; x < W; x++ {
		fx := float64(x)
		top := horizon - 10 - 14*fbm(fx/420, 3.3, 4, 7) - 8*fbm(fx/90, 1.1, 3, 8)
		col := mix(haze(fx), rgb{150, 100, 124}, 0.35)
		c.rect(fx, top, fx+1, horizon+1, col)
	}
	// distant buildings
	for i := 0; i < 90; i++ {
		x := r.rangef(1000, 2400)
		w := r.rangef(6, 26)
		h := r.rangef(8, 40)
		if r.float() < 0.08 {
			h += 50
			w = 8
		}
		col := mix(haze(x), rgb{140, 94, 120}, 0.45)
		c.rect(x, horizon-18-h, x+w, horizon, col)
	}
	// wind turbines on the far shore
	for i, x := range []float64{1880, 1985, 2080, 2200, 2315} {
		h := 118.0 - float64(i%2)*14
		base := horizon - 16
		col := mix(haze(x), rgb{150, 102, 126}, 0.5)
		c.line(x, base, x, base-h, 2.2, col)
		hx, hy := x, base-h
		ang := r.rangef(0, 2*math.Pi)
		for k := 0; k < 3; k++ {
			a := ang + float64(k)*2*math.Pi/3
			c.line(hx, hy, hx+48*math.Cos(a), hy+48*math.Sin(a), 1.6, col)
		}
	}
}

// crane draws a ship-to-shore gantry crane standing on the quay at x.
func crane(c *canvas, x, quay, s, far float64, boomUp bool) {
	col := silhouette(x, far)
	legH := 250 * s
	span := 120 * s
	lw := math.Max(2, 7*s)
	// portal legs with cross-bracing
	for _, lx := range []float64{x, x + span} {
		c.line(lx, quay, lx, quay-legH, lw, col)
		c.line(lx+30*s, quay, lx+30*s, quay-legH, lw*0.8, col)
	}
	c.line(x, quay-legH*0.45, x+span+30*s, quay-legH*0.45, lw*0.8, col)
	c.line(x, quay-legH*0.45, x+span, quay-legH, lw*0.5, col)
	c.line(x+span, quay-legH*0.45, x, quay-legH, lw*0.5, col)
	// the boom: long over the water (left), short backreach (right)
	by := quay - legH - 8*s
	front := x - 330*s
	if boomUp {
		// a raised boom points steeply up over the water
		c.line(x, by, x-120*s, by-330*s, lw*1.3, col)
		c.line(x+span, by-40*s, x-120*s, by-330*s, lw*0.5, col)
	} else {
		c.rect(front, by-16*s, x+span+150*s, by, col)
		// lattice under the boom
		for bx := front; bx < x; bx += 26 * s {
			c.line(bx, by, bx+13*s, by-16*s, lw*0.35, col)
		}
	}
	// the A-frame and forestays
	ax, ay := x+span*0.5, by-190*s
	c.line(x, by, ax, ay, lw, col)
	c.line(x+span, by, ax, ay, lw, col)
	if !boomUp {
		c.line(ax, ay, front+20*s, by-14*s, lw*0.45, col)
		c.line(ax, ay, x-150*s, by-14*s, lw*0.45, col)
		c.line(ax, ay, x+span+140*s, by-14*s, lw*0.45, col)
	}
	// machinery house and trolley
	c.rect(x+span*0.2, by-46*s, x+span*1.1, by-14*s, col)
	if !boomUp {
		c.rect(x-210*s, by, x-180*s, by+26*s, col)
		c.line(x-195*s, by+26*s, x-195*s, by+110*s, math.Max(1, 1.5*s), col)
	}
	// red aircraft-warning light at the apex
	c.disc(ax, ay-3*s, math.Max(1.6, 4*s), rgb{255, 60, 40}, 0.95)
}

func drawTerminal(c *canvas, r *rng) {
	quay := horizon - 6
	// quay wall and apron on the left, a second, farther terminal on the right
	c.rect(0, quay-8, 1400, horizon+4, silhouette(700, 0.02))
	c.rect(1420, horizon-16, 1560, horizon+2, silhouette(1500, 0.50))
	c.rect(2080, horizon-20, 2400, horizon+2, silhouette(2200, 0.45))

	// sheds and a warehouse with lit windows
	c.rect(20, quay-150, 330, quay, silhouette(150, 0.12))
	c.rect(20, quay-172, 180, quay-150, silhouette(100, 0.12))
	for i := 0; i < 34; i++ {
		wx := r.rangef(40, 310)
		wy := r.rangef(quay-140, quay-40)
		if r.float() < 0.5 {
			c.rect(math.Floor(wx), math.Floor(wy), math.Floor(wx)+5, math.Floor(wy)+3, rgb{255, 196, 120})
		}
	}
	// a chimney with a plume drifting right
	c.rect(250, quay-320, 268, quay-150, silhouette(260, 0.10))
	for i := 0; i < 900; i++ {
		t := float64(i) / 900
		px := 259 + t*620 + 30*math.Sin(t*7)
		py := quay - 328 - 90*math.Sqrt(t) + 10*math.Sin(t*11)
		rad := 8 + 60*t
		c.disc(px, py, rad, mix(rgb{236, 182, 170}, rgb{206, 156, 164}, t), 0.035*(1-t)*(1-t))
	}

	// container stacks along the apron
	x := 340.0
	for x < 1390 {
		w := r.rangef(40, 90)
		tiers := 1 + int(r.float()*4)
		for k := 0; k < tiers; k++ {
			tint := rgb{r.rangef(30, 48), r.rangef(22, 34), r.rangef(34, 50)}
			c.rect(x, quay-8-float64(k+1)*24, x+w, quay-8-float64(k)*24-1, tint)
		}
		x += w + r.rangef(1, 6)
	}

	// the cranes: near and large on the left, smaller to the right
	crane(c, 520, quay, 1.25, 0.02, false)
	crane(c, 880, quay, 1.18, 0.04, true)
	crane(c, 1190, quay, 1.10, 0.06, false)
	crane(c, 1500, horizon-16, 0.42, 0.48, false)
	crane(c, 2160, horizon-20, 0.46, 0.42, false)
	crane(c, 2290, horizon-20, 0.46, 0.42, true)

	// a moored feeder ship at the far terminal
	col := silhouette(2200, 0.40)
	for y := horizon - 34; y < horizon+1; y++ {
		rake := (y - (horizon - 34)) * 0.7 // a raked bow on the left
		c.rect(1690+rake, y, 2060, y+1, col)
	}
	c.rect(1980, horizon-70, 2040, horizon-34, col)
	c.rect(2000, horizon-90, 2014, horizon-70, col)
	for i := 0; i < 9; i++ {
		c.rect(1720+float64(i)*28, horizon-56, 1745+float64(i)*28, horizon-34, col)
	}
}

func drawWater(c *canvas, r *rng) {
	src := make([]rgb, len(c.px))
	copy(src, c.px)
	s := &canvas{px: src}
	deep := rgb{22, 26, 48}
	for y := int(horizon) + 1; y < H; y++ {
		fy := float64(y)
		d := (fy - horizon) / (H - horizon) // 0 at the horizon .. 1 at the bottom
		persp := 0.06 + d*1.9               // waves look bigger nearer the camera
		for x := 0; x < W; x++ {
			fx := float64(x)
			// ripples: the mirror image is pushed about by long horizontal waves
			n1 := fbm(fx/(220*persp), fy/(5.5*persp), 4, 21)
			n2 := fbm(fx/(60*persp), fy/(2.2*persp), 3, 33)
			yo := (n1-0.5)*(6+120*d) + (n2-0.5)*(2+30*d)
			xo := (n2 - 0.5) * (4 + 40*d)
			sy := horizon - (fy - horizon) + yo
			if sy > horizon {
				sy = horizon - (sy - horizon)
			}
			refl := s.sample(fx+xo, sy)
			fres := 0.92 - 0.45*math.Pow(d, 0.8)
			col := mix(deep, refl, fres)
			// wave crests and troughs as faint horizontal streaks
			streak := (n2 - 0.5) * 0.35
			col = col.mul(1 + streak)
			// the glitter path under the sun
			gw := 30 + 380*d
			g := math.Exp(-math.Pow((fx-sunX)/gw, 2))
			sp := fbm(fx/(9+40*d), fy/(1.2+4*d), 2, 57)
			spark := math.Pow(clamp((sp-0.55)/0.45, 0, 1), 3)
			col = col.add(rgb{255, 206, 150}, g*spark*(1.6-0.8*d))
			col = col.add(rgb{255, 180, 130}, 0.10*g*(1-d))
			c.px[y*W+x] = col
		}
	}
	// a thin bright line where the water meets the shore under the sun
	for x := 0; x < W; x++ {
		g := math.Exp(-math.Pow((float64(x)-sunX)/500, 2))
		c.blend(x, int(horizon)+1, rgb{255, 214, 170}, 0.35*g)
	}
}

func drawForeground(c *canvas, r *rng) {
	// a timber jetty entering from the bottom left, with a bollard and piles
	dark := rgb{14, 12, 20}
	for y := 1380; y < H; y++ {
		t := float64(y-1380) / float64(H-1380)
		right := 210 + 520*t
		c.rect(0, float64(y), right, float64(y+1), dark)
		// a faint warm rim along the jetty's edge
		c.blend(int(right)-1, y, rgb{120, 80, 70}, 0.5)
	}
	for _, p := range []struct{ x, top, w float64 }{{160, 1300, 26}, {330, 1345, 24}, {520, 1380, 30}} {
		c.rect(p.x, p.top, p.x+p.w, 1620, dark)
		c.rect(p.x-2, p.top-4, p.x+p.w+2, p.top+4, dark)
	}
	// bollard
	c.rect(420, 1470, 470, 1530, dark)
	c.rect(408, 1460, 482, 1476, dark)
	// a mooring line running off to the left
	for i := 0; i < 200; i++ {
		t := float64(i) / 200
		c.disc(445-445*t, 1466+40*math.Sin(t*math.Pi)*0.8+t*10, 2.2, dark, 1)
	}
}

// atmosphere adds what a lens and the morning air do: a low mist lying on the
// water, light from the sun scattered over everything (softening the
// silhouettes near it) and a slight softness overall.
func atmosphere(c *canvas) {
	for y := 0; y < H; y++ {
		fy := float64(y)
		mist := 0.42 * math.Exp(-math.Pow((fy-horizon+8)/26, 2))
		for x := 0; x < W; x++ {
			fx := float64(x)
			i := y*W + x
			m := mist * (0.6 + 0.4*fbm(fx/500, fy/40, 3, 91))
			c.px[i] = mix(c.px[i], haze(fx).add(rgb{20, 14, 10}, 1), m)
			d := math.Hypot(fx-sunX, (fy-sunY)*1.3)
			c.px[i] = c.px[i].add(rgb{255, 190, 140}, 0.22*math.Exp(-d/160)+0.06*math.Exp(-d/700))
		}
	}
	// a light blur (1-2-1 kernel, both directions)
	tmp := make([]rgb, len(c.px))
	for y := 0; y < H; y++ {
		for x := 0; x < W; x++ {
			a, b, d := c.at(x-1, y), c.at(x, y), c.at(x+1, y)
			tmp[y*W+x] = a.add(b, 2).add(d, 1).mul(0.25)
		}
	}
	t := &canvas{px: tmp}
	for y := 0; y < H; y++ {
		for x := 0; x < W; x++ {
			a, b, d := t.at(x, y-1), t.at(x, y), t.at(x, y+1)
			c.px[y*W+x] = a.add(b, 2).add(d, 1).mul(0.25)
		}
	}
}

func finish(c *canvas, r *rng) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, W, H))
	for y := 0; y < H; y++ {
		for x := 0; x < W; x++ {
			col := c.px[y*W+x]
			// vignette
			nx, ny := (float64(x)/W-0.5)*2, (float64(y)/H-0.5)*2
			v := 1 - 0.28*math.Pow(nx*nx*0.8+ny*ny, 1.2)
			col = col.mul(v)
			// gentle filmic shoulder
			tone := func(v float64) float64 {
				v /= 255
				v = v / (1 + 0.25*v) * 1.25
				return clamp(v, 0, 1) * 255
			}
			col = rgb{tone(col.r), tone(col.g), tone(col.b)}
			// grain: mostly luminance, a little chroma
			gl := r.gauss() * 3.2
			img.Set(x, y, color.RGBA{
				uint8(clamp(col.r+gl+r.gauss()*0.9, 0, 255)),
				uint8(clamp(col.g+gl+r.gauss()*0.9, 0, 255)),
				uint8(clamp(col.b+gl+r.gauss()*0.9, 0, 255)),
				255,
			})
		}
	}
	return img
}

func main() {
	r := &rng{s: 1482}
	c := &canvas{px: make([]rgb, W*H)}
	drawSky(c)
	drawFarShore(c, r)
	drawTerminal(c, r)
	drawWater(c, r)
	drawForeground(c, r)
	atmosphere(c)
	img := finish(c, r)

	f, err := os.Create(out)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := jpeg.Encode(f, img, &jpeg.Options{Quality: 85}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := f.Close(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println("wrote", out)
}
