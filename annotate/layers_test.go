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

// The domain never knows the window, and neither the window nor the
// commands reach past annotate/library into the storage or search engines.
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
	// The commands reach the library file only through annotate/library:
	// of the domain they may import its vocabulary (annotate), the facade,
	// and interop's names of export formats and citation styles, which
	// hold no storage; nothing below the facade (store, backup, search,
	// ingest, pdf, the facade's own parts). Their tests may build fixtures
	// and check results with the packages below.
	allowed := map[string]bool{"scholia/annotate": true, "scholia/annotate/library": true, "scholia/annotate/interop": true}
	for _, line := range goList(t, `{{.ImportPath}}: {{join .Imports " "}}`, "scholia/cmd/...") {
		pkg, imports, _ := strings.Cut(line, ":")
		for _, imp := range strings.Fields(imports) {
			below := strings.HasPrefix(imp, "scholia/annotate/") || imp == "go.etcd.io/bbolt" || imp == "github.com/sahilm/fuzzy"
			if below && !allowed[imp] {
				t.Errorf("%s imports %s; go through annotate/library", pkg, imp)
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
