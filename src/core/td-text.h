#pragma once

#include <glib.h>

G_BEGIN_DECLS

char    *td_text_normalize      (const char  *text);
char    *td_text_normalize_lines (const char *text,
                                 gboolean    keep_blank);
char    *td_text_fold           (const char  *text);
gboolean td_text_fold_contains  (const char  *folded_haystack,
                                 const char  *needle);
GStrv    td_text_search_words   (const char  *search);
gboolean td_text_matches_words  (const char         *folded_haystack,
                                 const char * const *words);
GBytes  *td_text_sort_key       (const char  *text);
GBytes  *td_text_name_sort_key  (const char  *full_name);
int      td_text_collate        (const char  *a,
                                 const char  *b);
void     td_text_split_name     (const char  *full_name,
                                 char       **family,
                                 char       **middle,
                                 char       **given);
char    *td_text_name_for_sort  (const char  *full_name);
void     td_text_cleanup        (void);

G_END_DECLS
