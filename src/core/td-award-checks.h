#pragma once

#include "td-database.h"
#include "td-records.h"

G_BEGIN_DECLS

/* Warnings about an award line that do not block it (DOMAIN.md «Rules a
 * program can check»): each a translated sentence naming the problem. */
typedef enum
{
  TD_AWARD_WARNING_SAME_DECISION,   /* the recipient twice in one decision */
  TD_AWARD_WARNING_SAME_YEAR,       /* again in another decision of the campaign and year */
  TD_AWARD_WARNING_RULE,            /* a rule of Law 06/2022 not met by the history */
} TdAwardWarningKind;

typedef struct
{
  TdAwardWarningKind  kind;
  char               *message;
} TdAwardWarning;

void       td_award_warning_free     (TdAwardWarning *warning);
/* Warnings for the line @award_id of its decision; an empty array when
 * none.  NULL with @error only on a database failure. */
GPtrArray *td_award_checks_for_award (TdDatabase     *db,
                                      gint64          award_id,
                                      GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdAwardWarning, td_award_warning_free)

G_END_DECLS
