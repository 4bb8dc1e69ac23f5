#pragma once

#include <QByteArray>
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

// The raw bytes of a path as lowercase hex, two digits a byte: what a script
// decodes to find a file whose name jsonText() had to spell with U+FFFD.
// Given beside every path, valid UTF-8 or not, so that a script has one way
// to find its files and the way it is tested with is the way that runs when
// an odd name turns up. Only allocates, like the rest of the summary.
inline QJsonValue jsonHex(const std::string& bytes)
{
    return QString::fromLatin1(
        QByteArray::fromRawData(bytes.data(), qsizetype(bytes.size())).toHex());
}

// A compact document on one line, for stdout.
inline std::string jsonLine(const QJsonDocument& document)
{
    return document.toJson(QJsonDocument::Compact).toStdString() + "\n";
}

} // namespace pr::helper
