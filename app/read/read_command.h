#pragma once

namespace pr::read {

// True when the command line asks for the reader (`--read FILE...`), which
// then runs instead of the GUI: before any QGuiApplication, so it needs no
// display.
bool wantsRead(int argc, char** argv);

// packet-recorder --read FILE [FILE...] [--json]: per-protocol packet and
// byte totals of capture files, as `tshark -q -z io,phs` counts them. One
// file of a set (PREFIX_NNNNN_YYYYmmddHHMMSS.EXT) stands for the whole set.
// Drops every capability first: it reads files the user names and needs no
// privilege. Creates its own QCoreApplication; returns the exit status.
int runRead(int argc, char** argv);

} // namespace pr::read
