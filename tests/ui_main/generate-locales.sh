#!/bin/sh
# Generates the de_DE.UTF-8 and zh_CN.UTF-8 locales the localized window test
# runs under, where they are missing. Qt formats numbers from its own CLDR
# data and only reads LANG, so the test passes without them; the C library
# (strerror() text in a helper error, the file dialog's sorting) needs them.
set -eu
for locale in de_DE zh_CN; do
    if locale -a 2>/dev/null | grep -qix "$locale.utf-\?8"; then
        continue
    fi
    if [ "$(id -u)" -ne 0 ] || ! command -v localedef >/dev/null; then
        echo "$locale.UTF-8 missing and cannot be generated here (needs root and the locales package)"
        continue
    fi
    localedef -i "$locale" -f UTF-8 "$locale.UTF-8"
    echo "generated $locale.UTF-8"
done
