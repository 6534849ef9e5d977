#pragma once

#include <adwaita.h>

#include "td-database.h"

G_BEGIN_DECLS

#define TD_TYPE_PREFERENCES_WINDOW (td_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (TdPreferencesWindow, td_preferences_window, TD, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* The preferences of the open database (they belong to the organization's
 * file, not to the desktop user).  Emits "changed" after every change it
 * wrote, so the window can reload what shows amounts. */
TdPreferencesWindow *td_preferences_window_new (GtkWindow  *parent,
                                                TdDatabase *database);

G_END_DECLS
