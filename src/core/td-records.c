#define G_LOG_DOMAIN "td-records"

#include "config.h"

#include <string.h>

#include "td-records.h"

TdUnit *
td_unit_new (void)
{
  return g_new0 (TdUnit, 1);
}

void
td_unit_free (TdUnit *unit)
{
  if (unit == NULL)
    return;
  g_free (unit->name);
  g_free (unit->short_name);
  g_free (unit->kind);
  g_free (unit);
}

TdPerson *
td_person_new (void)
{
  return g_new0 (TdPerson, 1);
}

void
td_person_free (TdPerson *person)
{
  if (person == NULL)
    return;
  g_free (person->full_name);
  g_free (person->position);
  g_free (person->rank);
  g_free (person->note);
  g_free (person->unit_name);
  g_free (person);
}

TdCampaign *
td_campaign_new (void)
{
  return g_new0 (TdCampaign, 1);
}

void
td_campaign_free (TdCampaign *campaign)
{
  if (campaign == NULL)
    return;
  g_free (campaign->title);
  g_free (campaign->short_title);
  g_free (campaign->launch_number);
  g_free (campaign->launch_date);
  g_free (campaign->issuer);
  g_free (campaign->start_date);
  g_free (campaign->end_date);
  g_free (campaign->description);
  g_free (campaign);
}

TdIndicator *
td_indicator_new (void)
{
  return g_new0 (TdIndicator, 1);
}

void
td_indicator_free (TdIndicator *indicator)
{
  if (indicator == NULL)
    return;
  g_free (indicator->name);
  g_free (indicator->measure);
  g_free (indicator);
}

TdIndicatorValue *
td_indicator_value_new (void)
{
  return g_new0 (TdIndicatorValue, 1);
}

void
td_indicator_value_free (TdIndicatorValue *value)
{
  if (value == NULL)
    return;
  g_free (value->note);
  g_free (value);
}

TdAwardForm *
td_award_form_new (void)
{
  TdAwardForm *form = g_new0 (TdAwardForm, 1);

  form->recipient = TD_RECIPIENT_BOTH;
  return form;
}

void
td_award_form_free (TdAwardForm *form)
{
  if (form == NULL)
    return;
  g_free (form->code);
  g_free (form->name);
  g_free (form);
}

TdAwardRate *
td_award_rate_new (void)
{
  TdAwardRate *rate = g_new0 (TdAwardRate, 1);

  rate->coef_individual = -1;
  rate->coef_collective = -1;
  return rate;
}

void
td_award_rate_free (TdAwardRate *rate)
{
  if (rate == NULL)
    return;
  g_free (rate->effective_from);
  g_free (rate);
}

TdBaseSalary *
td_base_salary_new (void)
{
  return g_new0 (TdBaseSalary, 1);
}

void
td_base_salary_free (TdBaseSalary *salary)
{
  if (salary == NULL)
    return;
  g_free (salary->effective_from);
  g_free (salary);
}

TdDecision *
td_decision_new (void)
{
  return g_new0 (TdDecision, 1);
}

void
td_decision_free (TdDecision *decision)
{
  if (decision == NULL)
    return;
  g_free (decision->number);
  g_free (decision->date);
  g_free (decision->issuer);
  g_free (decision->org_parent);
  g_free (decision->org_name);
  g_free (decision->place);
  g_free (decision->signer_title);
  g_free (decision->signer_name);
  g_free (decision->title);
  g_free (decision);
}

TdAward *
td_award_new (void)
{
  return g_new0 (TdAward, 1);
}

void
td_award_free (TdAward *award)
{
  if (award == NULL)
    return;
  g_free (award->achievement);
  g_free (award->recipient_name);
  g_free (award->recipient_detail);
  g_free (award->display_name);
  g_free (award->display_detail);
  g_free (award->form_name);
  g_free (award);
}

const char *
td_gender_to_string (TdGender gender)
{
  switch (gender)
    {
    case TD_GENDER_MALE:
      return "male";
    case TD_GENDER_FEMALE:
      return "female";
    case TD_GENDER_UNKNOWN:
    default:
      return NULL;
    }
}

gboolean
td_gender_from_string (const char *text,
                       TdGender   *gender)
{
  if (text == NULL || *text == '\0')
    *gender = TD_GENDER_UNKNOWN;
  else if (g_str_equal (text, "male"))
    *gender = TD_GENDER_MALE;
  else if (g_str_equal (text, "female"))
    *gender = TD_GENDER_FEMALE;
  else
    return FALSE;
  return TRUE;
}

/* Words naming an administrative level: lower case inside a phrase
 * («Chủ tịch UBND xã Quảng Đức»), as documents write them. */
static const char *const level_words[] = {
  "Xã", "Phường", "Thị trấn", "Huyện", "Quận", "Thị xã", "Thành phố", "Tỉnh", "Thôn", "Bản",
};

static const char *
skip_level_word (const char *position,
                 const char *unit_name,
                 char      **lowered)
{
  g_autofree char *position_fold = g_utf8_casefold (position, -1);

  *lowered = NULL;

  /* «Phó Giám đốc Sở» + «Sở Tư pháp»: a word said twice is said once. */
  {
    const char *space = strchr (unit_name, ' ');
    g_autofree char *first = space ? g_utf8_casefold (unit_name, space - unit_name) : NULL;
    const char *last = strrchr (position_fold, ' ');

    if (first != NULL && g_str_equal (last ? last + 1 : position_fold, first))
      return space + 1;
  }

  for (guint i = 0; i < G_N_ELEMENTS (level_words); i++)
    {
      const char *word = level_words[i];
      gsize len = strlen (word);
      g_autofree char *word_fold = NULL;

      if (!g_str_has_prefix (unit_name, word) || unit_name[len] != ' ')
        continue;
      word_fold = g_utf8_casefold (word, -1);
      /* «Chủ tịch UBND thị xã» + «Thị xã Quảng Yên»: said once. */
      if (g_str_has_suffix (position_fold, word_fold) &&
          (strlen (position_fold) == strlen (word_fold) ||
           position_fold[strlen (position_fold) - strlen (word_fold) - 1] == ' '))
        return unit_name + len + 1;
      *lowered = g_strconcat (word_fold, unit_name + len, NULL);
      return *lowered;
    }
  return unit_name;
}

char *
td_person_describe (const char *rank,
                    const char *position,
                    const char *unit_name)
{
  GString *out = g_string_new (NULL);
  gboolean has_position = position != NULL && *position != '\0';
  gboolean has_unit = unit_name != NULL && *unit_name != '\0';
  g_autofree char *lowered = NULL;

  if (rank != NULL && *rank != '\0')
    g_string_append (out, rank);
  if (has_position || has_unit)
    {
      if (out->len > 0)
        g_string_append (out, ", ");
      if (has_position)
        g_string_append (out, position);
      if (has_position && has_unit)
        {
          g_string_append_c (out, ' ');
          unit_name = skip_level_word (position, unit_name, &lowered);
        }
      if (has_unit)
        g_string_append (out, unit_name);
    }
  return g_string_free (out, FALSE);
}
