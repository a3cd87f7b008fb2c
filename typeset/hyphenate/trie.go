package hyphenate

import (
	"fmt"
	"slices"
)

// The patterns are held in a packed trie, the structure Liang designed for
// TeX (thesis, ch. 4): every trie node with children owns a base index into
// one array of slots, and its child for letter code c sits in slot base+c.
// A slot records the code it was filled for (check), so a lookup is one
// array access and one byte comparison per letter, with no search and no
// map. Nodes' slot sets are interleaved first-fit, and no two nodes share a
// base, which is what makes the single check byte enough: if slot base+c
// holds code c, it can only belong to the node whose base is base.
//
// For the German patterns (35,056 patterns, 55,065 trie nodes) the packed
// array has 55,341 slots of 8 bytes, 99.5 % used: 432 KB, where a table of
// all 46 letter codes for every node would take about 20 MB. Building it
// takes some tens of milliseconds.

// Letter codes: 0 never occurs in a word (it marks an empty slot), 1 is the
// word edge ('.' in the patterns), 2… are the alphabet's letters.
const (
	codeEmpty = 0
	codeEdge  = 1
	codeFirst = 2
)

// slot is one cell of the packed trie.
type slot struct {
	next  int32  // base of the child node reached through this slot, -1 if a leaf
	op    uint16 // 1 + index of the pattern values ending here, 0 if none
	check uint8  // the code this slot was filled for; codeEmpty if free
}

// opEntry raises the inter-letter value pos letters after the pattern's
// start to at least val.
type opEntry struct {
	pos, val uint8
}

// packedTrie is Liang's pattern trie, packed. It is read-only once built.
type packedTrie struct {
	slots []slot
	ops   []opEntry
	opIdx []uint32 // op i is ops[opIdx[i]:opIdx[i+1]]
}

type tnode struct {
	codes []uint8 // sorted
	kids  []*tnode
	op    uint16
	base  int32
}

func (n *tnode) child(c uint8) *tnode {
	i, found := slices.BinarySearch(n.codes, c)
	if found {
		return n.kids[i]
	}
	k := &tnode{base: -1}
	n.codes = slices.Insert(n.codes, i, c)
	n.kids = slices.Insert(n.kids, i, k)
	return k
}

// buildTrie parses the patterns (Liang's notation, e.g. ".ach4" or "1d'")
// with code giving each letter's code (0 for a letter outside the alphabet)
// and packs them.
func buildTrie(patterns []string, code func(rune) uint8) (*packedTrie, error) {
	t := &packedTrie{opIdx: []uint32{0}}
	opIDs := map[string]uint16{}
	root := &tnode{}
	var vals []opEntry
	for _, p := range patterns {
		n := root
		vals = vals[:0]
		letters := 0
		for _, r := range p {
			if r >= '0' && r <= '9' {
				if r > '0' {
					vals = append(vals, opEntry{uint8(letters), uint8(r - '0')})
				}
				continue
			}
			c := uint8(codeEdge)
			if r != '.' {
				c = code(r)
			}
			if c == codeEmpty {
				return nil, fmt.Errorf("pattern %q: %q not in the alphabet", p, r)
			}
			if letters == 250 {
				return nil, fmt.Errorf("pattern %q too long", p)
			}
			n = n.child(c)
			letters++
		}
		if letters == 0 || len(vals) == 0 {
			return nil, fmt.Errorf("pattern %q: no letters or no values", p)
		}
		if n.op != 0 {
			return nil, fmt.Errorf("duplicate pattern %q", p)
		}
		key := string(opKey(vals))
		id, ok := opIDs[key]
		if !ok {
			if len(t.opIdx) > 0xFFFF {
				return nil, fmt.Errorf("too many distinct pattern values")
			}
			id = uint16(len(t.opIdx)) // 1-based: opIdx has len(ops)+1 entries
			opIDs[key] = id
			t.ops = append(t.ops, vals...)
			t.opIdx = append(t.opIdx, uint32(len(t.ops)))
		}
		n.op = id
	}
	t.pack(root)
	return t, nil
}

func opKey(vals []opEntry) []byte {
	b := make([]byte, 0, 2*len(vals))
	for _, v := range vals {
		b = append(b, v.pos, v.val)
	}
	return b
}

// pack assigns every inner node a base, first fit, and fills the slot
// array. The root gets base 0.
func (t *packedTrie) pack(root *tnode) {
	var taken []bool    // slot is occupied
	var baseUsed []bool // some node has this base
	// free[i] leads to the first free slot at or after i (a union-find
	// forest with path halving), so the search skips packed stretches.
	var free []int32
	grow := func(n int) {
		for len(taken) < n {
			free = append(free, int32(len(taken)))
			taken = append(taken, false)
			baseUsed = append(baseUsed, false)
		}
	}
	nextFree := func(i int) int {
		grow(i + 1)
		for int(free[i]) != i {
			if int(free[i]) >= len(free) {
				grow(int(free[i]) + 1)
			}
			free[i] = free[free[i]]
			i = int(free[i])
			grow(i + 1)
		}
		return i
	}
	// Breadth-first order: the root first (at base 0), then level by
	// level.
	queue := []*tnode{root}
	for qi := 0; qi < len(queue); qi++ {
		n := queue[qi]
		if len(n.codes) == 0 {
			continue
		}
		queue = append(queue, n.kids...)
		first := int(n.codes[0])
		last := int(n.codes[len(n.codes)-1])
		b := 0
	search:
		for f := nextFree(first); ; f = nextFree(f + 1) {
			b = f - first
			grow(b + last + 1)
			if baseUsed[b] {
				continue
			}
			for _, c := range n.codes[1:] {
				if taken[b+int(c)] {
					continue search
				}
			}
			break
		}
		n.base = int32(b)
		baseUsed[b] = true
		for _, c := range n.codes {
			i := b + int(c)
			taken[i] = true
			grow(i + 2)
			free[i] = int32(i + 1)
		}
	}
	// Any base plus any code must stay inside the array.
	maxBase := 0
	for _, n := range queue {
		maxBase = max(maxBase, int(n.base))
	}
	t.slots = make([]slot, max(len(taken), maxBase+256))
	for _, n := range queue {
		for i, c := range n.codes {
			k := n.kids[i]
			t.slots[int(n.base)+int(c)] = slot{next: k.base, op: k.op, check: c}
		}
	}
}

// match runs Liang's algorithm over codes, a word padded with codeEdge on
// both sides (inner codeEdge values separate independent parts), raising
// levels[p] for the inter-letter position p before codes[p].
// len(levels) must be at least len(codes)+1.
func (t *packedTrie) match(codes, levels []uint8) {
	slots := t.slots
	ops, opIdx := t.ops, t.opIdx
	levels = levels[:len(codes)+1]
	for s := range codes {
		base := int32(0)
		for _, c := range codes[s:] {
			sl := &slots[base+int32(c)]
			if sl.check != c {
				break
			}
			if sl.op != 0 {
				for _, e := range ops[opIdx[sl.op-1]:opIdx[sl.op]] {
					if p := s + int(e.pos); levels[p] < e.val {
						levels[p] = e.val
					}
				}
			}
			base = sl.next
			if base < 0 {
				break
			}
		}
	}
}
