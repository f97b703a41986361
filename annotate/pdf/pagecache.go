package pdf

import (
	"image"
	"slices"
	"sync"
)

// PageCache draws pages on a goroutine of its own and keeps those drawn
// within a budget of bytes, dropping the least recently wanted first. A
// caller (the window) says which pages it wants, those in view first,
// with Want, and reads what is drawn with Get; the cache calls drawn once
// each wanted page is ready. Pages no longer wanted when the drawing
// comes to them are not drawn, and a page is drawn once for one Want
// even when the budget has dropped it since.
type PageCache struct {
	pages  *Pages
	budget int
	drawn  func(n, width int)

	mu     sync.Mutex
	kept   map[pageKey]*keptPage
	used   int    // bytes kept
	tick   uint64 // a clock for least recently wanted
	want   []pageKey
	served map[pageKey]bool // drawn since the last Want: not drawn again for it, kept or not
	failed map[pageKey]error
	spare  *image.RGBA // a page dropped, its pixels to draw the next one into
	wake   chan struct{}
	closed bool
}

type pageKey struct{ n, width int }

type keptPage struct {
	img  *image.RGBA
	seen uint64
}

// NewPageCache draws pages of p keeping up to budget bytes of them;
// drawn is called, on the cache's goroutine, when a wanted page is ready.
func NewPageCache(p *Pages, budget int, drawn func(n, width int)) *PageCache {
	c := &PageCache{pages: p, budget: budget, drawn: drawn,
		kept: map[pageKey]*keptPage{}, served: map[pageKey]bool{}, failed: map[pageKey]error{}, wake: make(chan struct{}, 1)}
	go c.work()
	return c
}

// Get is page n drawn width pixels wide, nil when it is not (yet); err
// says why a page could not be drawn.
func (c *PageCache) Get(n, width int) (*image.RGBA, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	k := pageKey{n, width}
	if e, ok := c.kept[k]; ok {
		c.tick++
		e.seen = c.tick
		return e.img, nil
	}
	return nil, c.failed[k]
}

// Want replaces the pages wanted: pages ns (1-based), width pixels wide,
// in that order.
func (c *PageCache) Want(ns []int, width int) {
	c.mu.Lock()
	c.want = c.want[:0]
	clear(c.served)
	for _, n := range ns {
		if n >= 1 && n <= c.pages.Count() {
			c.want = append(c.want, pageKey{n, width})
			if e, ok := c.kept[pageKey{n, width}]; ok {
				c.tick++
				e.seen = c.tick
			}
		}
	}
	c.mu.Unlock()
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

// Used is how many bytes of drawn pages the cache keeps.
func (c *PageCache) Used() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.used
}

// Close stops the drawing and lets the pages go; it does not close p.
func (c *PageCache) Close() {
	c.mu.Lock()
	c.closed = true
	c.kept, c.used, c.want = map[pageKey]*keptPage{}, 0, nil
	c.mu.Unlock()
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

func (c *PageCache) work() {
	for {
		k, ok := c.next()
		if !ok {
			c.mu.Lock()
			closed := c.closed
			c.mu.Unlock()
			if closed {
				return
			}
			<-c.wake
			continue
		}
		c.mu.Lock()
		spare := c.spare
		c.spare = nil
		c.mu.Unlock()
		img, err := c.pages.RenderInto(k.n, k.width, spare)
		c.mu.Lock()
		if c.closed {
			c.mu.Unlock()
			return
		}
		c.served[k] = true
		if err != nil {
			c.failed[k] = err
		} else {
			c.tick++
			c.kept[k] = &keptPage{img, c.tick}
			c.used += len(img.Pix)
			c.evict(k)
		}
		c.mu.Unlock()
		if c.drawn != nil {
			c.drawn(k.n, k.width)
		}
	}
}

// next is the first wanted page neither drawn nor failed.
func (c *PageCache) next() (pageKey, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, k := range c.want {
		if _, ok := c.kept[k]; ok {
			continue
		}
		if _, ok := c.failed[k]; ok || c.served[k] {
			continue
		}
		return k, true
	}
	return pageKey{}, false
}

// evict drops the least recently wanted pages until the kept fit the
// budget; the page just drawn and the pages wanted stay, whatever their
// size (a page at 400% may pass the budget alone). A page dropped is
// neither wanted nor in view, so its pixels are free to draw the next
// page into.
func (c *PageCache) evict(keep pageKey) {
	for c.used > c.budget {
		var oldest pageKey
		var seen uint64
		found := false
		for k, e := range c.kept {
			if k != keep && !slices.Contains(c.want, k) && (!found || e.seen < seen) {
				oldest, seen, found = k, e.seen, true
			}
		}
		if !found {
			return
		}
		c.used -= len(c.kept[oldest].img.Pix)
		c.spare = c.kept[oldest].img
		delete(c.kept, oldest)
	}
}
