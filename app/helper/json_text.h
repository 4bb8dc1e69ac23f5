#pragma once

#include <QJsonDocument>
#include <QJsonValue>
#include <QString>

#include <string>

namespace pr::helper {

// Paths and interface names are bytes from the kernel, not necessarily UTF-8.
// Decoded as Qt decodes file names on Linux (UTF-8), an invalid sequence
// becomes U+FFFD, so the document QJsonDocument writes is always valid JSON
// (quotes, backslashes and control characters are escaped by the encoder).
inline QJsonValue jsonText(const std::string& text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// A compact document on one line, for stdout.
inline std::string jsonLine(const QJsonDocument& document)
{
    return document.toJson(QJsonDocument::Compact).toStdString() + "\n";
}

} // namespace pr::helper
