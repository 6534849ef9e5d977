#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Plain records as the stores read and write them.  Ids are > 0; 0 means
 * «none» (a unit without parent, a person without unit, a new record).
 * Text is UTF-8 NFC; NULL or "" means empty. */

typedef enum
{
  TD_GENDER_UNKNOWN,
  TD_GENDER_MALE,
  TD_GENDER_FEMALE,
} TdGender;

typedef enum
{
  TD_FAMILY_TITLE,
  TD_FAMILY_COMMENDATION,
} TdAwardFamily;

typedef enum
{
  TD_RECIPIENT_INDIVIDUAL = 1 << 0,
  TD_RECIPIENT_COLLECTIVE = 1 << 1,
  TD_RECIPIENT_BOTH       = TD_RECIPIENT_INDIVIDUAL | TD_RECIPIENT_COLLECTIVE,
} TdRecipientKind;

typedef struct
{
  gint64    id;
  gint64    parent_id;
  char     *name;
  char     *short_name;
  char     *kind;
  int       sort_order;
  gboolean  archived;
  /* Read-only, filled by lists: depth in the tree (0 = top). */
  int       depth;
} TdUnit;

typedef struct
{
  gint64    id;
  char     *full_name;
  TdGender  gender;
  int       birth_year;   /* 0 = unknown */
  char     *position;
  char     *rank;
  gint64    unit_id;
  char     *note;
  /* Read-only, filled by gets and lists. */
  char     *unit_name;
} TdPerson;

typedef struct
{
  gint64  id;
  char   *title;
  char   *short_title;
  char   *launch_number;
  char   *launch_date;
  char   *issuer;
  char   *start_date;
  char   *end_date;
  char   *description;
} TdCampaign;

typedef struct
{
  gint64  id;
  gint64  campaign_id;
  char   *name;
  char   *measure;
  int     sort_order;
} TdIndicator;

typedef struct
{
  gint64  indicator_id;
  gint64  unit_id;
  int     year;
  double  value;
  char   *note;
} TdIndicatorValue;

typedef struct
{
  gint64           id;
  char            *code;
  char            *name;
  TdAwardFamily    family;
  TdRecipientKind  recipient;
  int              precedence;
  gboolean         archived;
} TdAwardForm;

typedef struct
{
  gint64    form_id;
  char     *effective_from;
  double    coef_individual;   /* < 0: not given to individuals */
  double    coef_collective;   /* < 0: not given to collectives */
} TdAwardRate;

typedef struct
{
  char   *effective_from;
  gint64  amount;
} TdBaseSalary;

typedef struct
{
  gint64  id;
  char   *number;         /* NULL while a draft */
  char   *date;
  char   *issuer;
  char   *org_parent;
  char   *org_name;
  char   *place;
  char   *signer_title;
  char   *signer_name;
  gint64  campaign_id;
  int     year;           /* 0 = none */
  char   *title;
  /* Read-only, filled by lists. */
  int     n_collectives;
  int     n_individuals;
  gint64  total;
} TdDecision;

typedef struct
{
  gint64    id;
  gint64    decision_id;
  gint64    form_id;
  gint64    unit_id;
  gint64    person_id;
  char     *achievement;
  gint64    amount;
  gboolean  amount_overridden;
  int       sort_order;
  char     *recipient_name;
  char     *recipient_detail;
  /* Read-only, filled by gets and lists: the name and «Chức vụ, đơn vị»
   * to show (frozen text if any, else the live records), the form. */
  char     *display_name;
  char     *display_detail;
  char     *form_name;
  int       form_precedence;
} TdAward;

TdUnit           *td_unit_new             (void);
void              td_unit_free            (TdUnit           *unit);
TdPerson         *td_person_new           (void);
void              td_person_free          (TdPerson         *person);
TdCampaign       *td_campaign_new         (void);
void              td_campaign_free        (TdCampaign       *campaign);
TdIndicator      *td_indicator_new        (void);
void              td_indicator_free       (TdIndicator      *indicator);
TdIndicatorValue *td_indicator_value_new  (void);
void              td_indicator_value_free (TdIndicatorValue *value);
TdAwardForm      *td_award_form_new       (void);
void              td_award_form_free      (TdAwardForm      *form);
TdAwardRate      *td_award_rate_new       (void);
void              td_award_rate_free      (TdAwardRate      *rate);
TdBaseSalary     *td_base_salary_new      (void);
void              td_base_salary_free     (TdBaseSalary     *salary);
TdDecision       *td_decision_new         (void);
void              td_decision_free        (TdDecision       *decision);
TdAward          *td_award_new            (void);
void              td_award_free           (TdAward          *award);

const char       *td_gender_to_string     (TdGender          gender);
gboolean          td_gender_from_string   (const char       *text,
                                           TdGender         *gender);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdUnit, td_unit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdPerson, td_person_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdCampaign, td_campaign_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdIndicator, td_indicator_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdIndicatorValue, td_indicator_value_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdAwardForm, td_award_form_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdAwardRate, td_award_rate_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdBaseSalary, td_base_salary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdDecision, td_decision_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdAward, td_award_free)

G_END_DECLS

G_BEGIN_DECLS
/* «Chức vụ, đơn vị» of a person (DOMAIN.md): the rank before the position,
 * «Thiếu tá, Đồn trưởng Đồn Biên phòng Hoành Mô». */
char *td_person_describe (const char *rank,
                          const char *position,
                          const char *unit_name);
G_END_DECLS
