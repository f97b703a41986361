package search

// # Forgiving typos
//
// A hurried typist swaps two letters ("hawksih"), hits the key beside the
// one meant ("sanctipns"), doubles a letter ("propagganda"), drops one
// ("propganda") or stops early ("propag"). The first four are one edit in
// the optimal-string-alignment (restricted Damerau-Levenshtein) distance:
// a letter inserted, deleted or replaced, or two neighbouring letters
// swapped. The fifth is a prefix, matched elsewhere.
//
// How many edits a word may hold follows its length, as Meilisearch and
// Typesense do (one typo from 5 letters, two from 9, there): a query word
// of 1-3 letters matches only exactly or as a prefix (one edit to "the"
// is a third of it, and reaches "she", "tho", "thy"...); 4-7 letters allow
// one edit; 8 letters or more allow two. The vocabulary word must be long
// enough for the same bound: a query of 8 letters reaches a 7-letter word
// with one edit only. Query words longer than maxTypoLetters are matched
// exactly or as prefixes only: no word of a language is that long, and it
// bounds the work for a pasted run of letters.
//
// The last word of a query is still being typed, so it is also matched as
// a prefix with one edit when it has 4 letters or more: "propg" reaches
// "propaganda" ("propa" with one letter dropped).
//
// # The walk
//
// The vocabulary is kept sorted (for prefix ranges), which makes it a trie
// laid flat: words sharing a prefix stand together. The walk goes down the
// sorted words computing one row of the edit-distance table per letter of
// the vocabulary word, against the whole query word; consecutive words
// share the rows of their common prefix, so each trie node is computed
// once. Two facts bound it:
//
//   - When every cell of a row exceeds the bound, no word starting with
//     that prefix can come back within it: the walk jumps, by binary
//     search, past every word sharing the prefix. Only the nodes within
//     the bound of some prefix of the query are visited: for one edit, a
//     few hundred of a vocabulary's hundreds of thousands.
//   - When the row's last cell is within the prefix bound, every word
//     below the prefix matches the query as a prefix with a typo; they
//     are taken as one range, capped with the other matches of the word
//     at maxWordMatches.
//
// The transposition needs the row two letters up, which the walk keeps,
// since rows are held per depth. The walk costs no memory beyond the
// sorted vocabulary the index already keeps, a row per depth and the
// match cache (see Search), and runs in well under a millisecond per
// query word on a vocabulary of a hundred thousand words.

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// maxTypoLetters is the longest query word matched with typos.
const maxTypoLetters = 32

// typoBound is how many edits a word of n letters may hold.
func typoBound(n int) int {
	switch {
	case n >= 8:
		return 2
	case n >= 4:
		return 1
	}
	return 0
}

// prefixTypoBound is how many edits the part of the last word typed so far
// may hold: one, from four letters.
func prefixTypoBound(n int) int { return min(typoBound(n), 1) }

// typoWalk holds the rows of the edit-distance table per depth of the
// walk, kept between searches to spare allocations.
type typoWalk struct {
	rows [][]int32
}

// row returns the table row for depth d, len(q)+1 cells.
func (t *typoWalk) row(d, n int) []int32 {
	for len(t.rows) <= d {
		t.rows = append(t.rows, nil)
	}
	if cap(t.rows[d]) < n {
		t.rows[d] = make([]int32, n)
	}
	return t.rows[d][:n]
}

