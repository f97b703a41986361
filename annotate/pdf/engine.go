package pdf

import (
	"context"
	"errors"
	"os"
	"sync"
	"time"

	pdfium "github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// Defaults of an Engine's limits.
const (
	// DefaultMemoryPages caps PDFium's memory at 256 MB (64 KB pages): a
	// decompression bomb runs out of room inside the sandbox, not the app.
	DefaultMemoryPages = 4096
	// DefaultTimeout is how long one document may take to read: a
	// 1,000-page book takes about 12 s on a slow machine.
	DefaultTimeout = 60 * time.Second
	// DefaultStallTimeout is how long opening the document, or reading one
	// page, may take: a PDF that sends PDFium round a loop is stopped then.
	DefaultStallTimeout = 5 * time.Second
	// MaxPages is the most pages Scholia reads in one PDF.
	MaxPages = 5000
	// startTimeout is how long a caller waits for the engine to start
	// (compiling PDFium takes seconds the first time, well under one after).
	startTimeout = 2 * time.Minute
)

// Config says where an Engine keeps its compilation cache and how far it
// lets one document go.
type Config struct {
	// CacheDir holds wazero's compiled PDFium so that later starts take a
	// fraction of a second; empty means compile every start.
	CacheDir string
	// MemoryPages caps the wasm memory, in 64 KB pages; 0 means DefaultMemoryPages.
	MemoryPages uint32
	// Timeout caps the reading of one document; 0 means DefaultTimeout.
	Timeout time.Duration
	// StallTimeout caps the opening and each page; 0 means DefaultStallTimeout.
	StallTimeout time.Duration
}

// Engine reads PDFs with PDFium run in WebAssembly. It starts nothing until
// it is first used (or Start is called); starting compiles PDFium, which
// takes seconds without a cache, in the background. An Engine is safe for
// concurrent use.
type Engine struct {
	cfg   Config
	once  sync.Once
	ready chan struct{}
	pool  pdfium.Pool
	err   error
}

// NewEngine returns an engine that has not started.
func NewEngine(cfg Config) *Engine {
	if cfg.MemoryPages == 0 {
		cfg.MemoryPages = DefaultMemoryPages
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.StallTimeout == 0 {
		cfg.StallTimeout = DefaultStallTimeout
	}
	return &Engine{cfg: cfg, ready: make(chan struct{})}
}

// Start begins compiling PDFium in the background, if it has not begun;
// it returns at once.
func (e *Engine) Start() {
	e.once.Do(func() { go e.start() })
}

func (e *Engine) start() {
	defer close(e.ready)
	rc := wazero.NewRuntimeConfig().
		WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
		WithMemoryLimitPages(e.cfg.MemoryPages)
	// Not WithCloseOnContextDone: it starts a goroutine for every call into
	// PDFium, a dozen a character, and made reading eight times slower
	// (measured: 17 pages in 2.6 s against 0.32 s). A read that overruns
	// still returns its error on time and its instance is thrown away, but
	// PDFium, if truly stuck in a loop, runs on in its goroutine.
	if e.cfg.CacheDir != "" {
		if err := os.MkdirAll(e.cfg.CacheDir, 0o755); err == nil {
			if cache, err := wazero.NewCompilationCacheWithDir(e.cfg.CacheDir); err == nil {
				rc = rc.WithCompilationCache(cache)
			}
		}
	}
	e.pool, e.err = webassembly.Init(webassembly.Config{
		MinIdle:       0,
		MaxIdle:       1,
		MaxTotal:      2,
		RuntimeConfig: rc,
		FSConfig:      wazero.NewFSConfig(), // PDFium sees no file system
		Stdout:        discard{},
		Stderr:        discard{},
	})
}

// Ready reports whether the engine has started (or failed to).
func (e *Engine) Ready() bool {
	select {
	case <-e.ready:
		return true
	default:
		return false
	}
}

// Wait starts the engine if needed and waits until it has started or ctx is done.
func (e *Engine) Wait(ctx context.Context) error {
	e.Start()
	select {
	case <-e.ready:
		if e.err != nil {
			return problem(ErrEngine, "the PDF reader could not start: %v", e.err)
		}
		return nil
	case <-ctx.Done():
		return problem(ErrTimeout, "the PDF reader took too long to start")
	}
}

// Close stops the engine; it is not usable afterwards.
func (e *Engine) Close() error {
	e.once.Do(func() {
		e.err = errors.New("closed")
		close(e.ready)
	})
	<-e.ready
	if e.pool == nil {
		return nil
	}
	return e.pool.Close()
}

// instance borrows one PDFium instance for one document.
func (e *Engine) instance() (pdfium.Pdfium, error) {
	ctx, cancel := context.WithTimeout(context.Background(), startTimeout)
	defer cancel()
	if err := e.Wait(ctx); err != nil {
		return nil, err
	}
	inst, err := e.pool.GetInstance(startTimeout)
	if err != nil {
		return nil, problem(ErrEngine, "the PDF reader could not start: %v", err)
	}
	return inst, nil
}

// run reads one document in a borrowed instance under the engine's time
// limits: read calls tick after each step (a page), and a run that takes
// longer than StallTimeout over one step, or Timeout in all, has its
// instance killed. A panic inside the engine becomes an error.
func (e *Engine) run(read func(inst pdfium.Pdfium, tick func()) error) error {
	inst, err := e.instance()
	if err != nil {
		return err
	}
	done := make(chan error, 1)
	progress := make(chan struct{}, 1)
	tick := func() {
		select {
		case progress <- struct{}{}:
		default:
		}
	}
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- problem(ErrDamaged, "the PDF is damaged and could not be read")
			}
		}()
		done <- read(inst, tick)
	}()
	total := time.NewTimer(e.cfg.Timeout)
	defer total.Stop()
	stall := time.NewTimer(e.cfg.StallTimeout)
	defer stall.Stop()
	for {
		select {
		case err := <-done:
			_ = inst.Close()
			return err
		case <-progress:
			stall.Reset(e.cfg.StallTimeout)
		case <-stall.C:
			_ = inst.Kill()
			return problem(ErrTimeout, "the PDF took longer than %s over one page, so Scholia gave up on it", e.cfg.StallTimeout)
		case <-total.C:
			_ = inst.Kill()
			return problem(ErrTimeout, "the PDF took longer than %s to read, so Scholia gave up on it", e.cfg.Timeout)
		}
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
