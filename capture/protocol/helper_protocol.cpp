#include "capture/protocol/helper_protocol.h"

#include "capture/engine/capture_options.h"
#include "capture/engine/interface_info.h"
#include "capture/options/capture_option_table.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborStreamReader>
#include <QCborStreamWriter>
#include <QCborValue>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <iterator>
#include <limits>

namespace pr::proto {

namespace {

// Keys, shared by the encoders and the decoder (documented in the header).
namespace key {
constexpr QLatin1StringView kind("kind");
constexpr QLatin1StringView version("version");
constexpr QLatin1StringView helperVersion("helperVersion");
constexpr QLatin1StringView interface("interface");
constexpr QLatin1StringView filter("filter");
constexpr QLatin1StringView snaplen("snaplen");
constexpr QLatin1StringView promiscuous("promiscuous");
constexpr QLatin1StringView ringBytes("ringBytes");
constexpr QLatin1StringView format("format");
constexpr QLatin1StringView outputPath("outputPath");
constexpr QLatin1StringView overwrite("overwrite");
constexpr QLatin1StringView stopSeconds("stopSeconds");
constexpr QLatin1StringView stopPackets("stopPackets");
constexpr QLatin1StringView stopBytes("stopBytes");
constexpr QLatin1StringView linkType("linkType");
constexpr QLatin1StringView linkTypeName("linkTypeName");
constexpr QLatin1StringView interfaces("interfaces");
constexpr QLatin1StringView totals("totals");
constexpr QLatin1StringView records("records");
constexpr QLatin1StringView message("message");
constexpr QLatin1StringView code("code");
// Start, optional (a set of files; absent means 0, off).
constexpr QLatin1StringView splitBytes("splitBytes");
constexpr QLatin1StringView splitSeconds("splitSeconds");
constexpr QLatin1StringView keepFiles("keepFiles");
// Start, optional: several interfaces into one pcapng file.
constexpr QLatin1StringView interfaceNames("interfaceNames");
// FileStarted (with outputPath).
constexpr QLatin1StringView fileNumber("fileNumber");
constexpr QLatin1StringView filesKept("filesKept");
// In the totals map, optional (added after version 1): absent means 0.
constexpr QLatin1StringView diskFullDrops("diskFullDrops");
// Start, optional (version 3): attribution.
constexpr QLatin1StringView attribution("attribution");
constexpr QLatin1StringView programComments("programComments");
// Programs.
constexpr QLatin1StringView programs("programs");
} // namespace key

// Totals fields in wire order: key plus member pointer, so encoding, decoding
// and validation cannot drift apart.
struct CounterField
{
    QLatin1StringView name;
    std::uint64_t TotalsInfo::*member;
};
struct DirectionField
{
    QLatin1StringView packets;
    QLatin1StringView bytes;
    DirectionCounts TotalsInfo::*member;
};
struct RateField
{
    QLatin1StringView name;
    double TotalsInfo::*member;
};

constexpr CounterField kCounterFields[] = {
    {QLatin1StringView("packets"), &TotalsInfo::packets},
    {QLatin1StringView("wireBytes"), &TotalsInfo::wireBytes},
    {QLatin1StringView("capturedBytes"), &TotalsInfo::capturedBytes},
    {QLatin1StringView("kernelDrops"), &TotalsInfo::kernelDrops},
    {QLatin1StringView("tcpPayloadBytes"), &TotalsInfo::tcpPayloadBytes},
    {QLatin1StringView("udpPayloadBytes"), &TotalsInfo::udpPayloadBytes},
    {QLatin1StringView("fileBytes"), &TotalsInfo::fileBytes},
    {QLatin1StringView("notShown"), &TotalsInfo::notShown},
};
constexpr DirectionField kDirectionFields[] = {
    {QLatin1StringView("inPackets"), QLatin1StringView("inBytes"), &TotalsInfo::incoming},
    {QLatin1StringView("outPackets"), QLatin1StringView("outBytes"), &TotalsInfo::outgoing},
    {QLatin1StringView("otherPackets"), QLatin1StringView("otherBytes"), &TotalsInfo::other},
};
constexpr RateField kRateFields[] = {
    {QLatin1StringView("elapsed"), &TotalsInfo::elapsedSeconds},
    {QLatin1StringView("pps"), &TotalsInfo::packetsPerSecond},
    {QLatin1StringView("bps"), &TotalsInfo::bitsPerSecond},
    {QLatin1StringView("inBps"), &TotalsInfo::incomingBitsPerSecond},
    {QLatin1StringView("outBps"), &TotalsInfo::outgoingBitsPerSecond},
    {QLatin1StringView("inPps"), &TotalsInfo::incomingPacketsPerSecond},
    {QLatin1StringView("outPps"), &TotalsInfo::outgoingPacketsPerSecond},
};

constexpr int kRecordFieldCount = 9;
// With the program ids of a recording with attribution.
constexpr int kAttributedRecordFieldCount = 11;
constexpr int kProgramFieldCount = 12;
constexpr int kInterfaceFieldCount = 3;
// Counters are stored as CBOR integers; QCborValue holds them as qint64.
constexpr std::uint64_t kMaxCounter = std::numeric_limits<std::int64_t>::max();

// ---- encoding ------------------------------------------------------------

// Builds the CBOR payload, then prefixes its length. (QCborStreamWriter on a
// QByteArray writes from offset 0, so the header cannot be reserved up front.)
class FrameBuilder
{
public:
    FrameBuilder() : m_writer(&m_payload) { m_writer.startMap(); }
    QCborStreamWriter& writer() { return m_writer; }

    void kind(MessageKind kind)
    {
        m_writer.append(key::kind);
        m_writer.append(quint64(kind));
    }
    void text(QLatin1StringView name, const QString& value)
    {
        m_writer.append(name);
        m_writer.append(value);
    }
    void uint(QLatin1StringView name, std::uint64_t value)
    {
        m_writer.append(name);
        m_writer.append(quint64(std::min(value, kMaxCounter)));
    }
    void number(QLatin1StringView name, double value)
    {
        m_writer.append(name);
        m_writer.append(value);
    }

