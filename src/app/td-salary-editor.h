#pragma once

#include <adwaita.h>

#include "td-database.h"

G_BEGIN_DECLS

#define TD_TYPE_SALARY_EDITOR (td_salary_editor_get_type ())

G_DECLARE_FINAL_TYPE (TdSalaryEditor, td_salary_editor, TD, SALARY_EDITOR, AdwPreferencesPage)

/* The «Bonus» page of the preferences: the base salaries, by the date
 * each applies from, and the rounding of the bonuses computed from them.
 * Emits "changed" (deleted, warning) after every change it wrote:
 * @deleted is the message of a deletion that Undo can bring back, or
 * NULL; @warning says why some drafts could not follow, or is NULL. */
void td_salary_editor_set_database (TdSalaryEditor *self,
                                    TdDatabase     *database);
void td_salary_editor_reload       (TdSalaryEditor *self);

G_END_DECLS
