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
	}
	cases := map[string][]int{
		"":              {0, 1, 2, 3},
		"manifsto":      {0},
		"field sabotge": {1},
		"rubio lavrov":  nil,
		"souls folk":    {3},
	}
	for q, want := range cases {
		if got := search.Rank(q, titles); !reflect.DeepEqual(got, want) {
			t.Errorf("Rank(%q) = %v, want %v", q, got, want)
		}
	}
}