    QByteArray finish()
    {
        m_writer.endMap();
        const auto length = std::uint32_t(m_payload.size());
        QByteArray frame;
        frame.reserve(kMessageHeaderBytes + m_payload.size());
        frame.append(char(length >> 24));
        frame.append(char(length >> 16));
        frame.append(char(length >> 8));
        frame.append(char(length));
        frame.append(m_payload);
        return frame;
    }

private:
    QByteArray m_payload;
    QCborStreamWriter m_writer;
};

void writeTotalsMap(QCborStreamWriter& writer, const TotalsInfo& totals)
{
    writer.startMap();
    for (const auto& field : kCounterFields) {
        writer.append(field.name);
        writer.append(quint64(std::min(totals.*field.member, kMaxCounter)));
    }
    for (const auto& field : kDirectionFields) {
        writer.append(field.packets);
        writer.append(quint64(std::min((totals.*field.member).packets, kMaxCounter)));
        writer.append(field.bytes);
        writer.append(quint64(std::min((totals.*field.member).bytes, kMaxCounter)));
    }
    for (const auto& field : kRateFields) {
        writer.append(field.name);
        writer.append(totals.*field.member);
    }
    // Only when there is something to say: a Totals frame keeps its size.
    if (totals.diskFullDrops != 0) {
        writer.append(key::diskFullDrops);
        writer.append(quint64(std::min(totals.diskFullDrops, kMaxCounter)));
    }
    writer.endMap();
}

// Cuts text to maxUnits UTF-16 units and to maxBytes of UTF-8, never inside a
// character, and replaces NUL (which the decoder refuses).
QString boundedText(const QString& text, qsizetype maxUnits, qsizetype maxBytes)
{
    QString out = text.left(maxUnits);
    if (out.size() > 0 && out.back().isHighSurrogate())
        out.chop(1);
    out.replace(QChar(0), QLatin1Char(' '));
    if (maxBytes < 3 * out.size()) {
        qsizetype bytes = 0;
        qsizetype keep = 0;
        for (qsizetype i = 0; i < out.size(); ++i) {
            const char16_t c = out.at(i).unicode();
            const bool pair =
                QChar::isHighSurrogate(c) && i + 1 < out.size() && out.at(i + 1).isLowSurrogate();
            const qsizetype n = pair ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            if (bytes + n > maxBytes)
                break;
            bytes += n;
            i += pair ? 1 : 0;
            keep = i + 1;
        }
        out.truncate(keep);
    }
    return out;
}

QByteArray encodeTotalsKind(MessageKind kind, const TotalsInfo& totals)
{
    FrameBuilder frame;
    frame.kind(kind);
    frame.writer().append(key::totals);
    writeTotalsMap(frame.writer(), totals);
    return frame.finish();
}

// ---- decoding ------------------------------------------------------------

// Collects the first validation failure with the field it concerns.
class Checker
{
public:
    explicit Checker(ErrorInfo* error) : m_error(error) {}
    bool ok() const { return m_ok; }

    bool fail(ErrorCode code, const QString& message)
    {
        if (m_ok && m_error) {
            m_error->code = code;
            // Messages quote keys as sent; a NUL in one would make the Error
            // that carries the message undecodable (text fields refuse NUL).
            m_error->message = QString(message).replace(QChar(0), QChar::ReplacementCharacter);
        }
        m_ok = false;
        return false;
    }
    bool fail(const QString& message) { return fail(ErrorCode::ProtocolError, message); }

    bool uint(const QCborValue& value, QLatin1StringView name, std::uint64_t max,
              std::uint64_t* out)
    {
        if (!value.isInteger() || value.toInteger() < 0)
            return fail(QStringLiteral("Field %1 must be a non-negative integer.").arg(name));
        const auto v = std::uint64_t(value.toInteger());
        if (v > max)
            return fail(
                ErrorCode::OutOfRange,
                QStringLiteral("Field %1 is %2, above the maximum %3.").arg(name).arg(v).arg(max));
        *out = v;
        return true;
    }
    bool uint32(const QCborValue& value, QLatin1StringView name, std::uint32_t* out)
    {
        std::uint64_t v = 0;
        if (!uint(value, name, std::numeric_limits<std::uint32_t>::max(), &v))
            return false;
        *out = std::uint32_t(v);
        return true;
    }
    bool int32(const QCborValue& value, QLatin1StringView name, std::int32_t* out)
    {
        if (!value.isInteger() || value.toInteger() < std::numeric_limits<std::int32_t>::min() ||
            value.toInteger() > std::numeric_limits<std::int32_t>::max())
            return fail(QStringLiteral("Field %1 must be a 32-bit integer.").arg(name));
        *out = std::int32_t(value.toInteger());
        return true;
    }
    bool number(const QCborValue& value, QLatin1StringView name, double* out)
    {
        double v = 0;
        if (value.isInteger())
            v = double(value.toInteger());
        else if (value.isDouble())
            v = value.toDouble();
        else
            return fail(QStringLiteral("Field %1 must be a number.").arg(name));
        if (!std::isfinite(v) || v < 0)
            return fail(ErrorCode::OutOfRange,
                        QStringLiteral("Field %1 must be a finite number >= 0.").arg(name));
        *out = v;
        return true;
    }
    bool boolean(const QCborValue& value, QLatin1StringView name, bool* out)
    {
        if (!value.isBool())
            return fail(QStringLiteral("Field %1 must be a boolean.").arg(name));
        *out = value.toBool();
        return true;
    }
    // maxBytes counts UTF-8 bytes, the unit every limit is stated in.
    bool text(const QCborValue& value, QLatin1StringView name, qsizetype maxBytes, QString* out)
    {
        if (!value.isString())
            return fail(QStringLiteral("Field %1 must be a text string.").arg(name));
        QString s = value.toString();
        const qsizetype bytes = s.toUtf8().size();
        if (bytes > maxBytes)
            return fail(ErrorCode::OutOfRange,
                        QStringLiteral("Field %1 is %2 bytes long, above the maximum %3.")
                            .arg(name)
                            .arg(bytes)
                            .arg(maxBytes));
        if (s.contains(QChar(0)))
            return fail(QStringLiteral("Field %1 contains a NUL character.").arg(name));
        *out = std::move(s);
        return true;
    }
    bool interfaceName(const QCborValue& value, QLatin1StringView name, bool allowAny, QString* out)
    {
        QString s;
        if (!text(value, name, 15, &s))
            return false;
        if (allowAny && s == QLatin1StringView("any")) {
            *out = s;
            return true;
        }
        if (!isValidInterfaceName(s.toStdString()))
            return fail(ErrorCode::UnknownInterface,
                        QStringLiteral("\"%1\" is not a valid interface name.").arg(s));
        *out = s;
        return true;
    }

private:
    ErrorInfo* m_error;
    bool m_ok = true;
};

// ---- shape check -----------------------------------------------------------

// The keys whose values are containers, with the counts they may hold. Every
// other value is a scalar.
struct ContainerKey
{
    QLatin1StringView name;
    bool isMap;     // totals: a map of scalars
    int maxItems;   // entries of the list or map
    int entryItems; // scalars per list entry (lists only); 0: the entries are scalars
};
constexpr ContainerKey kContainerKeys[] = {
    {key::records, false, kMaxPacketsPerMessage, kAttributedRecordFieldCount},
    {key::programs, false, kMaxProgramsPerMessage, kProgramFieldCount},
    {key::interfaces, false, kMaxInterfacesPerMessage, kInterfaceFieldCount},
    {key::interfaceNames, false, int(limits::kMaxInterfaces), 0},
    {key::totals, true, kMaxMapEntries, 0},
};

constexpr QLatin1StringView kKnownKeys[] = {
    key::kind,
    key::version,
    key::helperVersion,
    key::interface,
    key::filter,
    key::snaplen,
    key::promiscuous,
    key::ringBytes,
    key::format,
    key::outputPath,
    key::stopSeconds,
    key::stopPackets,
    key::stopBytes,
    key::linkType,
    key::linkTypeName,
    key::interfaces,
    key::totals,
    key::records,
    key::message,
    key::code,
    key::overwrite,
    key::splitBytes,
    key::splitSeconds,
    key::keepFiles,
    key::fileNumber,
    key::filesKept,
    key::interfaceNames,
    key::attribution,
    key::programComments,
    key::programs,
};
constexpr int kKnownKeyCount = int(std::size(kKnownKeys));

// Start's option keys come from the option table; those not listed above
// count as known too (after them), so an option added to the table is
// checked for duplicates like the others.
constexpr int kMaxTableKeys = 64;
constexpr int kKnownKeySlots = kKnownKeyCount + kMaxTableKeys;

int knownKeyIndex(const QString& name)
{
    for (int i = 0; i < kKnownKeyCount; ++i)
        if (name == kKnownKeys[i])
            return i;
    const auto table = options::captureOptions();
    for (int i = 0; i < int(table.size()) && i < kMaxTableKeys; ++i)
        if (table[i].protocolKey && name == QLatin1StringView(table[i].protocolKey))
            return kKnownKeyCount + i;
    return -1;
}

// A streaming walk over the payload that builds nothing: it enforces the
// Shape rules of helper_protocol.h, so QCborValue is built afterwards only
// from bounded, known values. Depth is bounded by construction (the walk
// descends only into the three container keys, two levels at most).
class ShapeCheck
{
public:
    ShapeCheck(QCborStreamReader& reader, Checker& check) : m_r(reader), m_check(check) {}

