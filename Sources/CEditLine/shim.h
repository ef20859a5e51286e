// Static inline wrappers around libedit's variadic calls, which Swift cannot call directly,
// and around the C standard streams, which Swift 6 rejects as mutable globals.
#ifndef PARLEY_CEDITLINE_SHIM_H
#define PARLEY_CEDITLINE_SHIM_H
#include <stdio.h>
#include <stddef.h>
#include <histedit.h>

/// A prompt callback (libedit calls it to draw the prompt).
typedef char *(*parley_prompt_fn)(EditLine *);
/// A user editing function bound to a key; returns a CC_* code.
typedef unsigned char (*parley_edit_fn)(EditLine *, int);

static inline FILE *parley_stdin(void) { return stdin; }
static inline FILE *parley_stdout(void) { return stdout; }
static inline FILE *parley_stderr(void) { return stderr; }

/// Starts an editor on the standard streams.
static inline EditLine *parley_el_init(const char *program) {
    return el_init(program, stdin, stdout, stderr);
}

/// Sets the prompt callback; `ignore` brackets non-printing sequences (colours) in the prompt.
static inline int parley_el_set_prompt(EditLine *el, parley_prompt_fn fn, char ignore) {
    return el_set(el, EL_PROMPT_ESC, fn, ignore);
}

/// Chooses "emacs" or "vi" key bindings.
static inline int parley_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

/// Whether libedit installs its own handlers (resize, suspend) while reading.
static inline int parley_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}

/// Whether the key bindings are vi's (after `bind -v` in ~/.editrc).
static inline int parley_el_editor_is_vi(EditLine *el) {
    const char *mode = NULL;
    if (el_get(el, EL_EDITOR, &mode) != 0 || mode == NULL) return 0;
    return mode[0] == 'v' && mode[1] == 'i';
}

/// Binds `key` to `name` in vi's command mode map.
static inline int parley_el_bind_vi_command(EditLine *el, const char *key, const char *name) {
    return el_set(el, EL_BIND, "-a", key, name, NULL);
}

/// Registers a named editing function.
static inline int parley_el_addfn(EditLine *el, const char *name, const char *help, parley_edit_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}

/// Binds `key` (e.g. "^I", "^C") to the editing function `name`.
static inline int parley_el_bind(EditLine *el, const char *key, const char *name) {
    return el_set(el, EL_BIND, key, name, NULL);
}

/// Changes a terminal setting for one mode: `mode` is "-d" (editing), "-x" (running) or "-q".
static inline int parley_el_setty(EditLine *el, const char *mode, const char *setting) {
    return el_set(el, EL_SETTY, mode, setting, NULL);
}

/// Attaches the history used by the history-moving and search functions.
static inline int parley_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}

/// Stores an opaque pointer the callbacks can get back.
static inline int parley_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

/// The pointer stored with `parley_el_set_clientdata`.
static inline void *parley_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}

/// The terminal's width in columns, or 0 when unknown.
static inline int parley_el_columns(EditLine *el) {
    int columns = 0;
    if (el_get(el, EL_GETTC, "co", &columns, NULL) != 0) return 0;
    return columns;
}

/// A character reader: stores one character and returns 1, or returns 0 at end of input, -1 on error.
typedef int (*parley_getc_fn)(EditLine *, wchar_t *);

/// Replaces the function libedit reads characters with.
static inline int parley_el_set_getc(EditLine *el, parley_getc_fn fn) {
    return el_set(el, EL_GETCFN, fn);
}

/// Redraws the prompt and the line.
static inline int parley_el_refresh(EditLine *el) {
    return el_set(el, EL_REFRESH);
}

/// Sets the history's maximum size.
static inline int parley_history_setsize(History *h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}

/// Makes the history drop an entry equal to the one before it.
static inline int parley_history_setunique(History *h, int on) {
    HistEvent ev;
    return history(h, &ev, H_SETUNIQUE, on);
}

/// Adds an entry as the newest.
static inline int parley_history_enter(History *h, const char *entry) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, entry);
}

/// Removes every entry.
static inline int parley_history_clear(History *h) {
    HistEvent ev;
    return history(h, &ev, H_CLEAR);
}

#endif
