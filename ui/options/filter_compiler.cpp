#include "ui/options/filter_compiler.h"

#include "ui/options/filter_line_edit.h"

namespace pr {

void FilterCompiler::compile(quint64 generation, const QString& filter, quint32 linkType)
{
    const FilterCheck check = checkCaptureFilter(filter, linkType);
    emit compiled(generation, check.valid, check.errorMessage);
}

} // namespace pr
