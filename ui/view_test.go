package ui

import (
	"bytes"
	"fmt"
	"reflect"
	"sort"
	"testing"

	tea "charm.land/bubbletea/v2"

	"creditplan/pricing"
)

// TestViewOnlyReadsTheModel draws every screen and overlay, at a wide and a
// narrow size, and checks that drawing changed nothing anywhere in the model
// (everything reachable from it, compared before and after, deep) and that a
// second frame is the first: View only reads.
func TestViewOnlyReadsTheModel(t *testing.T) {
	card := loadCard(t)
	t.Chdir(t.TempDir()) // the prompts below never write, but never into the tree
	cases := []struct {
		name string
		keys []string
	}{
		{"video", []string{"1", "down", "down", "down"}},
		{"video_last_row", []string{"1", "end"}},
		{"video_editing", []string{"1", "home", "enter", "x"}},
		{"video_edit_error", []string{"1", "down", "enter", "z", "z"}},
		{"month", []string{"2", "end"}},
		{"plans", []string{"3", "down"}},
		{"year", []string{"4", "down", "right"}},
		{"fit", []string{"2", "f"}},
		{"fit_scrolled", []string{"2", "f", "down", "pgdown"}},
		{"fit_chosen", []string{"2", "f", "down", " ", " ", "down", " "}},
		{"fit_kept", []string{"2", "f", "down", "k", " "}},
		{"fit_unkept", []string{"2", "f", "k", "down", "k", "K"}},
		{"help", []string{"?", "down"}},
		{"help_video", []string{"1", "?", "end"}},
		{"quit_question", []string{"2", "a", "q"}},
		{"balance_prompt", []string{"2", "B", "x"}},
		{"balance_refused", []string{"2", "B", "1", ",", "5", "enter"}},
		{"save_as", []string{"2", "a", "ctrl+s"}},
		{"video_cycling", []string{"1", "alt+a", "right"}},
		{"video_length_reading", []string{"1", "alt+l", "9", "0"}},
		{"video_length_over_plan", []string{"1", "alt+l", "4", "5", "enter"}},
		{"video_add_duplicate_delete", []string{"1", "alt+t", "a", "alt+t", "d", "x"}},
		{"month_settings", []string{"2", "s", "s", "w", "r", "P"}},
	}
	for _, sz := range [][2]int{{120, 40}, {80, 24}, {60, 16}, {50, 12}} {
		for _, c := range cases {
			t.Run(fmt.Sprintf("%s_%dx%d", c.name, sz[0], sz[1]), func(t *testing.T) {
				m := newModel(t, bigMonth(card, 60), sz[0], sz[1])
				pressSettle(m, c.keys...)
				requireViewReads(t, m)
			})
		}
	}
	// A month being read: its first frame, the help over it, a key refused,
	// and each step of the load.
	src := pricing.EncodeProject(bigMonth(card, 60), card)
	for _, sz := range [][2]int{{120, 40}, {80, 24}, {60, 16}, {50, 12}} {
		for _, keys := range [][]string{nil, {"?"}, {"x"}, {"?", "down"}} {
			t.Run(fmt.Sprintf("loading_%v_%dx%d", keys, sz[0], sz[1]), func(t *testing.T) {
				m, cmd := loadingModel(t, src, sz[0], sz[1])
				press(m, keys...)
				requireViewReads(t, m)
				for msg := cmd(); ; {
					step, ok := msg.(loadStep)
					if !ok {
						m.Update(msg)
						requireViewReads(t, m)
						break
					}
					m.Update(step)
					requireViewReads(t, m)
					msg = nextLoadMsg(step.next)()
				}
				if m.loading() {
					t.Fatal("still loading")
				}
			})
		}
	}
	t.Run("empty_draft", func(t *testing.T) {
		for _, sz := range [][2]int{{120, 40}, {80, 24}} {
			m := newModel(t, nil, sz[0], sz[1])
			requireViewReads(t, m)
		}
	})
	t.Run("question", func(t *testing.T) {
		m := newModel(t, fullMonth(card), 80, 24)
		m.Update(questionMsg{question{kind: askSave, path: "a.toml", text: "a.toml changed on disk since it was read or saved here; overwrite it?"}})
		if !m.promptIs(promptQuestion) {
			t.Fatalf("holding %v", holder(m))
		}
		requireViewReads(t, m)
	})
	t.Run("before_any_size", func(t *testing.T) {
		m := New(Options{Card: card, Project: fullMonth(card)})
		requireViewReads(t, m)
		m.Update(tea.WindowSizeMsg{Width: 1, Height: 1})
		requireViewReads(t, m)
	})
}

