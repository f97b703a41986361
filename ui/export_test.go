package ui

// WaitIdle waits until what the window runs off the UI goroutine has
// shown its result; the test driver runs fyne.Do at once, so a test may.
func (m *MainWindow) WaitIdle() { m.waitIdle() }

// waitIdle waits for the window's tasks and its panel's saves.
func (m *MainWindow) waitIdle() {
	for {
		m.tasks.waitShown()
		m.panel.Editor.wait()
		if m.tasks.quiet() {
			return
		}
	}
}

// SettleTasks makes every task the window starts from now on finish, its
// result shown, before the call that started it returns, as tests written
// for a window that did everything at once expect.
func (m *MainWindow) SettleTasks() { m.tasks.settle = true }
