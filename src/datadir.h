/* Where autojail finds what it ships: board profiles, inmate sources,
 * translations. */
#ifndef AJ_SRC_DATADIR_H
#define AJ_SRC_DATADIR_H

/* $ENV when set; run from the build tree, the source tree's NAME folder
 * (its files are the current ones); else PKGDATADIR/NAME. The result stays
 * valid until the next call for the same name. */
const char *datadir_find(const char *name, const char *env);
/* The message catalogues: $AUTOJAIL_LOCALEDIR when set; for the program the
 * build tree made, the build tree's po/locale (made by make from po/LL.gmo);
 * else LOCALEDIR, where make install put them. */
const char *datadir_locale(void);

#endif
