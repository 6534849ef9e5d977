#pragma once

#include "td-database.h"

G_BEGIN_DECLS

/* DOMAIN.md «Amounts in words»; each option is a regional or office habit. */
typedef struct
{
  gboolean le;      /* «lẻ» instead of «linh»: 105 = một trăm lẻ năm */
  gboolean ngan;    /* «ngàn» instead of «nghìn» */
  gboolean bon;     /* «bốn» instead of «tư» after «mươi» */
  gboolean chan;    /* «đồng chẵn» instead of «đồng» */
} TdWordsOptions;

char    *td_words_amount          (gint64                amount,
                                   const TdWordsOptions *options);
char    *td_words_number          (guint64               number,
                                   const TdWordsOptions *options);
void     td_words_options_load    (TdDatabase           *db,
                                   TdWordsOptions       *options);

G_END_DECLS