    bool root(qsizetype payloadSize)
    {
        if (!m_r.isMap())
            return streamOk() && m_check.fail(QStringLiteral("The message is not a CBOR map."));
        if (!enter(kMaxMapEntries))
            return false;
        bool seen[kKnownKeySlots] = {};
        for (int entries = 0; m_r.hasNext(); ++entries) {
            QString name;
            if (entries >= kMaxMapEntries)
                return m_check.fail(
                    QStringLiteral("The message has more than %1 keys.").arg(kMaxMapEntries));
            if (!readKey(&name))
                return false;
            const int known = knownKeyIndex(name);
            if (known >= 0) {
                if (seen[known])
                    return m_check.fail(QStringLiteral("Field %1 appears twice.").arg(name));
                seen[known] = true;
            }
            if (!value(name, known >= 0))
                return false;
        }
        if (!leave())
            return false;
        if (m_r.currentOffset() != payloadSize)
            return m_check.fail(
                QStringLiteral("The message has trailing bytes after its CBOR item."));
        return true;
    }

private:
    bool streamOk() { return m_r.lastError() == QCborError::NoError || streamFailed(); }
    // Some reader calls return false without setting lastError (a string cut
    // short, for one): every refusal still says why.
    bool streamFailed()
    {
        return m_check.fail(QStringLiteral("The message is not valid CBOR (%1).")
                                .arg(m_r.lastError() == QCborError::NoError
                                         ? QStringLiteral("it ends inside an item")
                                         : m_r.lastError().toString()));
    }
    bool enter(int maxItems)
    {
        if (m_r.isLengthKnown() && m_r.length() > quint64(maxItems))
            return m_check.fail(QStringLiteral("A CBOR container holds %1 items, more than %2.")
                                    .arg(m_r.length())
                                    .arg(maxItems));
        return m_r.enterContainer() ? streamOk() : streamFailed();
    }
    bool leave() { return streamOk() && (m_r.leaveContainer() ? streamOk() : streamFailed()); }

    bool readKey(QString* name)
    {
        if (!streamOk())
            return false;
        if (!m_r.isString())
            return m_check.fail(QStringLiteral("A message key is not a text string."));
        if (m_r.isLengthKnown() && m_r.length() > quint64(kMaxKeyBytes))
            return m_check.fail(
                QStringLiteral("A message key is longer than %1 bytes.").arg(kMaxKeyBytes));
        auto chunk = m_r.readString();
        while (chunk.status == QCborStreamReader::Ok) {
            *name += chunk.data;
            if (name->size() > kMaxKeyBytes)
                return m_check.fail(
                    QStringLiteral("A message key is longer than %1 bytes.").arg(kMaxKeyBytes));
            chunk = m_r.readString();
        }
        return chunk.status == QCborStreamReader::EndOfString ? streamOk() : streamFailed();
    }

    // Skips one scalar; containers and tags are refused.
    bool scalar(QStringView name)
    {
        if (!streamOk())
            return false;
        if (m_r.isArray() || m_r.isMap())
            return m_check.fail(
                QStringLiteral("Field %1 holds an array or map where a scalar belongs.").arg(name));
        if (m_r.isTag())
            return m_check.fail(QStringLiteral("Field %1 carries a CBOR tag.").arg(name));
        if (m_r.isInvalid())
            return m_check.fail(QStringLiteral("The message ends inside field %1.").arg(name));
        return m_r.next() ? streamOk() : streamFailed();
    }

    bool value(const QString& name, bool known)
    {
        const ContainerKey* container = nullptr;
        if (known)
            for (const auto& c : kContainerKeys)
                if (name == c.name)
                    container = &c;
        // A scalar where a container belongs is left to the field decoders,
        // which name the field and what it must be.
        if (!container || !(m_r.isArray() || m_r.isMap()))
            return scalar(name);
        if (m_r.isMap() != container->isMap)
            return m_check.fail(QStringLiteral("Field %1 must be %2.")
                                    .arg(name, container->isMap ? QStringLiteral("a map")
                                                                : QStringLiteral("an array")));
        if (!enter(container->maxItems))
            return false;
        for (int items = 0; m_r.hasNext(); ++items) {
            if (items >= container->maxItems)
                return m_check.fail(QStringLiteral("Field %1 holds more than %2 items.")
                                        .arg(name)
                                        .arg(container->maxItems));
            if (container->isMap) {
                QString entry;
                if (!readKey(&entry) || !scalar(entry))
                    return false;
            } else if (!listEntry(name, container->entryItems)) {
                return false;
            }
        }
        return leave();
    }

    bool listEntry(const QString& name, int entryItems)
    {
        if (entryItems == 0 || !m_r.isArray())
            return scalar(name); // refused later: "must be an array of N"
        if (!enter(entryItems))
            return false;
        for (int items = 0; m_r.hasNext(); ++items) {
            if (items >= entryItems)
                return m_check.fail(QStringLiteral("An entry of %1 holds more than %2 items.")
                                        .arg(name)
                                        .arg(entryItems));
            if (!scalar(name))
                return false;
        }
        return leave();
    }