// matchTypos adds to out the vocabulary words within the typo bound of q,
// and, when typing (q is the last word), those starting with a prefix
// within one edit of q. A word already in out keeps its better match.
func (ix *Index) matchTypos(q []rune, typing bool, out map[uint32]uint8) {
	if len(q) > maxTypoLetters {
		return
	}
	wordK := typoBound(len(q))
	prefixK := 0
	if typing {
		prefixK = prefixTypoBound(len(q))
	}
	k := int32(max(wordK, prefixK))
	if k == 0 {
		return
	}
	t := &ix.typo
	n := len(q) + 1
	top := t.row(0, n)
	for j := range top {
		top[j] = int32(j)
	}
	var prev []rune // the vocabulary word whose rows are computed
	for i := 0; i < len(ix.sorted); {
		id := ix.sorted[i]
		w := ix.runes[id]
		c := commonPrefix(prev, w)
		prev = w
		next := i + 1
		for d := c + 1; d <= len(w); d++ {
			row := t.row(d, n)
			up := t.rows[d-1][:n]
			var up2 []int32
			if d >= 2 {
				up2 = t.rows[d-2][:n]
			}
			b := w[d-1]
			row[0] = int32(d)
			least := row[0]
			for j := 1; j < n; j++ {
				cost := int32(1)
				if q[j-1] == b {
					cost = 0
				}
				v := min(up[j]+1, row[j-1]+1, up[j-1]+cost)
				if up2 != nil && j >= 2 && q[j-1] == w[d-2] && q[j-2] == b {
					v = min(v, up2[j-2]+1)
				}
				row[j] = v
				least = min(least, v)
			}
			if least > k {
				// Nothing below w[:d] comes back within the bound.
				next = ix.pastPrefix(i, prefixBytes(ix.text[id], w, d))
				prev = w[:d]
				break
			}
			if dist := row[n-1]; dist > 0 && int(dist) <= prefixK {
				// w[:d] is within one edit of q: every word below it
				// matches as a prefix with a typo.
				end := ix.pastPrefix(i, prefixBytes(ix.text[id], w, d))
				for _, sid := range ix.sorted[i:end] {
					if _, ok := out[sid]; !ok {
						out[sid] = matchTypo
					}
					if len(out) >= maxWordMatches {
						return
					}
				}
				next = end
				prev = w[:d]
				break
			}
			if d == len(w) {
				dist := row[n-1]
				if bound := min(wordK, typoBound(len(w))); dist > 0 && int(dist) <= bound {
					if _, ok := out[id]; !ok {
						out[id] = typoKind(int(dist))
					}
					if len(out) >= maxWordMatches {
						return
					}
				}
			}
		}
		i = next
	}
}

// typoKind is the match kind of a word dist edits away.
func typoKind(dist int) uint8 {
	if dist == 1 {
		return matchTypo
	}
	return matchTypo2
}

// pastPrefix is the index in the sorted vocabulary of the first word after
// position i that does not start with prefix; the words from i on that do
// start with it stand together.
func (ix *Index) pastPrefix(i int, prefix string) int {
	rest := ix.sorted[i+1:]
	return i + 1 + sort.Search(len(rest), func(j int) bool {
		return !strings.HasPrefix(ix.text[rest[j]], prefix)
	})
}

// prefixBytes is the first d runes of word (whose runes are w) as a string.
func prefixBytes(word string, w []rune, d int) string {
	n := 0
	for _, r := range w[:d] {
		n += utf8.RuneLen(r)
	}
	return word[:n]
}

func commonPrefix(a, b []rune) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// osa is the optimal-string-alignment distance of a and b: letters
// inserted, deleted, replaced, or two neighbours swapped, each once.
func osa(a, b []rune) int {
	rows := make([][]int, len(a)+1)
	for i := range rows {
		rows[i] = make([]int, len(b)+1)
		rows[i][0] = i
	}
	for j := range rows[0] {
		rows[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(rows[i-1][j]+1, rows[i][j-1]+1, rows[i-1][j-1]+cost)
			if i >= 2 && j >= 2 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, rows[i-2][j-2]+1)
			}
			rows[i][j] = v
		}
	}
	return rows[len(a)][len(b)]
}

// typoBold is the byte offsets, within word, of the letters to show in
// bold for query word q matched with a typo: the whole word when the whole
// word matched, else the letters of the prefix q stands for.
func typoBold(q, word string) []int {
	qr, wr := []rune(q), []rune(word)
	n := len(wr)
	if osa(qr, wr) > typoBound(len(qr)) {
		n = min(n, len(qr))
	}
	out := make([]int, 0, n)
	for k := range word {
		if len(out) == n {
			break
		}
		out = append(out, k)
	}
	return out
}
