// What this toolchain can put into an executable, built with every hardening
// flag forced on whatever the project's own settings: check_elf.sh only
// demands from the helper what this probe shows is possible. It calls the
// printf family like the helper does, which glibc fortifies for some
// compilers and not others (clang in C++ before glibc 2.40).
#include <cstdio>

int main(int argc, char** argv)
{
    char line[32];
    const int length = std::snprintf(line, sizeof line, "%s: %d", argv[0], argc);
    std::fprintf(stdout, "%s\n", line);
    return length < 0;
}