    QCborStreamReader& m_r;
    Checker& m_check;
};

// Looks up required keys and reports the missing one.
class Fields
{
public:
    Fields(const QCborMap& map, Checker& check) : m_map(map), m_check(check) {}
    QCborValue operator[](QLatin1StringView name)
    {
        const QCborValue value = m_map.value(name);
        if (value.isUndefined() && m_check.ok())
            m_check.fail(QStringLiteral("Field %1 is missing.").arg(name));
        return value;
    }
    // A key that may be missing (fields added after version 1).
    QCborValue optional(QLatin1StringView name) const { return m_map.value(name); }

private:
    const QCborMap& m_map;
    Checker& m_check;
};

bool decodeTotals(const QCborValue& value, Checker& check, TotalsInfo* totals)
{
    if (!value.isMap())
        return check.fail(QStringLiteral("Field totals must be a map."));
    const QCborMap map = value.toMap();
    Fields f(map, check);
    for (const auto& field : kCounterFields)
        check.uint(f[field.name], field.name, kMaxCounter, &(totals->*field.member));
    for (const auto& field : kDirectionFields) {
        check.uint(f[field.packets], field.packets, kMaxCounter, &(totals->*field.member).packets);
        check.uint(f[field.bytes], field.bytes, kMaxCounter, &(totals->*field.member).bytes);
    }
    for (const auto& field : kRateFields)
        check.number(f[field.name], field.name, &(totals->*field.member));
    if (const QCborValue drops = f.optional(key::diskFullDrops); !drops.isUndefined())
        check.uint(drops, key::diskFullDrops, kMaxCounter, &totals->diskFullDrops);
    return check.ok();
}

bool decodeFileStarted(Fields& f, Checker& check, FileStartedInfo* info)
{
    if (check.uint32(f[key::fileNumber], key::fileNumber, &info->number) && info->number == 0)
        check.fail(QStringLiteral("Field fileNumber must be at least 1."));
    if (check.text(f[key::outputPath], key::outputPath, qsizetype(limits::kMaxPathLength),
                   &info->path) &&
        !info->path.startsWith(QLatin1Char('/')))
        check.fail(QStringLiteral("Field outputPath must be an absolute path."));
    if (check.uint32(f[key::filesKept], key::filesKept, &info->filesKept) &&
        (info->filesKept == 0 || info->filesKept > info->number))
        check.fail(QStringLiteral("Field filesKept is %1; expected 1 to fileNumber (%2).")
                       .arg(info->filesKept)
                       .arg(info->number));
    return check.ok();
}

// Several interfaces (optional): 1 to kMaxInterfaces valid names, none
// twice, "any" only alone, the first one also sent as "interface".
bool decodeInterfaceNames(Fields& f, Checker& check, StartRequest* start)
{
    const QCborValue value = f.optional(key::interfaceNames);
    if (value.isUndefined() || !check.ok())
        return check.ok();
    if (!value.isArray())
        return check.fail(QStringLiteral("Field interfaceNames must be an array."));
    const QCborArray array = value.toArray();
    if (array.isEmpty() || array.size() > qsizetype(limits::kMaxInterfaces))
        return check.fail(ErrorCode::OutOfRange,
                          QStringLiteral("Field interfaceNames holds %1 names; expected 1 to %2.")
                              .arg(array.size())
                              .arg(limits::kMaxInterfaces));
    QList<QString> names;
    for (const QCborValue& item : array) {
        QString name;
        if (!check.interfaceName(item, key::interfaceNames, /*allowAny=*/true, &name))
            return false;
        if (names.contains(name))
            return check.fail(QStringLiteral("Field interfaceNames names \"%1\" twice.").arg(name));
        names.append(name);
    }
    if (names.size() > 1 && names.contains(QLatin1StringView("any")))
        return check.fail(QStringLiteral("Field interfaceNames combines \"any\" with other "
                                         "interfaces; \"any\" already captures them all."));
    if (names.front() != start->interfaceName)
        return check.fail(QStringLiteral("Field interface must be the first of interfaceNames."));
    start->interfaceNames = std::move(names);
    return true;
}

// One option of the table (capture/options) from its Start key: its type,
// bounds and whether it may be absent all come from the table.
void decodeStartOption(const options::CaptureOption& option, Fields& f, Checker& check,
                       CaptureOptions* options)
{
    using options::OptionKind;
    const QLatin1StringView name(option.protocolKey);
    const QCborValue value =
        option.wire == options::WireRule::Required ? f[name] : f.optional(name);
    if (value.isUndefined() || !check.ok())
        return;
    switch (option.kind) {
    case OptionKind::Flag: {
        bool flag = false;
        if (check.boolean(value, name, &flag))
            option.set(*options, flag);
        return;
    }
    case OptionKind::Count: {
        std::uint64_t number = 0;
        if (!check.uint(value, name, std::min<std::uint64_t>(option.max, kMaxCounter), &number))
            return;
        if (number < option.min && !(option.zeroIsOff && number == 0))
            check.fail(ErrorCode::OutOfRange,
                       QStringLiteral("Field %1 is %2, below the minimum %3%4")
                           .arg(name)
                           .arg(number)
                           .arg(option.min)
                           .arg(option.zeroIsOff ? QStringLiteral(" (0 turns it off).")
                                                 : QStringLiteral(".")));
        option.set(*options, number);
        return;
    }
    case OptionKind::Seconds: {
        double number = 0;
        if (check.number(value, name, &number))
            option.set(*options, number);
        return;
    }
    case OptionKind::Text:
    case OptionKind::Choice: {
        QString text;
        if (!check.text(value, name, qsizetype(option.max), &text))
            return;
        if (option.absolutePath && !text.startsWith(QLatin1Char('/')))
            check.fail(QStringLiteral("Field %1 must be an absolute path.").arg(name));
        if (option.kind == OptionKind::Choice &&
            std::find(option.choices.begin(), option.choices.end(), text.toStdString()) ==
                option.choices.end()) {
            QString list;
            for (std::size_t i = 0; i < option.choices.size(); ++i)
                list += (i == 0                           ? QString()
                         : i + 1 == option.choices.size() ? QStringLiteral(" or ")
                                                          : QStringLiteral(", ")) +
                        QLatin1StringView(option.choices[i]);
            check.fail(QStringLiteral("Field %1 is \"%2\"; expected %3.").arg(name, text, list));
        }
        option.set(*options, text.toStdString());
        return;
    }
    }
}

bool decodeStart(Fields& f, Checker& check, StartRequest* start)
{
    check.interfaceName(f[key::interface], key::interface, /*allowAny=*/true,
                        &start->interfaceName);
    decodeInterfaceNames(f, check, start);
    CaptureOptions options = startOptions(*start);
    for (const options::CaptureOption& option : options::captureOptions())
        if (option.wire != options::WireRule::None)
            decodeStartOption(option, f, check, &options);
    if (!check.ok())
        return false;
    if (options.fileSet.keepFiles != 0 && !options.fileSet.splits())
        return check.fail(
            ErrorCode::OutOfRange,
            QStringLiteral("Field keepFiles needs splitBytes, splitSeconds or splitPackets: "
                           "without a split there is one file."));
    if (options.stop.fileCount != 0 && !options.fileSet.splits())
        return check.fail(
            ErrorCode::OutOfRange,
            QStringLiteral("Field stopFiles needs splitBytes, splitSeconds or splitPackets: "
                           "without a split there is one file."));
    setStartOptions(options, start);
    return true;
}

bool decodeStarted(Fields& f, Checker& check, StartedInfo* info)
{
    check.uint32(f[key::linkType], key::linkType, &info->linkType);
    check.text(f[key::linkTypeName], key::linkTypeName, kMaxTextBytes, &info->linkTypeName);
    check.text(f[key::outputPath], key::outputPath, qsizetype(limits::kMaxPathLength),
               &info->outputPath);
    const QCborValue list = f[key::interfaces];
    if (!check.ok())
        return false;
    if (!list.isArray())
        return check.fail(QStringLiteral("Field interfaces must be an array."));
    const QCborArray array = list.toArray();
    if (array.size() > kMaxInterfacesPerMessage)
        return check.fail(QStringLiteral("Too many interfaces (%1).").arg(array.size()));
    for (const QCborValue& item : array) {
        if (!item.isArray() || item.toArray().size() != kInterfaceFieldCount)
            return check.fail(QStringLiteral("An interface entry must be an array of %1.")
                                  .arg(kInterfaceFieldCount));
        const QCborArray entry = item.toArray();
        InterfaceEntry out;
        check.int32(entry.at(0), QLatin1StringView("ifindex"), &out.ifindex);
        // Names as the kernel reports them: only bounded, since the helper
        // lists them rather than the user choosing them.
        check.text(entry.at(1), QLatin1StringView("name"), 15, &out.name);
        check.uint32(entry.at(2), key::linkType, &out.linkType);
        if (!check.ok())
            return false;
        info->interfaces.append(out);
    }
    return true;
}

bool decodeRecord(const QCborValue& item, Checker& check, PacketRecord* record)
{
    if (!item.isArray() || (item.toArray().size() != kRecordFieldCount &&
                            item.toArray().size() != kAttributedRecordFieldCount))
        return check.fail(QStringLiteral("A packet record must be an array of %1 or %2.")
                              .arg(kRecordFieldCount)
                              .arg(kAttributedRecordFieldCount));
    const QCborArray r = item.toArray();
    if (r.size() == kAttributedRecordFieldCount) {
        check.uint32(r.at(9), QLatin1StringView("sourceProgram"), &record->sourceProgram);
        check.uint32(r.at(10), QLatin1StringView("destinationProgram"),
                     &record->destinationProgram);
    }
    if (!r.at(0).isInteger())
        return check.fail(QStringLiteral("Field timestampNs must be an integer."));
    record->timestampNs = r.at(0).toInteger();
    check.int32(r.at(1), QLatin1StringView("ifindex"), &record->ifindex);
    std::uint64_t direction = 0;
    if (check.uint(r.at(2), QLatin1StringView("direction"), 2, &direction))
        record->direction = Direction(direction);
    check.uint32(r.at(3), QLatin1StringView("wireLength"), &record->wireLength);
    check.uint32(r.at(4), QLatin1StringView("capturedLength"), &record->capturedLength);
    check.uint(r.at(5), QLatin1StringView("fileOffset"), kMaxCounter, &record->fileOffset);
    check.uint32(r.at(6), key::linkType, &record->linkType);
    check.uint(r.at(8), QLatin1StringView("number"), kMaxCounter, &record->number);
    if (!check.ok())
        return false;
    if (record->number == 0)
        return check.fail(QStringLiteral("A packet's number in its file starts at 1."));
    if (!r.at(7).isByteArray())
        return check.fail(QStringLiteral("Field head must be a byte string."));
    record->head = r.at(7).toByteArray();
    if (record->capturedLength > record->wireLength)
        return check.fail(QStringLiteral("A packet's captured length exceeds its wire length."));
    if (record->head.size() > kMaxRecordHeadBytes ||
        std::uint64_t(record->head.size()) > record->capturedLength)
        return check.fail(QStringLiteral("A packet's head is longer than allowed."));
    return true;
}

bool decodePackets(Fields& f, Checker& check, QList<PacketRecord>* records)
{
    const QCborValue list = f[key::records];
    if (!check.ok())
        return false;
    if (!list.isArray())
        return check.fail(QStringLiteral("Field records must be an array."));
    const QCborArray array = list.toArray();
    if (array.size() > kMaxPacketsPerMessage)
        return check.fail(QStringLiteral("Too many packet records (%1).").arg(array.size()));
    records->reserve(array.size());
    for (const QCborValue& item : array) {
        PacketRecord record;
        if (!decodeRecord(item, check, &record))
            return false;
        records->append(std::move(record));
    }
    return true;
}

bool decodeProgram(const QCborValue& item, Checker& check, ProgramInfo* program)
{
    if (!item.isArray() || item.toArray().size() != kProgramFieldCount)
        return check.fail(
            QStringLiteral("A program entry must be an array of %1.").arg(kProgramFieldCount));
    const QCborArray p = item.toArray();
    check.uint32(p.at(0), QLatin1StringView("id"), &program->id);
    std::uint64_t kind = 0;
    if (check.uint(p.at(1), key::kind, std::uint64_t(ProgramInfo::Kind::NotTcpUdp), &kind))
        program->kind = ProgramInfo::Kind(kind);
    check.uint32(p.at(2), QLatin1StringView("uid"), &program->uid);
    check.text(p.at(3), QLatin1StringView("user"), kMaxProgramUserBytes, &program->user);
    if (check.int32(p.at(4), QLatin1StringView("pid"), &program->pid) && program->pid < 0)
        check.fail(QStringLiteral("Field pid must not be negative."));
    check.text(p.at(5), QLatin1StringView("name"), kMaxProgramNameBytes, &program->name);
    // Bounded in UTF-16 units (3 bytes of UTF-8 at most each), and in bytes.
    if (check.text(p.at(6), QLatin1StringView("commandLine"), 3 * qsizetype(kMaxCommandLineChars),
                   &program->commandLine) &&
        program->commandLine.size() > kMaxCommandLineChars)
        check.fail(ErrorCode::OutOfRange,
                   QStringLiteral("Field commandLine is %1 characters long, above the maximum %2.")
                       .arg(program->commandLine.size())
                       .arg(kMaxCommandLineChars));
    check.uint(p.at(7), QLatin1StringView("packetsIn"), kMaxCounter, &program->packetsIn);
    check.uint(p.at(8), QLatin1StringView("bytesIn"), kMaxCounter, &program->bytesIn);
    check.uint(p.at(9), QLatin1StringView("packetsOut"), kMaxCounter, &program->packetsOut);
    check.uint(p.at(10), QLatin1StringView("bytesOut"), kMaxCounter, &program->bytesOut);
    check.uint32(p.at(11), QLatin1StringView("connections"), &program->connections);
    if (!check.ok())
        return false;
    // The special rows have their own ids (pr::kProgramNotAttributed,
    // pr::kProgramNotTcpUdp), and only they.
    constexpr std::uint32_t kNotAttributedId = 0xfffffffe;
    constexpr std::uint32_t kNotTcpUdpId = 0xffffffff;
    bool idFits = program->id != 0 && program->id < kNotAttributedId;
    if (program->kind == ProgramInfo::Kind::NotAttributed)
        idFits = program->id == kNotAttributedId;
    else if (program->kind == ProgramInfo::Kind::NotTcpUdp)
        idFits = program->id == kNotTcpUdpId;
    if (!idFits)
        return check.fail(
            QStringLiteral("Program id %1 does not go with kind %2.").arg(program->id).arg(kind));
    return true;
}

bool decodePrograms(Fields& f, Checker& check, QList<ProgramInfo>* programs)
{
    const QCborValue list = f[key::programs];
    if (!check.ok())
        return false;
    if (!list.isArray())
        return check.fail(QStringLiteral("Field programs must be an array."));
    const QCborArray array = list.toArray();
    if (array.size() > kMaxProgramsPerMessage)
        return check.fail(QStringLiteral("Too many programs (%1).").arg(array.size()));
    programs->reserve(array.size());
    for (const QCborValue& item : array) {
        ProgramInfo program;
        if (!decodeProgram(item, check, &program))
            return false;
        programs->append(std::move(program));
    }
    return true;
}

bool decodeError(Fields& f, Checker& check, ErrorInfo* error)
{
    std::uint64_t code = 0;
    // The helper sends the codes up to HelperCrashed and those appended
    // after the client-side ones (RingTooLarge and later).
    if (check.uint(f[key::code], key::code, std::uint64_t(ErrorCode::DiskFull), &code)) {
        if (code > std::uint64_t(ErrorCode::HelperCrashed) &&
            code < std::uint64_t(ErrorCode::RingTooLarge))
            check.fail(QStringLiteral("Field code is %1, which the helper never sends.").arg(code));
        error->code = ErrorCode(code);
    }
    check.text(f[key::message], key::message, kMaxTextBytes, &error->message);
    return check.ok();
}

} // namespace

const char* messageKindName(MessageKind kind)
{
    switch (kind) {
    case MessageKind::Hello:
        return "Hello";
    case MessageKind::Start:
        return "Start";
    case MessageKind::Started:
        return "Started";
    case MessageKind::Totals:
        return "Totals";
    case MessageKind::Packets:
        return "Packets";
    case MessageKind::Warning:
        return "Warning";
    case MessageKind::Error:
        return "Error";
    case MessageKind::Stop:
        return "Stop";
    case MessageKind::Stopped:
        return "Stopped";
    case MessageKind::FileStarted:
        return "FileStarted";
    case MessageKind::InterfaceEnded:
        return "InterfaceEnded";
    case MessageKind::Programs:
        return "Programs";
    }
    return "unknown";
}

bool isSentOn(MessageKind kind, Channel channel)
{
    switch (kind) {
    case MessageKind::Hello:
        return true;
    case MessageKind::Start:
    case MessageKind::Stop:
        return channel == Channel::ToHelper;
    case MessageKind::Started:
    case MessageKind::Totals:
    case MessageKind::Packets:
    case MessageKind::Warning:
    case MessageKind::Error:
    case MessageKind::Stopped:
    case MessageKind::FileStarted:
    case MessageKind::InterfaceEnded:
    case MessageKind::Programs:
        return channel == Channel::ToGui;
    }
    return false;
}

QString projectVersion()
{
    return QStringLiteral(PR_PROJECT_VERSION);
}

QByteArray encodeHello(const HelloInfo& hello)
{
    FrameBuilder frame;
    frame.kind(MessageKind::Hello);
    frame.uint(key::version, hello.version);
    frame.text(key::helperVersion, hello.helperVersion);
    return frame.finish();
}

QByteArray encodeStart(const StartRequest& request)
{
    using options::OptionKind;
    FrameBuilder frame;
    frame.kind(MessageKind::Start);
    frame.text(key::interface, request.interfaceName);
    // Every option of the table in its order; the later ones only when they
    // differ from the default, so a Start that does not use them reads as
    // before.
    const CaptureOptions options = startOptions(request);
    for (const options::CaptureOption& option : options::captureOptions()) {
        if (option.wire == options::WireRule::None ||
            (option.wire == options::WireRule::SentIfChanged &&
             options::isDefault(option, options)))
            continue;
        const QLatin1StringView name(option.protocolKey);
        const options::OptionValue value = option.get(options);
        switch (option.kind) {
        case OptionKind::Flag:
            frame.writer().append(name);
            frame.writer().append(std::get<bool>(value));
            break;
        case OptionKind::Count:
            frame.uint(name, std::get<std::uint64_t>(value));
            break;
        case OptionKind::Seconds:
            frame.number(name, std::get<double>(value));
            break;
        case OptionKind::Text:
        case OptionKind::Choice:
            frame.text(name, QString::fromStdString(std::get<std::string>(value)));
            break;
        }
    }
    // Only for several interfaces: a Start on one interface reads as before.
    if (!request.interfaceNames.isEmpty()) {
        QCborStreamWriter& w = frame.writer();
        w.append(key::interfaceNames);
        w.startArray(quint64(request.interfaceNames.size()));
        for (const QString& name : request.interfaceNames)
            w.append(name);
        w.endArray();
    }
    return frame.finish();
}

// The only two places that name StartRequest's option fields one by one;
// options added later travel in tableOptions.
CaptureOptions startOptions(const StartRequest& request)
{
    CaptureOptions options = request.tableOptions;
    options.interfaceNames.clear();
    options.interfaceName = request.interfaceName.toStdString();
    // Several interfaces (validated by the decoder: names, none twice, "any"
    // alone); one stays interfaceName alone, as before.
    if (request.interfaceNames.size() > 1)
        for (const QString& name : request.interfaceNames)
            options.interfaceNames.push_back(name.toStdString());
    options.filter = request.filter.toStdString();
    options.snaplen = request.snaplen;
    options.promiscuous = request.promiscuous;
    options.ringBytes = request.ringBytes;
    parseFileFormat(request.format.toStdString(), &options.format);
    options.outputPath = request.outputPath.toStdString();
    options.overwrite = request.overwrite;
    options.stop.durationSeconds = request.stopAfterSeconds;
    options.stop.packetCount = request.stopAfterPackets;
    options.stop.fileBytes = request.stopAfterBytes;
    options.fileSet.maxFileBytes = request.splitBytes;
    options.fileSet.maxFileSeconds = request.splitSeconds;
    options.fileSet.keepFiles = request.keepFiles;
    options.attribution = request.attribution;
    options.programComments = request.programComments;
    options.stop.fileCount = request.stopAfterFiles;
    return options;
}

void setStartOptions(const CaptureOptions& options, StartRequest* request)
{
    request->tableOptions = options;
    request->filter = QString::fromStdString(options.filter);
    request->snaplen = options.snaplen;
    request->promiscuous = options.promiscuous;
    request->ringBytes = options.ringBytes;
    request->format = QString::fromLatin1(fileFormatName(options.format));
    request->outputPath = QString::fromStdString(options.outputPath);
    request->overwrite = options.overwrite;
    request->stopAfterSeconds = options.stop.durationSeconds;
    request->stopAfterPackets = options.stop.packetCount;
    request->stopAfterBytes = options.stop.fileBytes;
    request->splitBytes = options.fileSet.maxFileBytes;
    request->splitSeconds = options.fileSet.maxFileSeconds;
    request->keepFiles = options.fileSet.keepFiles;
    request->attribution = options.attribution;
    request->programComments = options.programComments;
    request->stopAfterFiles = options.stop.fileCount;
}

QByteArray encodeStarted(const StartedInfo& info)
{
    FrameBuilder frame;
    frame.kind(MessageKind::Started);
    frame.uint(key::linkType, info.linkType);
    frame.text(key::linkTypeName, info.linkTypeName);
    frame.text(key::outputPath, info.outputPath);
    QCborStreamWriter& w = frame.writer();
    w.append(key::interfaces);
    w.startArray(quint64(info.interfaces.size()));
    for (const InterfaceEntry& entry : info.interfaces) {
        w.startArray(kInterfaceFieldCount);
        w.append(qint64(entry.ifindex));
        w.append(entry.name);
        w.append(quint64(entry.linkType));
        w.endArray();
    }
    w.endArray();
    return frame.finish();
}

QByteArray encodeTotals(const TotalsInfo& totals)
{
    return encodeTotalsKind(MessageKind::Totals, totals);
}

QByteArray encodePackets(const QList<PacketRecord>& records)
{
    FrameBuilder frame;
    frame.kind(MessageKind::Packets);
    QCborStreamWriter& w = frame.writer();
    w.append(key::records);
    w.startArray(quint64(records.size()));
    for (const PacketRecord& r : records) {
        // The program ids only when there is one: records keep their size.
        const bool attributed = r.sourceProgram != 0 || r.destinationProgram != 0;
        w.startArray(attributed ? kAttributedRecordFieldCount : kRecordFieldCount);
        w.append(qint64(r.timestampNs));
        w.append(qint64(r.ifindex));
        w.append(quint64(r.direction));
        w.append(quint64(r.wireLength));
        w.append(quint64(r.capturedLength));
        w.append(quint64(std::min(r.fileOffset, kMaxCounter)));
        w.append(quint64(r.linkType));
        w.appendByteString(r.head.constData(),
                           std::min<qsizetype>(r.head.size(), kMaxRecordHeadBytes));
        w.append(quint64(std::min(r.number, kMaxCounter)));
        if (attributed) {
            w.append(quint64(r.sourceProgram));
            w.append(quint64(r.destinationProgram));
        }
        w.endArray();
    }
    w.endArray();
    return frame.finish();
}

QByteArray encodeFileStarted(const FileStartedInfo& info)
{
    FrameBuilder frame;
    frame.kind(MessageKind::FileStarted);
    frame.uint(key::fileNumber, info.number);
    frame.text(key::outputPath, info.path);
    frame.uint(key::filesKept, info.filesKept);
    return frame.finish();
}

QByteArray encodePrograms(const QList<ProgramInfo>& programs)
{
    FrameBuilder frame;
    frame.kind(MessageKind::Programs);
    QCborStreamWriter& w = frame.writer();
    w.append(key::programs);
    const qsizetype count = std::min<qsizetype>(programs.size(), kMaxProgramsPerMessage);
    w.startArray(quint64(count));
    for (qsizetype i = 0; i < count; ++i) {
        const ProgramInfo& p = programs[i];
        w.startArray(kProgramFieldCount);
        w.append(quint64(p.id));
        w.append(quint64(p.kind));
        w.append(quint64(p.uid));
        w.append(boundedText(p.user, kMaxProgramUserBytes, kMaxProgramUserBytes));
        w.append(qint64(std::max(p.pid, 0)));
        w.append(boundedText(p.name, kMaxProgramNameBytes, kMaxProgramNameBytes));
        w.append(boundedText(p.commandLine, kMaxCommandLineChars, 3 * kMaxCommandLineChars));
        w.append(quint64(std::min(p.packetsIn, kMaxCounter)));
        w.append(quint64(std::min(p.bytesIn, kMaxCounter)));
        w.append(quint64(std::min(p.packetsOut, kMaxCounter)));
        w.append(quint64(std::min(p.bytesOut, kMaxCounter)));
        w.append(quint64(p.connections));
        w.endArray();
    }
    w.endArray();
    return frame.finish();
}

QByteArray encodeInterfaceEnded(const QString& interfaceName)
{
    FrameBuilder frame;
    frame.kind(MessageKind::InterfaceEnded);
    frame.text(key::interface, interfaceName);
    return frame.finish();
}

QByteArray encodeWarning(const QString& message)
{
    FrameBuilder frame;
    frame.kind(MessageKind::Warning);
    frame.text(key::message, message);
    return frame.finish();
}

QByteArray encodeError(const ErrorInfo& error)
{
    FrameBuilder frame;
    frame.kind(MessageKind::Error);
    frame.uint(key::code, std::uint64_t(error.code));
    frame.text(key::message, error.message);
    return frame.finish();
}

QByteArray encodeStop()
{
    FrameBuilder frame;
    frame.kind(MessageKind::Stop);
    return frame.finish();
}

QByteArray encodeStopped(const TotalsInfo& finalTotals)
{
    return encodeTotalsKind(MessageKind::Stopped, finalTotals);
}

QByteArray encodeMessage(const Message& message)
{
    switch (message.kind) {
    case MessageKind::Hello:
        return encodeHello(message.hello);
    case MessageKind::Start:
        return encodeStart(message.start);
    case MessageKind::Started:
        return encodeStarted(message.started);
    case MessageKind::Totals:
        return encodeTotals(message.totals);
    case MessageKind::Packets:
        return encodePackets(message.packets);
    case MessageKind::Warning:
        return encodeWarning(message.warning);
    case MessageKind::Error:
        return encodeError(message.error);
    case MessageKind::Stop:
        return encodeStop();
    case MessageKind::Stopped:
        return encodeStopped(message.totals);
    case MessageKind::FileStarted:
        return encodeFileStarted(message.fileStarted);
    case MessageKind::InterfaceEnded:
        return encodeInterfaceEnded(message.interfaceEnded);
    case MessageKind::Programs:
        return encodePrograms(message.programs);
    }
    return {};
}

bool decodePayload(QByteArrayView payload, Message* message, ErrorInfo* error)
{
    Checker check(error);
    {
        QCborStreamReader reader(payload.data(), payload.size());
        if (!ShapeCheck(reader, check).root(payload.size()))
            return false;
    }
    // The shape is sound: build values for the known keys only.
    QCborMap map;
    QCborStreamReader reader(payload.data(), payload.size());
    reader.enterContainer();
    while (reader.hasNext() && reader.lastError() == QCborError::NoError) {
        QString name;
        auto chunk = reader.readString();
        for (; chunk.status == QCborStreamReader::Ok; chunk = reader.readString())
            name += chunk.data;
        if (knownKeyIndex(name) >= 0)
            map.insert(name, QCborValue::fromCbor(reader));
        else
            reader.next();
    }
    if (reader.lastError() != QCborError::NoError)
        return check.fail(QStringLiteral("The message is not valid CBOR (%1).")
                              .arg(reader.lastError().toString()));
    Fields f(map, check);

    std::uint64_t kind = 0;
    if (!check.uint(f[key::kind], key::kind, std::numeric_limits<std::uint8_t>::max(), &kind))
        return false;
    *message = Message();
    message->kind = MessageKind(kind);
    switch (message->kind) {
    case MessageKind::Hello:
        check.uint32(f[key::version], key::version, &message->hello.version);
        check.text(f[key::helperVersion], key::helperVersion, 64, &message->hello.helperVersion);
        return check.ok();
    case MessageKind::Start:
        return decodeStart(f, check, &message->start);
    case MessageKind::Started:
        return decodeStarted(f, check, &message->started);
    case MessageKind::Totals:
    case MessageKind::Stopped:
        return decodeTotals(f[key::totals], check, &message->totals);
    case MessageKind::Packets:
        return decodePackets(f, check, &message->packets);
    case MessageKind::Warning:
        return check.text(f[key::message], key::message, kMaxTextBytes, &message->warning);
    case MessageKind::Error:
        return decodeError(f, check, &message->error);
    case MessageKind::Stop:
        return true;
    case MessageKind::FileStarted:
        return decodeFileStarted(f, check, &message->fileStarted);
    case MessageKind::InterfaceEnded:
        return check.interfaceName(f[key::interface], key::interface, /*allowAny=*/false,
                                   &message->interfaceEnded);
    case MessageKind::Programs:
        return decodePrograms(f, check, &message->programs);
    }
    return check.fail(QStringLiteral("Unknown message kind %1.").arg(kind));
}

bool MessageReader::fail(const ErrorInfo& error)
{
    m_failed = true;
    m_error = error;
    // Nothing after an error is read: give the memory back.
    m_buffer = QByteArray();
    m_readPos = 0;
    return false;
}

bool MessageReader::checkLength(std::uint32_t length)
{
    if (length > 0 && length <= maxPayloadBytes(m_channel))
        return true;
    return fail({ErrorCode::ProtocolError,
                 QStringLiteral("A message of %1 bytes is outside the allowed 1 to %2 bytes.")
                     .arg(length)
                     .arg(maxPayloadBytes(m_channel))});
}

namespace {
std::uint32_t readLength(const char* bytes)
{
    const auto* p = reinterpret_cast<const unsigned char*>(bytes);
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) |
           p[3];
}
} // namespace

