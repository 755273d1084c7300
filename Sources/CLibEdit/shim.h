// The system libedit (Debian libedit-dev), through its native histedit.h API.
// el_set, el_get and history take variable arguments, which Swift cannot call; these small wrappers fix
// one signature per use.
#ifndef CIE_LIBEDIT_SHIM_H
#define CIE_LIBEDIT_SHIM_H

#include <histedit.h>
#include <locale.h>
#include <stdio.h>

// The standard streams as functions: Swift 6 refuses the C globals `stdin`/`stdout` as shared mutable state.
static inline FILE *cie_stdin(void) { return stdin; }
static inline FILE *cie_stdout(void) { return stdout; }
static inline FILE *cie_stderr(void) { return stderr; }

typedef char *(*cie_prompt_fn)(EditLine *);
typedef unsigned char (*cie_command_fn)(EditLine *, int);

static inline int cie_el_set_prompt(EditLine *el, cie_prompt_fn f) { return el_set(el, EL_PROMPT, f); }
static inline int cie_el_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int cie_el_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
static inline int cie_el_set_history(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
static inline int cie_el_add_function(EditLine *el, const char *name, const char *help, cie_command_fn f) {
    return el_set(el, EL_ADDFN, name, help, f);
}
static inline int cie_el_bind(EditLine *el, const char *key, const char *function) {
    return el_set(el, EL_BIND, key, function, (const char *)NULL);
}
static inline int cie_el_set_clientdata(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }
static inline void *cie_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}

static inline int cie_history_setsize(History *h, int size) { HistEvent ev; return history(h, &ev, H_SETSIZE, size); }
static inline int cie_history_setunique(History *h, int on) { HistEvent ev; return history(h, &ev, H_SETUNIQUE, on); }
static inline int cie_history_enter(History *h, const char *line) { HistEvent ev; return history(h, &ev, H_ENTER, line); }
static inline int cie_history_load(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_LOAD, path); }
static inline int cie_history_save(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_SAVE, path); }

#endif
