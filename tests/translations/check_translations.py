#!/usr/bin/env python3
"""Fails when a source string has no finished translation in a catalogue.

Runs lupdate over the same sources the update_translations target scans (read
from the lupdate project file qt_add_translations writes into the build tree)
into a temporary copy of each catalogue, never into translations/ itself, and
then reads the copies: every message of zh_CN and de must be translated and
finished (a string new in the sources comes out of lupdate unfinished), with
every plural form filled in; the English catalogue must carry the forms of
each plural message ("%n packet" / "%n packets"), since its source text
"%n packet(s)" is not meant to be shown.

usage: check_translations.py LUPDATE PROJECT_FILE CATALOGUE...
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET


def cmake_list(project_text, name):
    match = re.search(r'set\(%s "([^"]*)"\)' % re.escape(name), project_text)
    return [item for item in match.group(1).split(";") if item] if match else []


def problems_in(path, english):
    problems = []
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        context_name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            numerus = message.get("numerus") == "yes"
            where = "%s: %s \"%s\"" % (os.path.basename(path), context_name, source[:80])
            if english and not numerus:
                continue  # English shows the source text itself
            kind = translation.get("type") if translation is not None else "missing"
            if kind in ("unfinished", "vanished", "obsolete", "missing"):
                problems.append("%s: %s" % (where, kind))
                continue
            if numerus:
                forms = [form.text or "" for form in translation.iter("numerusform")]
                if not forms or any(not form.strip() for form in forms):
                    problems.append("%s: a plural form is empty" % where)
            elif not (translation.text or "").strip():
                problems.append("%s: empty translation" % where)
    return problems


def main():
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    lupdate, project_file, catalogues = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(project_file, encoding="utf-8") as handle:
        project = handle.read()
    sources = cmake_list(project, "lupdate_sources")
    includes = cmake_list(project, "lupdate_include_paths")
    if not sources:
        print("no sources in %s" % project_file, file=sys.stderr)
        return 2
    problems = []
    with tempfile.TemporaryDirectory() as temporary:
        list_file = os.path.join(temporary, "sources.lst")
        with open(list_file, "w", encoding="utf-8") as handle:
            handle.write("\n".join(sources) + "\n")
        for catalogue in catalogues:
            copy = os.path.join(temporary, os.path.basename(catalogue))
            shutil.copyfile(catalogue, copy)
            command = [lupdate, "-silent", "-no-obsolete", "-locations", "none"]
            command += ["-I" + path for path in dict.fromkeys(includes)]
            command += ["@" + list_file, "-ts", copy]
            result = subprocess.run(command, capture_output=True, text=True)
            if result.returncode != 0:
                print(result.stdout + result.stderr, file=sys.stderr)
                return 1
            english = os.path.basename(catalogue).endswith("_en.ts")
            problems += problems_in(copy, english)
    for problem in problems:
        print(problem)
    print("%d message(s) without a finished translation" % len(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
