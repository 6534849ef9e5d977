#!/bin/sh
# The Vietnamese translation is complete at every commit:
#  - every file that marks strings for translation is in po/POTFILES.in;
#  - po/vi.po has every message of the sources, none fuzzy or untranslated;
#  - msgfmt --check accepts it.
set -u
root="$1"
po="$root/po"
status=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$root" || exit 1

# Files with marked strings, against POTFILES.in.
{ grep -rlE '(^|[^A-Za-z0-9_])(N?C?_|g_dngettext|ngettext) ?\(' src --include='*.c' 2>/dev/null
  grep -rl 'translatable="yes"' ui data --include='*.ui' --include='*.in' --include='*.xml' 2>/dev/null
} | sort -u > "$tmp/marked"
grep -vE '^\s*(#|$)' "$po/POTFILES.in" | sort -u > "$tmp/listed"
missing=$(comm -23 "$tmp/marked" "$tmp/listed")
if [ -n "$missing" ]; then
  echo "Files with translatable strings missing from po/POTFILES.in:" >&2
  echo "$missing" >&2
  status=1
fi
stale=$(while read -r f; do [ -f "$f" ] || echo "$f"; done < "$tmp/listed")
if [ -n "$stale" ]; then
  echo "po/POTFILES.in lists files that do not exist:" >&2
  echo "$stale" >&2
  status=1
fi

msgfmt --check --statistics -o /dev/null "$po/vi.po" || status=1

xgettext --from-code=UTF-8 --files-from="$po/POTFILES.in" --directory="$root" \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 --add-comments \
  -o "$tmp/thidua.pot" 2>"$tmp/xgettext.log" || { cat "$tmp/xgettext.log" >&2; status=1; }
if [ -f "$tmp/thidua.pot" ]; then
  msgcmp "$po/vi.po" "$tmp/thidua.pot" || { echo "po/vi.po lacks translations of the messages above" >&2; status=1; }
fi

fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$po/vi.po" | grep -c '^msgid ')
untranslated=$(msgattrib --untranslated --no-obsolete "$po/vi.po" | grep -c '^msgid ')
if [ "$fuzzy" -gt 0 ] || [ "$untranslated" -gt 1 ]; then
  echo "po/vi.po has $fuzzy fuzzy and $((untranslated - 1)) untranslated messages" >&2
  status=1
fi
exit $status
