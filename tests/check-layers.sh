#!/bin/sh
# Core, export and import never see GTK; the window never runs SQL.
root="$1"
status=0
if grep -rnE '#include *<(gtk|adwaita|gdk)' "$root/src/core" "$root/src/export" "$root/src/import" "$root/src/cli" 2>/dev/null; then
  echo "GTK included outside src/app" >&2
  status=1
fi
if [ -d "$root/src/app" ] && grep -rnE 'sqlite3[_.]|td-database-private|td_database_(exec|prepare|get_handle)' "$root/src/app" 2>/dev/null; then
  echo "SQL used in src/app: call a store instead" >&2
  status=1
fi
exit $status
