package anchor

// pattern is a quote prepared for Myers' bit-parallel approximate search
// (G. Myers, "A fast bit-vector algorithm for approximate string matching
// based on dynamic programming", 1999): the edit-distance table is computed
// a column at a time, 64 rows of it per machine word, and with Ukkonen's
// cut-off only as many blocks of rows as can still hold a distance within
// the bound. Hypothesis' client does the same (approx-string-match, after
// Myers' Fig. 9 and Šošić's branch-free block step).
type pattern struct {
	m      int
	blocks int
	peq    []uint64 // per distinct code point, blocks words: where it stands in the quote; the first blocks words are zero
	small  [256]int32
	large  map[rune]int32
	last   uint64 // the quote's last row in the last block
}

const wordBits = 64

// newPattern prepares q (not empty).
func newPattern(q []rune) *pattern {
	p := &pattern{m: len(q), blocks: (len(q) + wordBits - 1) / wordBits, large: map[rune]int32{}}
	p.last = 1 << uint((len(q)-1)%wordBits)
	p.peq = make([]uint64, p.blocks)
	for i, r := range q {
		at := p.index(r)
		if at == 0 {
			at = int32(len(p.peq))
			p.peq = append(p.peq, make([]uint64, p.blocks)...)
			if r < 256 {
				p.small[r] = at
			} else {
				p.large[r] = at
			}
		}
		p.peq[int(at)+i/wordBits] |= 1 << uint(i%wordBits)
	}
	return p
}

// index is where r's bits start in peq (0: r is not in the quote).
func (p *pattern) index(r rune) int32 {
	if r >= 0 && r < 256 {
		return p.small[r]
	}
	return p.large[r]
}

// reversed is the quote backwards, for finding where a match starts.
func reversed(q []rune) []rune {
	out := make([]rune, len(q))
	for i, r := range q {
		out[len(q)-1-i] = r
	}
	return out
}

// scan runs the quote over text and returns the end (in text) of the
// window of text closest to it and the distance, or end -1 when none is
// within maxErr. A window may start anywhere, or, anchored, only at the
// start of text. Among equally close windows it takes the first end, or
// with preferLast the last. steps counts the blocks computed: the work
// done is steps × 64 cells of the table; past limit steps the scan gives
// up and finds nothing.
func (p *pattern) scan(text []rune, maxErr int, anchored, preferLast bool, limit int) (end, dist, steps int) {
	last := p.blocks - 1
	pv := make([]uint64, p.blocks)
	mv := make([]uint64, p.blocks)
	score := make([]int, p.blocks)
	y := last
	if !anchored {
		y = max(0, (maxErr+wordBits-1)/wordBits-1)
	}
	for b := 0; b <= y; b++ {
		pv[b], score[b] = ^uint64(0), (b+1)*wordBits
	}
	score[last] = p.m
	top := 0
	if anchored {
		top = 1 // the first row grows by one a column: no free start
	}
	end, dist = -1, maxErr+1
	for j, r := range text {
		eq := p.peq[p.index(r):]
		carry := top
		for b := 0; b <= y; b++ {
			carry = p.advance(pv, mv, eq[b], b, carry)
			score[b] += carry
		}
		steps += y + 1
		if steps > limit {
			return -1, 0, steps
		}
		if !anchored {
			if score[y]-carry <= maxErr && y < last && (eq[y+1]&1 != 0 || carry < 0) {
				y++
				pv[y], mv[y] = ^uint64(0), 0
				rows := wordBits
				if y == last {
					rows = p.m - last*wordBits
				}
				score[y] = score[y-1] + rows - carry + p.advance(pv, mv, eq[y], y, carry)
				steps++
			} else {
				for y > 0 && score[y] >= maxErr+wordBits {
					y--
				}
			}
		}
		if y == last && (score[y] < dist || preferLast && score[y] == dist) {
			end, dist = j+1, score[y]
			if !anchored {
				maxErr = dist
			}
		}
	}
	return end, dist, steps
}

// advance computes block b of the next column from the character's match
// bits eq and the change of distance hin coming down from the block above;
// it returns the change leaving the block's last row.
func (p *pattern) advance(pv, mv []uint64, eq uint64, b, hin int) int {
	pb, mb := pv[b], mv[b]
	var neg uint64
	if hin < 0 {
		neg = 1
	}
	eq |= neg
	xv := eq | mb
	xh := (((eq & pb) + pb) ^ pb) | eq
	ph := mb | ^(xh | pb)
	mh := pb & xh
	lastRow := uint64(1) << (wordBits - 1)
	if b == p.blocks-1 {
		lastRow = p.last
	}
	hout := 0
	if ph&lastRow != 0 {
		hout = 1
	} else if mh&lastRow != 0 {
		hout = -1
	}
	ph <<= 1
	mh = mh<<1 | neg
	if hin > 0 {
		ph |= 1
	}
	pv[b] = mh | ^(xv | ph)
	mv[b] = ph & xv
	return hout
}
