/* Translation macros: every user-visible string goes through _(). */
#ifndef AJ_PO_I18N_H
#define AJ_PO_I18N_H

#include "config.h"

#if ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#define P_(s, p, n) ngettext(s, p, n)
#else
#define _(s) (s)
#define P_(s, p, n) ((n) == 1 ? (s) : (p))
#endif
/* Marks a string for translation where it is stored, not shown. */
#define N_(s) (s)

#endif