void MessageReader::feed(QByteArrayView bytes)
{
    if (m_failed || bytes.isEmpty())
        return;
    // Drop consumed bytes before growing, so the buffer stays about one frame.
    if (m_readPos > 0 && m_readPos == m_buffer.size()) {
        m_buffer.clear();
        m_readPos = 0;
    } else if (m_readPos > qsizetype(maxPayloadBytes(m_channel))) {
        m_buffer.remove(0, m_readPos);
        m_readPos = 0;
    }
    // A length over the limit is refused as soon as its prefix is complete,
    // before the payload it announces is buffered.
    const qsizetype before = m_buffer.size() - m_readPos;
    if (before < kMessageHeaderBytes && before + bytes.size() >= kMessageHeaderBytes) {
        char header[kMessageHeaderBytes];
        for (qsizetype i = 0; i < kMessageHeaderBytes; ++i)
            header[i] = i < before ? m_buffer[m_readPos + i] : bytes[i - before];
        if (!checkLength(readLength(header)))
            return;
    }
    m_buffer.append(bytes);
}

MessageReader::Status MessageReader::next(Message* message, ErrorInfo* error)
{
    auto failed = [&] {
        if (error)
            *error = m_error;
        return Status::Error;
    };
    if (m_failed)
        return failed();
    const qsizetype available = m_buffer.size() - m_readPos;
    if (available < kMessageHeaderBytes)
        return Status::NeedMore;
    const std::uint32_t length = readLength(m_buffer.constData() + m_readPos);
    if (!checkLength(length))
        return failed();
    if (available < kMessageHeaderBytes + qsizetype(length))
        return Status::NeedMore;
    const QByteArrayView payload(m_buffer.constData() + m_readPos + kMessageHeaderBytes, length);
    ErrorInfo decodeError;
    if (!decodePayload(payload, message, &decodeError)) {
        fail(decodeError);
        return failed();
    }
    m_readPos += kMessageHeaderBytes + qsizetype(length);
    if (!isSentOn(message->kind, m_channel)) {
        fail({ErrorCode::ProtocolError,
              m_channel == Channel::ToHelper
                  ? QStringLiteral("A %1 message is never sent to the helper.")
                        .arg(QLatin1StringView(messageKindName(message->kind)))
                  : QStringLiteral("A %1 message is never sent by the helper.")
                        .arg(QLatin1StringView(messageKindName(message->kind)))});
        return failed();
    }
    return Status::Message;
}

} // namespace pr::proto

