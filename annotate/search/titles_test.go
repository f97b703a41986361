package search_test

import (
	"reflect"
	"testing"

	"scholia/annotate/search"
)

func TestRankFindsTitlesDespiteTyposAndWordOrder(t *testing.T) {
	titles := []string{
		"The Communist Manifesto",
		"Simple Sabotage Field Manual",
		"Rubio Engages Russian Foreign Minister",
		"The Souls of Black Folk",
		"Web Annotation Data Model · W3C",
	}
	cases := map[string][]int{
		"":              {0, 1, 2, 3, 4},
		"manifsto":      {0},
		"field sabotge": {1},
		"rubio lavrov":  nil,
		"souls folk":    {3},
		"rubio":         {2},
		"rbuio":         {2}, // two letters swapped
		"rubi":          {2}, // still typing
		"anotation":     {4},
		"annotation mo": {4},
		"sabotage manu": {1},
		"comunist":      {0},
	}
	for q, want := range cases {
		if got := search.Rank(q, titles); !reflect.DeepEqual(got, want) {
			t.Errorf("Rank(%q) = %v, want %v", q, got, want)
		}
	}
}

// TestRankDoesNotMatchLettersScatteredAcrossWords: the letters of a word
// found here and there in a title are no match, as they are none for a
// search.
func TestRankDoesNotMatchLettersScatteredAcrossWords(t *testing.T) {
	titles := []string{
		"Web Annotation Data Model",
		"Selectors and States",
		"Alice's Adventures in Wonderland",
	}
	for _, q := range []string{"rubio", "wadm", "sands", "alwond", "trump"} {
		if got := search.Rank(q, titles); len(got) != 0 {
			t.Errorf("Rank(%q) lists %v", q, got)
		}
	}
}

func TestRankPutsExactWordsFirst(t *testing.T) {
	titles := []string{"Treaties Compared", "The Treaty", "Treatise on Law"}
	if got := search.Rank("treaty", titles); !reflect.DeepEqual(got, []int{1, 0, 2}) {
		t.Errorf("Rank(treaty) = %v, want the exact word first, then the words it starts with a typo (it is still being typed)", got)
	}
}
