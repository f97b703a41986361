package annotate_test

import (
	"os/exec"
	"strings"
	"testing"
)

// goList runs `go list` with a template over the module's packages.
func goList(t *testing.T, template string, patterns ...string) []string {
	t.Helper()
	args := append([]string{"list", "-f", template}, patterns...)
	out, err := exec.Command("go", args...).CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	return strings.Split(strings.TrimSpace(string(out)), "\n")
}

// The domain never knows the window, and the window never reaches past
// annotate/library into the storage or search engines.
func TestDependenciesPointInward(t *testing.T) {
	for _, line := range goList(t, `{{.ImportPath}}: {{join .Deps " "}}`, "scholia/annotate/...") {
		if strings.Contains(line, "fyne.io/") {
			t.Errorf("%s depends on Fyne", strings.SplitN(line, ":", 2)[0])
		}
	}
	for _, line := range goList(t, `{{.ImportPath}}: {{join .Imports " "}} {{join .TestImports " "}}`, "scholia/ui/...") {
		for _, banned := range []string{"go.etcd.io/bbolt", "github.com/sahilm/fuzzy", "scholia/annotate/store", "scholia/annotate/search"} {
			if strings.Contains(line+" ", " "+banned+" ") || strings.Contains(line+" ", " "+banned+"/") {
				t.Errorf("%s imports %s; go through annotate/library", strings.SplitN(line, ":", 2)[0], banned)
			}
		}
	}
	for _, line := range goList(t, `{{.ImportPath}}: {{join .Imports " "}}`, "scholia/...") {
		pkg := strings.SplitN(line, ":", 2)[0]
		if strings.Contains(line, "go.etcd.io/bbolt") && pkg != "scholia/annotate/store" {
			t.Errorf("%s imports bbolt; only annotate/store may", pkg)
		}
	}
}