namespace pr::proto {

std::uint32_t largestStartBytes()
{
    using detail::cborHead;
    using detail::textItem;
    constexpr std::uint32_t kInterfaceBytes = 15; // IFNAMSIZ - 1
    std::uint32_t bytes = 2;                      // indefinite-length map: head and break
    bytes += textItem(key::kind.size()) + 1;
    bytes += textItem(key::interface.size()) + textItem(kInterfaceBytes);
    bytes += textItem(key::interfaceNames.size()) + cborHead(limits::kMaxInterfaces) +
             std::uint32_t(limits::kMaxInterfaces) * textItem(kInterfaceBytes);
    for (const options::CaptureOption& option : options::captureOptions()) {
        if (option.wire == options::WireRule::None)
            continue;
        bytes += textItem(std::strlen(option.protocolKey));
        switch (option.kind) {
        case options::OptionKind::Flag:
            bytes += 1;
            break;
        case options::OptionKind::Count:
            bytes += cborHead(std::min(option.max, kMaxCounter));
            break;
        case options::OptionKind::Seconds:
            bytes += detail::kDouble;
            break;
        case options::OptionKind::Text:
            bytes += textItem(option.max);
            break;
        case options::OptionKind::Choice: {
            std::size_t longest = 0;
            for (const char* choice : option.choices)
                longest = std::max(longest, std::strlen(choice));
            bytes += textItem(longest);
            break;
        }
        }
    }
    return bytes;
}

} // namespace pr::proto