// requireViewReads draws m twice and fails if drawing changed the model or
// the second frame differs from the first.
func requireViewReads(tb testing.TB, m *Model) {
	tb.Helper()
	before := fingerprint(m)
	first := m.View().Content
	if after := fingerprint(m); !bytes.Equal(before, after) {
		tb.Fatalf("View changed the model:\n%s", firstDifference(before, after))
	}
	if second := m.View().Content; second != first {
		tb.Fatal("a second frame differs from the first")
	}
}

// fingerprint writes out everything reachable from v, deep: pointers are
// followed (each once, named by address so a pointer moved shows), maps in
// key order, unexported fields included; functions and channels by address.
func fingerprint(v any) []byte {
	var b bytes.Buffer
	walk(&b, reflect.ValueOf(v), map[uintptr]bool{}, "m")
	return b.Bytes()
}

func walk(b *bytes.Buffer, v reflect.Value, seen map[uintptr]bool, path string) {
	switch v.Kind() {
	case reflect.Invalid:
		fmt.Fprintf(b, "%s=invalid\n", path)
	case reflect.Pointer:
		if v.IsNil() {
			fmt.Fprintf(b, "%s=nil\n", path)
			return
		}
		p := v.Pointer()
		fmt.Fprintf(b, "%s=&%x\n", path, p)
		if seen[p] {
			return
		}
		seen[p] = true
		walk(b, v.Elem(), seen, path+"*")
	case reflect.Interface:
		if v.IsNil() {
			fmt.Fprintf(b, "%s=nil\n", path)
			return
		}
		fmt.Fprintf(b, "%s:%s\n", path, v.Elem().Type())
		walk(b, v.Elem(), seen, path)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			walk(b, v.Field(i), seen, path+"."+v.Type().Field(i).Name)
		}
	case reflect.Slice:
		if v.IsNil() {
			fmt.Fprintf(b, "%s=nil\n", path)
			return
		}
		fmt.Fprintf(b, "%s=[%d/%d]@%x\n", path, v.Len(), v.Cap(), v.Pointer())
		for i := 0; i < v.Len(); i++ {
			walk(b, v.Index(i), seen, fmt.Sprintf("%s[%d]", path, i))
		}
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			walk(b, v.Index(i), seen, fmt.Sprintf("%s[%d]", path, i))
		}
	case reflect.Map:
		if v.IsNil() {
			fmt.Fprintf(b, "%s=nil\n", path)
			return
		}
		type entry struct {
			key string
			val reflect.Value
		}
		var entries []entry
		it := v.MapRange()
		for it.Next() {
			var kb bytes.Buffer
			walk(&kb, it.Key(), map[uintptr]bool{}, "")
			entries = append(entries, entry{kb.String(), it.Value()})
		}
		sort.Slice(entries, func(i, j int) bool { return entries[i].key < entries[j].key })
		fmt.Fprintf(b, "%s=map[%d]\n", path, len(entries))
		for _, e := range entries {
			walk(b, e.val, seen, path+"{"+e.key+"}")
		}
	case reflect.Func, reflect.Chan, reflect.UnsafePointer:
		fmt.Fprintf(b, "%s=%x\n", path, v.Pointer())
	case reflect.String:
		fmt.Fprintf(b, "%s=%q\n", path, v.String())
	case reflect.Bool:
		fmt.Fprintf(b, "%s=%v\n", path, v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		fmt.Fprintf(b, "%s=%d\n", path, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		fmt.Fprintf(b, "%s=%d\n", path, v.Uint())
	case reflect.Float32, reflect.Float64:
		fmt.Fprintf(b, "%s=%v\n", path, v.Float())
	case reflect.Complex64, reflect.Complex128:
		fmt.Fprintf(b, "%s=%v\n", path, v.Complex())
	default:
		fmt.Fprintf(b, "%s=?%s\n", path, v.Kind())
	}
}

// firstDifference is the first line where two fingerprints differ.
func firstDifference(a, b []byte) string {
	la, lb := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := 0; i < min(len(la), len(lb)); i++ {
		if !bytes.Equal(la[i], lb[i]) {
			return "before: " + string(la[i]) + "\nafter:  " + string(lb[i])
		}
	}
	return fmt.Sprintf("%d lines before, %d after", len(la), len(lb))
}
