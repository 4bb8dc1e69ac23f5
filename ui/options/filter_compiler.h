#pragma once

#include <QObject>
#include <QString>

namespace pr {

// Compiles filters on its own thread: pcap_compile() resolves host names
// ("host example.org") with a blocking getaddrinfo(), which must not freeze
// the window while the user types. Results carry the request's generation so
// the caller can drop answers for text that has since changed.
class FilterCompiler : public QObject
{
    Q_OBJECT
public slots:
    void compile(quint64 generation, const QString& filter, quint32 linkType);

signals:
    void compiled(quint64 generation, bool valid, const QString& errorMessage);
};

} // namespace pr
