#include "ui/main/app_icons.h"

#include <QPainter>
#include <QSvgRenderer>

namespace pr {

namespace {

QPixmap renderSvg(const QString& path, int size, qreal devicePixelRatio)
{
    QPixmap pixmap(QSize(size, size) * devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QSvgRenderer renderer(path);
    QPainter painter(&pixmap);
    renderer.render(&painter);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    return pixmap;
}

} // namespace

QIcon appIcon()
{
    return QIcon(QStringLiteral(":/icons/packet-recorder.svg"));
}

QIcon stopIcon()
{
    return QIcon(QStringLiteral(":/icons/stop.svg"));
}

QIcon recordIcon(bool withLock)
{
    if (!withLock)
        return QIcon(QStringLiteral(":/icons/record.svg"));
    // An overlay baked into pixmaps at the usual toolbar/menu sizes: QIcon has
    // no overlay concept, and an emblem must stay legible at 16 px.
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48}) {
        for (qreal ratio : {1.0, 2.0}) {
            QPixmap base = renderSvg(QStringLiteral(":/icons/record.svg"), size, ratio);
            const int lockSize = qMax(9, size * 9 / 16);
            const QPixmap lock = renderSvg(QStringLiteral(":/icons/lock.svg"), lockSize, ratio);
            QPainter painter(&base);
            painter.drawPixmap(size - lockSize, size - lockSize, lock);
            painter.end();
            icon.addPixmap(base);
        }
    }
    return icon;
}

} // namespace pr
