// Package locale gives Fyne a locale it can parse. Fyne reads the locale
// while its packages initialise and logs an error for "C", "C.UTF-8" and
// "POSIX", the defaults of servers, containers and CI. Imported first by
// main, this package's init runs before Fyne's and, for those values only,
// sets LANG to en_US.UTF-8 (what Fyne falls back to anyway).
package locale

import (
	"os"
	"strings"
)

func init() {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(name)
		if v == "" {
			continue
		}
		if !isPOSIX(v) {
			return
		}
		_ = os.Setenv(name, "en_US.UTF-8")
	}
	if os.Getenv("LANG") == "" && os.Getenv("LC_ALL") == "" {
		_ = os.Setenv("LANG", "en_US.UTF-8")
	}
}

func isPOSIX(v string) bool {
	base, _, _ := strings.Cut(v, ".")
	return base == "C" || base == "POSIX"
}
