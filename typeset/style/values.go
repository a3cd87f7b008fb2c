package style

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Ratio is a proportion, written in YAML as a percentage ("80%") or a plain
// number ("0.8", "1.05").
type Ratio float64

type ratioError struct{ text, msg string }

func (e *ratioError) Error() string { return e.msg }

// UnmarshalText reads "80%", "-2%" or "1.05".
func (r *Ratio) UnmarshalText(b []byte) error {
	s := strings.TrimSpace(string(b))
	pct := strings.HasSuffix(s, "%")
	v, err := strconv.ParseFloat(strings.TrimSuffix(s, "%"), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return &ratioError{text: string(b), msg: fmt.Sprintf("%q is not a proportion (write e.g. 80%% or 0.8)", s)}
	}
	if pct {
		v /= 100
	}
	*r = Ratio(v)
	return nil
}

// Color is a colour as print and screen need it: process CMYK in percent
// for the plant, and its sRGB equivalent for the e-paper.
type Color struct {
	CMYK [4]float64 `yaml:"cmyk"`
	RGB  RGB        `yaml:"rgb"`
}

// RGB is an sRGB colour, written "#rrggbb".
type RGB [3]uint8

// UnmarshalText reads "#rrggbb".
func (c *RGB) UnmarshalText(b []byte) error {
	s := strings.TrimSpace(string(b))
	if len(s) != 7 || s[0] != '#' {
		return &ratioError{text: string(b), msg: fmt.Sprintf("%q is not an RGB colour (write #rrggbb)", s)}
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return &ratioError{text: string(b), msg: fmt.Sprintf("%q is not an RGB colour (write #rrggbb)", s)}
	}
	*c = RGB{uint8(v >> 16), uint8(v >> 8), uint8(v)}
	return nil
}
